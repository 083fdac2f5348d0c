/**
 * Back-office search matches a key anywhere in a value, whatever its case (ILIKE '%…%'),
 * which the trigram indexes of migration 0020 serve. Shorter keys than three characters
 * have no trigram to look up, so they would read every row: callers refuse them.
 */
export const SEARCH_MIN_CHARS = 3;

/** `q` as an ILIKE pattern matching it anywhere: `%`, `_` and `\` typed by a person match themselves. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
