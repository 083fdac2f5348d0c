import { readdirSync, readFileSync } from 'node:fs';
import { is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { layers, moduleGraph, moduleGraphMermaid } from '../scripts/module-graph.js';

const modules = readdirSync('src/modules', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('module boundaries', () => {
  it('the allowed graph names every module, only modules, and has no cycle', () => {
    expect(Object.keys(moduleGraph).sort()).toEqual([...modules].sort());
    for (const deps of Object.values(moduleGraph)) for (const d of deps) expect(modules).toContain(d);
    expect(layers()).toHaveProperty('order');
  });

  it('finds a cycle when there is one', () => {
    expect(layers({ a: ['b'], b: ['c'], c: ['a'] })).toEqual({ cycle: ['a', 'b', 'c', 'a'] });
  });

  it("no module's surface exports a table", async () => {
    for (const m of modules) {
      const surface = (await import(`./modules/${m}/index.ts`)) as Record<string, unknown>;
      const tables = Object.entries(surface).filter(([, v]) => is(v, Table));
      expect(tables.map(([name]) => `${m}.${name}`)).toEqual([]);
    }
  }, 60_000); // loads every module (a cold start transforms the whole app)

  it('the README draws the allowed graph', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(`\`\`\`mermaid\n${moduleGraphMermaid()}\n\`\`\``);
  });
});
