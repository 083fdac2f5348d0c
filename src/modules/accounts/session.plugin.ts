import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events.js';
import { createSessionCache } from './session.cache.js';
import { findSessionUser, SESSION_DAYS } from './session.repo.js';

export interface SessionCookie {
  name: string;
  set(reply: FastifyReply, id: string): void;
  clear(reply: FastifyReply): void;
}

export function sessionCookie(secure: boolean): SessionCookie {
  // On https the __Host- prefix pins the cookie to this host, path / and Secure.
  const name = secure ? '__Host-hc_sid' : 'hc_sid';
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    name,
    set: (reply, id) => void reply.setCookie(name, id, { ...options, maxAge: SESSION_DAYS * 86_400 }),
    clear: (reply) => void reply.clearCookie(name, options),
  };
}

/**
 * Loads the logged-in user (if any) for every request: from the process's session cache, or
 * one indexed query (none for visitors).
 */
export function registerSessions(app: FastifyInstance, opts: { db: Db; bus: EventBus; secure: boolean }) {
  const cookie = sessionCookie(opts.secure);
  const cache = createSessionCache(opts.bus);
  app.addHook('onClose', async () => cache.close());
  app.decorateRequest('user', undefined);
  app.decorateRequest('sessionId', undefined);
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/assets/') || req.url.startsWith('/vendor/')) return;
    const id = req.cookies[cookie.name];
    if (!id) return;
    const user = await findSessionUser(opts.db, cache, id);
    if (user) {
      req.user = user;
      req.sessionId = id;
    } else {
      cookie.clear(reply);
    }
  });
}
