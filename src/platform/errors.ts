/**
 * The one error catalog: every expected failure has a code, an HTTP status and a
 * message key (translated at render time). Unknown errors become INTERNAL (500)
 * and their details are logged, never shown.
 */
export const errorCatalog = {
  NOT_FOUND: { status: 404, message: 'error.notFound' },
  BAD_REQUEST: { status: 400, message: 'error.badRequest' },
  FORBIDDEN: { status: 403, message: 'error.forbidden' },
  UNAUTHENTICATED: { status: 401, message: 'error.unauthenticated' },
  CSRF: { status: 403, message: 'error.csrf' },
  VALIDATION: { status: 422, message: 'error.validation' },
  RATE_LIMITED: { status: 429, message: 'error.rateLimited' },
  CONFLICT: { status: 409, message: 'error.conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'error.payloadTooLarge' },
  /** The API: an Idempotency-Key sent again with another request than the first time. */
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'error.idempotencyKeyReused' },
  INTERNAL: { status: 500, message: 'error.internal' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Field name -> message key, for errors shown beside form fields. */
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, options: { fields?: Record<string, string>; detail?: string } = {}) {
    super(options.detail ?? code);
    this.code = code;
    this.status = errorCatalog[code].status;
    this.fields = options.fields;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
