import { problemSchema } from '../problem.js';

const described: Record<number, string> = {
  400: 'The request does not match the schema',
  401: 'No valid token or session',
  403: 'The token’s roles (or the user’s role) do not allow this',
  404: 'No such object, or not the caller’s',
  409: 'The object changed first (state conflict), or the same Idempotency-Key is still running',
  422: 'Refused by a rule, or an Idempotency-Key reused with another request',
  429: 'Too many requests for this token',
};

/** The problem responses an operation may give, for its schema (the document lists them). */
export const problems = (...statuses: (keyof typeof described)[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: described[s], content: { 'application/problem+json': { schema: problemSchema } } },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }
  >;
