import { type Column, is, type Placeholder, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './client.js';
import { statementName } from './statement-cache.js';

/** A value in a statement built once: the value itself, or the placeholder bound to it at each call. */
export type Bindable<T> = T | Placeholder;
/** What a subquery hangs off: a value, a placeholder, or a column of the statement around it. */
export type Correlated<T> = Bindable<T> | Column;

/** The placeholders a prepared statement's builder gets: `p.userId` stands for `values.userId`. */
export type Placeholders<V> = { readonly [K in keyof V]: Placeholder<K & string, V[K]> };

/** What Drizzle's select (and insert, update, delete) builders offer. */
interface Preparable<R> {
  toSQL(): { sql: string };
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
  execute(values?: Record<string, unknown>): Promise<R>;
}

/**
 * A statement a page runs on every view, built once per database instead of once per call:
 * Drizzle's SQL building was 14–17% of the logged-in pages' CPU (#18). `build` writes the
 * query with `p.<name>` where values go; the result runs it with those values. The name
 * sent to PostgreSQL is the hash of the text, as the statement cache names every statement
 * (ADR 0011), so one name is always one text.
 *
 * A transaction's queries live no longer than the transaction: on a `Tx` the query is built
 * again (the same text, so the same server-side statement) and run with the values.
 */
export function preparedPerDb<V extends Record<string, unknown>, R>(
  build: (db: DbOrTx, p: Placeholders<V>) => Preparable<R>,
): (db: DbOrTx, values: V) => Promise<R> {
  const placeholders = new Proxy({} as Placeholders<V>, {
    get: (_, name) => (typeof name === 'string' ? sql.placeholder(name) : undefined),
  });
  const prepared = new WeakMap<Db, ReturnType<Preparable<R>['prepare']>>();
  return (db, values) => {
    if (is(db, PgTransaction)) return build(db, placeholders).execute(values);
    let query = prepared.get(db);
    if (!query) {
      const builder = build(db, placeholders);
      query = builder.prepare(statementName(builder.toSQL().sql));
      prepared.set(db, query);
    }
    return query.execute(values);
  };
}
