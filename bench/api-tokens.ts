/**
 * Staff API tokens for the bench (ADR 0027), written straight to the table like every generated
 * row. A token allows 600 requests a minute, so a load row takes them in turn, one per request
 * (many integrations, not one hammering its own rate limit); each request still authenticates
 * and counts itself on its token's row, as in production.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';
import { apiTokens, users } from '../src/platform/db/schema.js';

const ADMIN = 'admin@bench.hashcart.test';

/** Deterministic `hc_` + 43 base64url characters, the app's token format. */
const tokenOf = (i: number) => `hc_${createHash('sha256').update(`bench api token ${i}`).digest('base64url')}`;

/** `count` sales tokens made by a bench admin (created on first use); returns the tokens. */
export async function benchApiTokens(db: Db, count: number): Promise<string[]> {
  const [hash] = (
    (await db.execute(
      sql`select password_hash as h from users where email like '%@bench.hashcart.test' limit 1`,
    )) as unknown as { rows: { h: string }[] }
  ).rows;
  if (!hash) throw new Error('the API tokens need the bench customers first');
  await db
    .insert(users)
    .values({ email: ADMIN, fullName: 'Bench admin', passwordHash: hash.h, role: 'admin' })
    .onConflictDoNothing({ target: users.email });
  const [admin] = await db.select({ id: users.id }).from(users).where(sql`${users.email} = ${ADMIN}`);
  const tokens = Array.from({ length: count }, (_, i) => tokenOf(i));
  await db
    .insert(apiTokens)
    .values(
      tokens.map((token, i) => ({
        name: `Bench integration ${i}`,
        // As the app stores it: SHA-256 hex of the whole token (src/modules/api/token.rules.ts).
        tokenHash: createHash('sha256').update(token).digest('hex'),
        prefix: token.slice(0, 10),
        roles: ['sales'],
        createdBy: admin!.id,
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      })),
    )
    .onConflictDoNothing({ target: apiTokens.tokenHash });
  return tokens;
}
