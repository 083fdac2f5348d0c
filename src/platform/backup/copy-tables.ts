import type pg from 'pg';

/** Runs a statement on the source database and returns its rows (PGlite's or pg's `query`). */
export type Query = <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;

const BATCH = 500;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies every table of the `public` schema, rows and sequence positions, from one database into
 * another that has the same schema (the target was migrated by the same app version first).
 * This is how a PGlite shop moves to PostgreSQL: pg_restore cannot read PGlite's data-directory
 * dump, so the rows go over as JSON, parents before children (foreign keys), identity values
 * kept, in one transaction on the target. Whatever the target held in these tables is replaced.
 */
export async function copyTables(source: Query, target: pg.PoolClient): Promise<Record<string, number>> {
  const tables = (
    await source<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await source<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
    )
  ).rows;
  const order = parentsFirst(tables, edges);
  const copied: Record<string, number> = {};

  await target.query('BEGIN');
  try {
    // Only tables that hold rows (the migrations' own): the append-only audit log refuses TRUNCATE,
    // and on a freshly migrated target it is empty.
    const filled: string[] = [];
    for (const table of tables) {
      const { rows } = await target.query<{ filled: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS filled`,
      );
      if (rows[0]?.filled) filled.push(table);
    }
    if (filled.length) await target.query(`TRUNCATE ${filled.map(ident).join(', ')} RESTART IDENTITY CASCADE`);
    for (const table of order) {
      const columns = (
        await source<{ name: string }>(
          `SELECT attname AS name FROM pg_attribute
            WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
            ORDER BY attnum`,
          [ident(table)],
        )
      ).rows.map((r) => ident(r.name));
      const list = columns.join(', ');
      copied[table] = 0;
      for (let offset = 0; ; offset += BATCH) {
        const { rows } = await source<{ batch: string | null; n: number }>(
          `SELECT json_agg(t)::text AS batch, count(*)::int AS n FROM
             (SELECT ${list} FROM ${ident(table)} ORDER BY ctid LIMIT ${BATCH} OFFSET ${offset}) t`,
        );
        const batch = rows[0]?.batch;
        if (!batch) break;
        // A table a trigger fills from another (the search's `order_contact_values`, from orders)
        // may already hold a row by the time its own turn comes: the same row, so it is kept.
        await target.query(
          `INSERT INTO ${ident(table)} (${list}) OVERRIDING SYSTEM VALUE
           SELECT ${list} FROM json_populate_recordset(null::${ident(table)}, $1::json) ON CONFLICT DO NOTHING`,
          [batch],
        );
        copied[table] += rows[0]!.n;
        if (rows[0]!.n < BATCH) break;
      }
    }
    const sequences = (
      await source<{ name: string; value: string | null }>(
        `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
      )
    ).rows;
    for (const s of sequences) {
      if (s.value !== null)
        await target.query('SELECT setval($1::regclass, $2::bigint, true)', [ident(s.name), s.value]);
    }
    await target.query('COMMIT');
  } catch (err) {
    await target.query('ROLLBACK').catch(() => {});
    throw err;
  }
  return copied;
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
export function parentsFirst(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: string[] = [];
  const visit = (table: string) => {
    if (done.has(table)) return;
    if (visiting.has(table)) throw new Error(`foreign keys form a cycle through ${table}`);
    visiting.add(table);
    for (const e of edges) if (e.child === table && tables.includes(e.parent)) visit(e.parent);
    visiting.delete(table);
    done.add(table);
    out.push(table);
  };
  for (const t of tables) visit(t);
  return out;
}
