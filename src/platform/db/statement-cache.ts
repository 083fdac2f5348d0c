import { createHash } from 'node:crypto';
import pg from 'pg';

/** Distinct statements this process names; later new ones go unnamed (parsed each time), so memory stays bounded. */
export const MAX_NAMED_STATEMENTS = 500;

/**
 * A statement that matches a LIKE pattern stays unnamed, so it is planned with its pattern each
 * time. Named, PostgreSQL switches it to a generic plan after five runs, and a generic plan cannot
 * know how selective `%key%` is: the back-office search by tracking number went from the trigram
 * index (6 ms) to scanning every shipment (170 ms) at 500,000 orders (#15).
 */
const PATTERN_MATCH = /\s(?:i?like)\s/i;

/** The name a statement text is prepared under: its hash, so one name always means one text. */
export const statementName = (text: string) => `s_${createHash('sha1').update(text).digest('base64url')}`;

/**
 * A pg client that sends every parameterised statement as a named prepared statement,
 * as postgres.js and pgx do by default (ADR 0011). Each connection parses and plans a
 * statement text once and then only binds and executes it: Drizzle sends unnamed
 * statements, which PostgreSQL parses and plans again on every call — on the order
 * journey that was ~40% of the server's time per statement.
 *
 * The name is a hash of the text, so one name always means one text. The number of
 * distinct names is capped per process (statements built with a variable number of
 * parameters, such as IN lists, would otherwise add up on every connection).
 */
export class StatementCachingClient extends pg.Client {
  /** Statement text → its name (empty: sent unnamed), so a text is hashed once per process. */
  private static names = new Map<string, string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this passes them all through.
  override query(config: any, ...rest: any[]): any {
    // Only statements with parameters: one without (BEGIN, COMMIT, a migration's DDL) keeps the
    // simple protocol, which also allows several commands in one text.
    const values = Array.isArray(rest[0]) ? rest[0] : config?.values;
    if (config && typeof config === 'object' && typeof config.text === 'string' && !config.name && values?.length) {
      const names = StatementCachingClient.names;
      let name = names.get(config.text);
      if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
        name = PATTERN_MATCH.test(config.text) ? '' : statementName(config.text);
        names.set(config.text, name);
      }
      if (name) config = { ...config, name };
    }
    return super.query(config, ...rest);
  }
}
