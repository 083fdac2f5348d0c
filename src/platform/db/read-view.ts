import { QueryBuilder } from 'drizzle-orm/pg-core';

/**
 * Builds the read-only projections a module exports of its tables, for another module to
 * join in one statement (CONVENTIONS "Boundaries"): a subquery of the columns the owner
 * chooses to share. PostgreSQL flattens it into the join, so it costs nothing at run time,
 * and nobody can insert or update through it.
 */
export const readViews = new QueryBuilder({ casing: 'snake_case' });
