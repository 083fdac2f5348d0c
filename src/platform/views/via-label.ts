import { type Locale, plainText } from '../i18n/index.js';

/**
 * How a change came in, in the reader's language. `order_events.via` and `audit_log.via` keep
 * the stored forms "token <name>" (an API token) and "console" (the operator's command line);
 * the audit log is hash-chained and append-only, so its rows keep them and the words are
 * translated here, at render. Plain text: views escape it.
 */
export function viaLabel(locale: Locale, via: string): string {
  if (via === 'console') return plainText(locale, 'via.console');
  const token = /^token (.+)$/s.exec(via);
  if (token) return plainText(locale, 'via.token', { name: token[1]! });
  return plainText(locale, 'timeline.via', { via });
}
