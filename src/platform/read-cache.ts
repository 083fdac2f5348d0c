/**
 * A small in-process cache for read-mostly query results: bounded (LRU by entry count),
 * each entry expiring after `ttlMs`, and single-flight (concurrent misses on one key share
 * one load).
 *
 * Invariant that makes `clear()` a correct invalidation: the entry holds the load's
 * *promise*, inserted when the load starts. `clear()` drops every entry, including loads
 * still in flight, so a load that began before a write committed can never be stored
 * after the invalidation that follows the commit; requests arriving after `clear()`
 * start a fresh load. Values are shared between requests: callers must not mutate them.
 */
export interface ReadCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
}

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

export function createReadCache(opts: { max: number; ttlMs: number; now?: () => number }): ReadCache {
  const now = opts.now ?? Date.now;
  // Map iteration order is insertion order: the first key is the least recently used.
  let entries = new Map<string, Entry>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.expires > now()) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const value = load();
      const entry: Entry = { value, expires: now() + opts.ttlMs };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > opts.max) entries.delete(entries.keys().next().value as string);
      // A failed load is not cached; the `=== entry` check leaves a newer load alone.
      const owner = entries;
      value.catch(() => {
        if (owner.get(key) === entry) owner.delete(key);
      });
      return value;
    },
    clear() {
      entries = new Map();
    },
    get size() {
      return entries.size;
    },
  };
}
