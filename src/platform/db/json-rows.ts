import {
  type Column,
  getTableColumns,
  type InferSelectModel,
  is,
  SQL,
  type SQLWrapper,
  sql,
  type Table,
} from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/** The database name of a column under the app's `casing: 'snake_case'`. */
const dbName = (column: Column) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

/** A select's field: a column, or an expression named with `.as()` (its value comes back as JSON has it). */
type Field = Column | SQL.Aliased;
/** Each field's key, the name PostgreSQL's JSON gives it, and how its value is read: worked out once per table or field set. */
type JsonFields = [key: string, name: string, read: (value: unknown) => unknown][];
const jsonFields = new WeakMap<object, JsonFields>();
function fieldsOf(owner: object, columns: Record<string, Field>): JsonFields {
  let fields = jsonFields.get(owner);
  if (!fields) {
    fields = Object.entries(columns).map(([key, field]) =>
      is(field, SQL.Aliased)
        ? [key, field.fieldAlias, (value) => value]
        : [key, dbName(field), (value) => field.mapFromDriverValue(value)],
    );
    jsonFields.set(owner, fields);
  }
  return fields;
}

/** A row as PostgreSQL's row_to_json wrote it, turned into what a Drizzle select returns. */
function fromJson<R>(fields: JsonFields, row: Record<string, unknown>): R {
  const out: Record<string, unknown> = {};
  for (const [key, name, read] of fields) {
    const value = row[name];
    out[key] = value === null || value === undefined ? null : read(value);
  }
  return out as R;
}
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const tableFields = (table: Table) => fieldsOf(table, getTableColumns(table));

/**
 * The rows of `table` matching `where`, ordered by id, as one subquery (a JSON array)
 * to put in the select list of a bigger statement: a page can load several lists in one
 * round trip instead of one each (#7). Rows come back typed like `db.select().from(table)`.
 */
export function jsonRows<T extends Table>(table: T, where: SQL): SQL<InferSelectModel<T>[]> {
  return sql`(select coalesce(json_agg(r order by r.id), '[]'::json) from (select * from ${table} where ${where}) r)`.mapWith(
    (rows: Record<string, unknown>[] | string) => {
      const fields = tableFields(table);
      return parsed(rows).map((row) => fromJson<InferSelectModel<T>>(fields, row));
    },
  );
}

/** One row of `table` (or undefined), as a subquery like `jsonRows`. */
export function jsonRow<T extends Table>(table: T, where: SQL): SQL<InferSelectModel<T> | undefined> {
  return sql`(select row_to_json(r) from (select * from ${table} where ${where} limit 1) r)`.mapWith(
    (row: Record<string, unknown> | string | null) =>
      row === null ? undefined : fromJson<InferSelectModel<T>>(tableFields(table), parsed(row)),
  );
}

/**
 * The rows of `query`, a select of `columns` with its own filter, order and limit, as one
 * subquery like `jsonRows` (kept in `order`): a list that shares a round trip with other
 * figures. `columns` must be the select's own fields object, so each comes back typed.
 */
export function jsonList<R>(columns: Record<string, Field>, query: SQLWrapper, order: Column[]): SQL<R[]> {
  const by = sql.join(
    order.map((c) => sql.identifier(dbName(c))),
    sql`, `,
  );
  return sql`(select coalesce(json_agg(r order by ${by}), '[]'::json) from (${query}) r)`.mapWith(
    (rows: Record<string, unknown>[] | string) => {
      const fields = fieldsOf(columns, columns);
      return parsed(rows).map((row) => fromJson<R>(fields, row));
    },
  );
}
