import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode, errorCatalog } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/index.js';

/** One field that failed: where (`body`, `querystring`, `params`), which field, and why. */
export const fieldProblem = z.object({
  in: z.string(),
  field: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, the one shape of every API error; `code` is the error catalog's. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    code: z.enum(Object.keys(errorCatalog) as [ErrorCode, ...ErrorCode[]]),
    errors: z.array(fieldProblem).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** Where a code is explained: the docs page lists every code under this anchor. */
export const problemType = (code: ErrorCode) => `/api/v1/docs#error-${code}`;

export function problemOf(
  req: FastifyRequest,
  code: ErrorCode,
  extra: { status?: number; detail?: string; errors?: Problem['errors'] } = {},
): Problem {
  const { status, message } = errorCatalog[code];
  return {
    type: problemType(code),
    title: req.i18n.t(message),
    status: extra.status ?? status,
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
}

export const sendProblem = (reply: FastifyReply, problem: Problem) =>
  reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));

const translate = (req: FastifyRequest, message: string) =>
  /^[a-z]+\.[A-Za-z.]+$/.test(message) ? req.i18n.t(message as MessageKey) : message;

/**
 * The API's error handler: AppErrors keep their code and status (field errors listed),
 * a request the schema refuses is a 400 with each failing field, framework errors keep
 * their meaning, anything else is a 500 whose details stay in the log.
 */
export function toProblem(req: FastifyRequest, err: FastifyError | AppError): Problem {
  if (err instanceof AppError) {
    const errors = Object.entries(err.fields ?? {}).map(([field, message]) => ({
      in: 'body',
      field,
      message: translate(req, message),
    }));
    // Details of an AppError are codes (a guard's reason), never user data or internals.
    const detail = err.message !== err.code && err.code !== 'INTERNAL' ? err.message : undefined;
    return problemOf(req, err.code, { detail, errors });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    const errors = err.validation.map((v) => ({
      in: where,
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || unknownKeys(v.params) || '_',
      message: translate(req, v.message ?? 'invalid'),
    }));
    return problemOf(req, 'BAD_REQUEST', { detail: 'The request does not match the schema.', errors });
  }
  switch (err.statusCode) {
    case 400:
      // The JSON parser's refusals (broken JSON, a "__proto__" key) concern the body as a whole.
      return problemOf(req, 'BAD_REQUEST', {
        detail: err.message,
        errors: [{ in: 'body', field: '_', message: err.message }],
      });
    case 415:
      return problemOf(req, 'BAD_REQUEST', { status: err.statusCode, detail: err.message });
    case 404:
      return problemOf(req, 'NOT_FOUND');
    case 413:
      return problemOf(req, 'PAYLOAD_TOO_LARGE');
    case 429:
      return problemOf(req, 'RATE_LIMITED');
    default:
      return problemOf(req, 'INTERNAL');
  }
}

/** Zod names unknown keys in the issue, not in its path. */
const unknownKeys = (params: Record<string, unknown>) =>
  Array.isArray(params.keys) ? (params.keys as string[]).join(',') : undefined;
