/**
 * Module boundaries (CONVENTIONS.md "Boundaries, enforced"), checked by `npm run lint`.
 *
 * The allowed graph is scripts/module-graph.json. Pages (src/pages) compose several modules; app,
 * startup and the demo seed sit above everything. Tests may reach into any module to set up
 * what they check.
 */
// The allowed module graph: each module and the modules it may import, always through their
// index.ts (platform is below all of them). boundaries.test.ts checks it has no cycles and that
// the README draws it (`npm run diagram`).
const modules = require('./scripts/module-graph.json');

const test = '(\\.test\\.tsx?|\\.test-helpers\\.tsx?)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...Object.entries(modules).map(([name, deps]) => ({
      name: `module-graph:${name}`,
      comment: `${name} may import only ${deps.join(', ') || 'platform'} (the graph in .dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path: `^src/modules/${name}/`, pathNot: test },
      to: { path: '^src/(modules|pages)/', pathNot: `^src/modules/(${[name, ...deps].join('|')})/` },
    })),
    {
      name: 'module-surface',
      comment: "another module is reached through its index.ts, never its files (tables may reference tables for foreign keys)",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: test },
      to: {
        path: '^src/modules/',
        pathNot: '^src/modules/($1/|[^/]+/index\\.ts$|[^/]+/[^/]+\\.tables\\.ts$)',
      },
    },
    {
      name: 'tables-only-from-tables',
      comment: "another module's tables are for foreign keys in *.tables.ts only",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: `(\\.tables\\.ts|${test})$` },
      to: { path: '^src/modules/[^/]+/[^/]+\\.tables\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'pages-use-surfaces',
      comment: 'pages compose modules through their index.ts',
      severity: 'error',
      from: { path: '^src/(pages|app\\.ts|startup\\.ts|server\\.ts|demo)', pathNot: test },
      // A module's demo fixtures are loaded by the seed on demand, never by the running shop.
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/(index\\.ts|demo/[^/]+\\.ts)$' },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'platform is below every module (db/schema.ts gathers the tables for drizzle-kit)',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: `(^src/platform/db/schema\\.ts$|${test})` },
      to: { path: '^src/(modules|pages|app\\.ts|demo)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: test },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
