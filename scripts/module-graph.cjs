/**
 * The allowed module graph: each module and the modules it may import, always through their
 * `index.ts` (platform is below all of them). It has no cycles: module-graph.test.ts checks
 * that, and that the README's drawing is this table. .dependency-cruiser.cjs enforces it.
 */
const modules = {
  accounts: [],
  shipping: [],
  settings: ['accounts'],
  catalog: ['accounts', 'shipping'],
  cart: ['accounts', 'catalog'],
  'payment-methods': ['accounts'],
  orders: ['accounts', 'cart', 'catalog', 'payment-methods', 'settings', 'shipping'],
  payments: ['accounts', 'orders', 'payment-methods'],
  packing: ['accounts', 'catalog', 'orders', 'shipping'],
  invoices: ['accounts', 'orders', 'payment-methods', 'settings'],
  'repair-centers': ['accounts'],
  'after-sales': ['accounts', 'catalog', 'orders', 'packing', 'repair-centers', 'shipping'],
  help: ['accounts', 'after-sales', 'orders', 'repair-centers', 'settings', 'shipping'],
};

module.exports = { modules };
