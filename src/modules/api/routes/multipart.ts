import type { FastifySchemaCompiler } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import type { FieldErrors } from '../../../platform/http/forms.js';

/**
 * A multipart operation documents its body (text fields and the file) in its schema, but the
 * body is a stream the handler reads under the upload policy, after the CSRF check: the
 * framework validates the path and query only, and `uploadFields` checks the text fields with
 * the same schema once they have been read.
 */
export const multipartValidator = <S>(route: FastifyRouteSchemaDef<S>): ReturnType<FastifySchemaCompiler<S>> =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);

export const multipartOperation = { consumes: ['multipart/form-data'] };

/** The text fields of a multipart body against their schema: a 400 problem naming each field otherwise. */
export function uploadFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '_form')];
    for (const k of keys) errors[k] ??= issue.message;
  }
  throw new AppError('BAD_REQUEST', { fields: errors, detail: 'The request does not match the schema.' });
}

/** A refused file (type, size, pixels) is the upload policy's answer, as on the page: 422 with its message. */
export function refuseFiles(errors: FieldErrors) {
  if (Object.keys(errors).length) throw new AppError('VALIDATION', { fields: errors });
}
