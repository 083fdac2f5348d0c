/** The fixed category tree is shop-wide reference data (the storefront layout's navigation), kept in platform. */
import type { MessageKey } from './i18n/index.js';

/** The fixed category tree (DESIGN §4). Names are translated; slugs are the URL contract. */
export const categories = [
  { slug: 'asic-miners', name: 'category.asicMiners' },
  { slug: 'power-supplies', name: 'category.powerSupplies' },
  { slug: 'hash-boards', name: 'category.hashBoards' },
  { slug: 'control-boards', name: 'category.controlBoards' },
  { slug: 'fans-cooling', name: 'category.fansCooling' },
  { slug: 'cables-accessories', name: 'category.cablesAccessories' },
] as const satisfies readonly { slug: string; name: MessageKey }[];

export type CategorySlug = (typeof categories)[number]['slug'];
export const categorySlugs = categories.map((c) => c.slug) as [CategorySlug, ...CategorySlug[]];
export const findCategory = (slug: string) => categories.find((c) => c.slug === slug);
