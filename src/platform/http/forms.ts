import type { z } from 'zod';
import type { MessageKey } from '../i18n/index.js';

export type FieldErrors = Record<string, MessageKey>;
export type FormValues = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Parses a submitted form. Unknown fields are dropped by the schema (so a posted
 * `role`, `price` or `userId` does nothing). On failure the typed values come back
 * for re-rendering — never passwords.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= (
      issue.message.startsWith('field.')
        ? issue.message
        : issue.code === 'invalid_type'
          ? 'field.required'
          : 'field.invalid'
    ) as MessageKey;
  }
  return { ok: false, errors, values: formValues(body) };
}

export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' && !/password|_csrf/i.test(k)) values[k] = v;
    }
  }
  return values;
}
