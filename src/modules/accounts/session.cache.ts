import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { EventBus } from '../../platform/events.js';

/** The bus topic every change to a session or to who a user is publishes (on commit, from the transaction). */
export const SESSIONS_TOPIC = 'sessions';

/** How long a looked-up session is answered from memory at most; the bus makes revocations immediate. */
export const SESSION_CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface SessionLookup {
  user: CurrentUser;
  /** When the session itself expires (ms since the epoch). */
  expiresAt: number;
}

interface Entry {
  user: Readonly<CurrentUser>;
  /** The earlier of the session's own expiry and the cache's lifetime. */
  until: number;
}

export interface SessionCache {
  /** The user of a session id hash: from memory when that is safe, else `load` (which is then kept). */
  get(idHash: string, load: () => Promise<SessionLookup | undefined>): Promise<Readonly<CurrentUser> | undefined>;
  close(): void;
}

/** Every cache of this process, so that a write to sessions or users drops them all at once. */
const caches = new Set<{ clear(): void }>();

/**
 * Drops every cached session of this process. The session repository calls it on every
 * write that ends a session or changes who its user is, before the transaction commits, and
 * the NOTIFY it sends in that transaction makes every process (this one included) drop
 * them again after the commit: a lookup that read the old row in between cannot outlive it.
 */
export function forgetCachedSessions() {
  for (const c of caches) c.clear();
}

/**
 * Per-process memory of looked-up sessions (issue #18: the lookup was a round trip on every
 * logged-in request). Safe because (ADR 0037):
 * - a write to sessions or users clears it here at once and everywhere through the bus;
 * - it answers from memory only while `bus.fresh()` proves the process has heard every
 *   notification committed more than a second ago, so a dead listening connection falls back
 *   to the database on every request instead of serving a revoked session;
 * - a lookup that started before a clear is not kept (the generation check), and unknown ids
 *   are never kept (nobody can fill memory with made-up cookies);
 * - an entry dies with its session's expiry, and after `SESSION_CACHE_MS` anyway.
 */
export function createSessionCache(bus: EventBus, opts: { now?: () => number } = {}): SessionCache {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let generation = 0;
  const cache = {
    clear() {
      entries.clear();
      generation++;
    },
  };
  caches.add(cache);
  const unsubscribe = bus.subscribe(SESSIONS_TOPIC, cache.clear);
  return {
    async get(idHash, load) {
      const hit = entries.get(idHash);
      if (hit && hit.until > now() && bus.fresh()) return hit.user;
      const started = generation;
      const found = await load();
      if (!found) return undefined;
      const user = Object.freeze(found.user);
      if (started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(idHash, { user, until: Math.min(found.expiresAt, now() + SESSION_CACHE_MS) });
      }
      return user;
    },
    close() {
      unsubscribe();
      caches.delete(cache);
      entries.clear();
    },
  };
}
