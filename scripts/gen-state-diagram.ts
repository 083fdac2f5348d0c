// Writes the diagrams generated from the code into the README: the order states (from the
// state machine table) and the module graph (from scripts/module-graph.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { mermaidDiagram } from '../src/modules/orders/index.js';
import { moduleGraphMermaid } from './module-graph.js';

const replaceBlock = (readme: string, name: string, mermaid: string) => {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!readme.includes(start)) throw new Error(`README has no ${start} block`);
  return readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n${end}`);
};

let readme = readFileSync('README.md', 'utf8');
readme = replaceBlock(readme, 'order-states', mermaidDiagram());
readme = replaceBlock(readme, 'module-graph', moduleGraphMermaid());
writeFileSync('README.md', readme);
