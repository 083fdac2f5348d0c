/**
 * Memoised formatting. An Intl `format` call costs microseconds (more than the rest of a table
 * row); the pages format the same few values over and over (one string per day, per minute, per
 * price), so a lookup by a number key replaces it (#18).
 *
 * The memo is bounded: two generations of at most `limit` entries each. When the current one is
 * full it becomes the old one and the oldest goes; a hit in the old generation is copied forward,
 * so values in use survive (an LRU's effect without its bookkeeping on every hit).
 */
export class BoundedMemo<V> {
  private current = new Map<number, V>();
  private old = new Map<number, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (key: number) => V,
  ) {}

  get(key: number): V {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.old.get(key) ?? this.compute(key);
    if (this.current.size >= this.limit) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return value;
  }

  /** Entries held (at most twice the limit; a value can be in both generations). */
  get size() {
    return this.current.size + this.old.size;
  }
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Distinct values kept per formatter and generation: a few hundred KB at most. */
const LIMIT = 4096;

/**
 * `format` for an amount in cents, memoised by the cents. Negative zero is not a Map key of its
 * own (Map sees 0), and Intl writes it with a sign, so it is formatted each time.
 */
export function memoMoney(format: (amount: number) => string): (cents: number) => string {
  const memo = new BoundedMemo(LIMIT, (cents) => format(cents / 100));
  return (cents) => (Object.is(cents, -0) ? format(-0) : memo.get(cents));
}

/**
 * `format` for an instant whose text only changes every `stepMs` (a UTC date: per day; a UTC date
 * and time to the minute: per minute), memoised by the step's number. An invalid date goes to
 * `format` as it is, which throws as before.
 */
function memoByStep(stepMs: number, format: (d: Date) => string): (d: Date) => string {
  const memo = new BoundedMemo(LIMIT, (step) => format(new Date(step * stepMs)));
  return (d) => {
    const ms = +d;
    return Number.isFinite(ms) ? memo.get(Math.floor(ms / stepMs)) : format(d);
  };
}

/** For a formatter in UTC that shows no time of day (dateStyle only). */
export const memoUtcDate = (format: (d: Date) => string) => memoByStep(DAY_MS, format);

/** For a formatter in UTC that shows hours and minutes, no seconds (timeStyle short). */
export const memoUtcMinute = (format: (d: Date) => string) => memoByStep(MINUTE_MS, format);
