import { type Column, getTableColumns, type InferSelectModel, type SQL, sql, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/** The database name of a column under the app's `casing: 'snake_case'`. */
const dbName = (column: Column) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

/** A row as PostgreSQL's row_to_json wrote it, turned into what a Drizzle select returns. */
function fromJson<T extends Table>(table: T, row: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[dbName(column)];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as InferSelectModel<T>;
}

/**
 * The rows of `table` matching `where`, ordered by id, as one subquery (a JSON array)
 * to put in the select list of a bigger statement: a page can load several lists in one
 * round trip instead of one each (#7). Rows come back typed like `db.select().from(table)`.
 */
export function jsonRows<T extends Table>(table: T, where: SQL): SQL<InferSelectModel<T>[]> {
  return sql`(select coalesce(json_agg(r order by r.id), '[]'::json) from (select * from ${table} where ${where}) r)`.mapWith(
    (rows: Record<string, unknown>[] | string) =>
      (typeof rows === 'string' ? (JSON.parse(rows) as Record<string, unknown>[]) : rows).map((row) =>
        fromJson(table, row),
      ),
  );
}

/** One row of `table` (or undefined), as a subquery like `jsonRows`. */
export function jsonRow<T extends Table>(table: T, where: SQL): SQL<InferSelectModel<T> | undefined> {
  return sql`(select row_to_json(r) from (select * from ${table} where ${where} limit 1) r)`.mapWith(
    (row: Record<string, unknown> | string | null) =>
      row === null
        ? undefined
        : fromJson(table, typeof row === 'string' ? (JSON.parse(row) as Record<string, unknown>) : row),
  );
}
