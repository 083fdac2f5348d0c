import { z } from 'zod';
import { AppError } from '../errors.js';
import { parseForm } from './forms.js';

/**
 * An export's one filter, the one its page lists by (#15): `?<name>=<one of values>`, or no
 * parameter for every row. Anything else (a value outside the list, an unknown or misspelt
 * parameter) is a 400 naming the field, never a quietly different file.
 */
export function exportFilter<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  const schema = z.strictObject(
    { [name]: z.enum(values, { message: 'field.filterChoice' }).optional() },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'field.filterUnknown' : undefined) },
  );
  return (query: unknown): T[number] | undefined => {
    const form = parseForm(schema, query);
    if (!form.ok) throw new AppError('BAD_REQUEST', { fields: form.errors });
    return (form.data as Record<string, T[number] | undefined>)[name];
  };
}
