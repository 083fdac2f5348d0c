// Writes the order state diagram, generated from the state machine table, into the README.
import { readFileSync, writeFileSync } from 'node:fs';
import { mermaidDiagram } from '../src/modules/orders/order.machine.js';

const start = '<!-- order-states:start -->';
const end = '<!-- order-states:end -->';
const readme = readFileSync('README.md', 'utf8');
const block = `${start}\n\`\`\`mermaid\n${mermaidDiagram()}\n\`\`\`\n${end}`;
const next = readme.includes(start)
  ? readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
  : `${readme.trimEnd()}\n\n## Order states\n\nGenerated from \`src/modules/orders/order.machine.ts\` by \`npm run diagram\`; a test fails when it is stale.\n\n${block}\n`;
writeFileSync('README.md', next);
