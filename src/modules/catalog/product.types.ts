import type { products } from './catalog.tables.js';

export type Product = typeof products.$inferSelect;
/** What the seed and the back-office form provide; ids, timestamps and search are the database's. */
export type ProductInput = Omit<typeof products.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'search'>;
