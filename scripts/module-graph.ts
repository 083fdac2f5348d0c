// The allowed module graph (scripts/module-graph.json, enforced by .dependency-cruiser.cjs), as data.
import graph from './module-graph.json' with { type: 'json' };

export const moduleGraph: Readonly<Record<string, readonly string[]>> = graph;

/** The modules bottom-up (each after everything it imports), or the cycle that prevents it. */
export function layers(g = moduleGraph): { order: string[] } | { cycle: string[] } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: string, path: string[]): string[] | undefined => {
    if (state.get(m) === 'done') return undefined;
    if (state.get(m) === 'visiting') return [...path.slice(path.indexOf(m)), m];
    state.set(m, 'visiting');
    for (const d of g[m] ?? []) {
      const cycle = visit(d, [...path, m]);
      if (cycle) return cycle;
    }
    state.set(m, 'done');
    order.push(m);
    return undefined;
  };
  for (const m of Object.keys(g)) {
    const cycle = visit(m, []);
    if (cycle) return { cycle };
  }
  return { order };
}

/** The graph for the README: pages and the app sit above every module, platform below. */
export function moduleGraphMermaid(g = moduleGraph): string {
  const id = (m: string) => m.replace(/-/g, '_');
  const lines = ['flowchart BT'];
  for (const [m, deps] of Object.entries(g)) {
    lines.push(deps.length ? `  ${id(m)}[${m}] --> ${deps.map(id).join(' & ')}` : `  ${id(m)}[${m}]`);
  }
  lines.push('  pages[src/pages: order pages, cart with checkout, dashboard] --> modules');
  lines.push('  modules((every module)) --> platform[src/platform]');
  return lines.join('\n');
}
