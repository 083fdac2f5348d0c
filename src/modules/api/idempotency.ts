import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { apiIdempotencyKeys } from './api.tables.js';
import { callerKey, callerOf } from './api-caller.js';
import { sendProblem, toProblem } from './problem.js';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** How long a key holds its answer; after that it may be used again, and the sweep deletes it. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** Same JSON whatever the order of its keys, so a retry that reorders fields is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

const requestHash = (req: FastifyRequest, body: unknown) =>
  createHash('sha256')
    .update(`${req.method} ${req.url}\n${canonical(body)}`)
    .digest('hex');

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/**
 * Honours `Idempotency-Key` (ADR 0027): the key is claimed for the caller with one
 * INSERT … ON CONFLICT before the action runs, and the answer stored after it. The same key
 * with the same request replays the stored answer (`Idempotent-Replayed: true`); with another
 * request it is a 422 problem; while the first is still running, a 409. A refusal (4xx) is an
 * answer too and is replayed; a failure on our side (5xx) frees the key for a retry. Keys
 * older than 24 hours may be used again. The action's own conditional state change still
 * decides every race: the key only makes a retry give the first answer back.
 */
export async function idempotent(
  db: DbOrTx,
  req: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<ApiAnswer>,
  /** What the request says, when its body is not JSON (an upload: its fields and each file's SHA-256). */
  body: unknown = req.body,
): Promise<void> {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return answer(reply, await run());
  if (typeof key !== 'string' || !KEY.test(key))
    throw new AppError('BAD_REQUEST', { detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters.' });
  const actor = callerKey(callerOf(req));
  const hash = requestHash(req, body);
  const [claimed] = await db
    .insert(apiIdempotencyKeys)
    .values({ actor, key, requestHash: hash })
    .onConflictDoUpdate({
      target: [apiIdempotencyKeys.actor, apiIdempotencyKeys.key],
      set: { requestHash: hash, status: null, body: null, createdAt: sql`now()` },
      setWhere: sql`${apiIdempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`,
    })
    .returning({ key: apiIdempotencyKeys.key });
  const row = and(eq(apiIdempotencyKeys.actor, actor), eq(apiIdempotencyKeys.key, key));
  if (!claimed) {
    const [prior] = await db.select().from(apiIdempotencyKeys).where(row);
    if (!prior || prior.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (prior.status === null) throw new AppError('CONFLICT', { detail: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
    reply.header('idempotent-replayed', 'true');
    reply.code(prior.status).type(prior.status >= 400 ? 'application/problem+json' : 'application/json');
    reply.send(JSON.stringify(prior.body));
    return;
  }
  let result: ApiAnswer;
  try {
    result = await run();
  } catch (err) {
    const problem = toProblem(req, err as AppError);
    if (problem.status >= 500) await db.delete(apiIdempotencyKeys).where(row);
    else await db.update(apiIdempotencyKeys).set({ status: problem.status, body: problem }).where(row);
    if (problem.status >= 500) req.log.error({ err }, 'unhandled API error');
    sendProblem(reply, problem);
    return;
  }
  await db
    .update(apiIdempotencyKeys)
    .set({ status: result.status, body: JSON.parse(JSON.stringify(result.body)) })
    .where(row);
  return answer(reply, result);
}

function answer(reply: FastifyReply, a: ApiAnswer) {
  reply.code(a.status).send(a.body);
}
