import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.js';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('read cache', () => {
  it('shares one load between concurrent misses and serves hits until the TTL', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createReadCache({ max: 10, ttlMs: 100, now: () => clock });
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    clock = 99;
    expect(await cache.get('k', load)).toBe(1);
    clock = 100;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('keeps at most max entries, evicting the least recently used', async () => {
    const cache = createReadCache({ max: 2, ttlMs: 1_000 });
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a2'); // a is now the most recent
    await cache.get('c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'reloaded')).toBe('a');
    expect(await cache.get('b', async () => 'reloaded')).toBe('reloaded');
  });

  it('never keeps a load that was in flight when cleared (it may predate a write)', async () => {
    const cache = createReadCache({ max: 10, ttlMs: 1_000 });
    const stale = deferred<string>();
    const first = cache.get('k', () => stale.promise);
    cache.clear();
    stale.resolve('before the write');
    expect(await first).toBe('before the write');
    expect(await cache.get('k', async () => 'after the write')).toBe('after the write');
  });

  it('does not cache failures', async () => {
    const cache = createReadCache({ max: 10, ttlMs: 1_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });
});
