import { type SQL, sql } from 'drizzle-orm';

/**
 * A value fixed in the code (an enum state, a cap) written into the SQL text instead of sent
 * as a parameter. Statements are prepared once per connection (ADR 0011) and PostgreSQL may
 * then plan them for any parameter value: a partial index (`WHERE status = 'ready_to_ship'`)
 * only serves a statement whose text names that value, and a LIMIT it can see is planned for.
 * Only for constants from the code: anything else is refused.
 */
export function constant(value: string | number): SQL {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer constant: ${value}`);
    return sql.raw(String(value));
  }
  if (!/^[a-z][a-z0-9_]*$/.test(value)) throw new Error(`not an identifier-like constant: ${value}`);
  return sql.raw(`'${value}'`);
}
