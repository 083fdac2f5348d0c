import { describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { EventBus } from '../../platform/events.js';
import { createSessionCache, forgetCachedSessions, SESSION_CACHE_MS, SESSIONS_TOPIC } from './session.cache.js';

/** A bus whose freshness the test sets, and which delivers `sessions` when told. */
function fakeBus() {
  const subscribers = new Map<string, Set<() => void>>();
  const bus: EventBus & { isFresh: boolean } = {
    isFresh: true,
    publish: async (topic: string) => {
      for (const fn of subscribers.get(topic) ?? []) fn();
    },
    subscribe: (topic: string, fn: () => void) => {
      const set = subscribers.get(topic) ?? new Set();
      set.add(fn);
      subscribers.set(topic, set);
      return () => set.delete(fn);
    },
    fresh: () => bus.isFresh,
    close: async () => {},
  };
  return bus;
}

const ana: CurrentUser = { id: 1, email: 'ana@example.test', fullName: 'Ana', role: 'customer' };

function setUp(now = () => 1_000_000) {
  const bus = fakeBus();
  const cache = createSessionCache(bus, { now });
  const load = vi.fn(async () => ({ user: { ...ana }, expiresAt: now() + 86_400_000 }));
  return { bus, cache, load };
}

describe('session cache', () => {
  it('answers a known session from memory, frozen, until a session change is published', async () => {
    const { bus, cache, load } = setUp();
    const first = await cache.get('h1', load);
    expect(await cache.get('h1', load)).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    expect(Object.isFrozen(first)).toBe(true);
    await bus.publish(SESSIONS_TOPIC);
    await cache.get('h1', load);
    expect(load).toHaveBeenCalledTimes(2);
    cache.close();
  });

  it('goes to the database on every request while the bus cannot prove it heard every revocation', async () => {
    const { bus, cache, load } = setUp();
    await cache.get('h1', load);
    bus.isFresh = false;
    await cache.get('h1', load);
    await cache.get('h1', load);
    expect(load).toHaveBeenCalledTimes(3);
    cache.close();
  });

  it('forgets in every cache of the process at once (a write in this process, before its commit)', async () => {
    const a = setUp();
    const b = setUp();
    await a.cache.get('h1', a.load);
    await b.cache.get('h1', b.load);
    forgetCachedSessions();
    await a.cache.get('h1', a.load);
    await b.cache.get('h1', b.load);
    expect(a.load).toHaveBeenCalledTimes(2);
    expect(b.load).toHaveBeenCalledTimes(2);
    a.cache.close();
    b.cache.close();
  });

  it('does not keep a lookup that was under way when the sessions changed', async () => {
    const { cache } = setUp();
    let finish: (v: { user: CurrentUser; expiresAt: number }) => void = () => {};
    const slow = () => new Promise<{ user: CurrentUser; expiresAt: number }>((r) => (finish = r));
    const pending = cache.get('h1', slow);
    forgetCachedSessions();
    finish({ user: { ...ana }, expiresAt: Date.now() + 60_000 });
    expect(await pending).toEqual(ana);
    const next = vi.fn(async () => undefined);
    expect(await cache.get('h1', next)).toBeUndefined();
    expect(next).toHaveBeenCalledTimes(1);
    cache.close();
  });

  it('never keeps an unknown session id', async () => {
    const { cache } = setUp();
    const none = vi.fn(async () => undefined);
    await cache.get('made-up', none);
    await cache.get('made-up', none);
    expect(none).toHaveBeenCalledTimes(2);
    cache.close();
  });

  it("ends an entry at the session's own expiry, and after its lifetime anyway", async () => {
    let at = 1_000_000;
    const now = () => at;
    const { cache } = setUp(now);
    const shortLived = vi.fn(async () => ({ user: { ...ana }, expiresAt: at + 5_000 }));
    await cache.get('short', shortLived);
    at += 4_999;
    await cache.get('short', shortLived);
    expect(shortLived).toHaveBeenCalledTimes(1);
    at += 1;
    await cache.get('short', shortLived);
    expect(shortLived).toHaveBeenCalledTimes(2);

    const longLived = vi.fn(async () => ({ user: { ...ana }, expiresAt: at + 86_400_000 }));
    await cache.get('long', longLived);
    at += SESSION_CACHE_MS;
    await cache.get('long', longLived);
    expect(longLived).toHaveBeenCalledTimes(2);
    cache.close();
  });

  it('stops listening and holds nothing once closed', async () => {
    const { bus, cache, load } = setUp();
    await cache.get('h1', load);
    cache.close();
    await bus.publish(SESSIONS_TOPIC);
    await cache.get('h1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
