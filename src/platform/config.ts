import { z } from 'zod';

/** Booleans from env: only "true"/"1" and "false"/"0" are accepted. */
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

/**
 * Which proxies may tell the client's address (X-Forwarded-For): none by default, so a made-up
 * header cannot dodge per-IP limits. A hop count, or addresses/CIDR ranges (and proxy-addr's
 * `loopback`, `linklocal`, `uniquelocal`), comma-separated, as Fastify's `trustProxy` takes them.
 * `true` (trust any sender) is refused: it is the hole this setting closes.
 */
const proxyEntry = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): number | string[] | false => {
    const value = v?.trim() ?? '';
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    if (entries.every((e) => proxyEntry.test(e))) return entries;
    ctx.addIssue({
      code: 'custom',
      message: 'a hop count or a comma-separated list of proxy addresses (CIDR allowed)',
    });
    return z.NEVER;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().url().optional(),
    PUBLIC_URL: z.string().url().optional(),
    SMTP_URL: z.string().optional(),
    /** The sender of every mail, `Name <address>` or an address (named with the seller's name); unset: no-reply at PUBLIC_URL's host. */
    MAIL_FROM: z
      .string()
      .trim()
      .max(200)
      .regex(/^([^<>@\r\n]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'an address, or Name <address>')
      .optional(),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12).optional(),
    SEED_DEMO: flag(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustProxy,
    /** Failed logins (and registrations) per 15 minutes, per IP and per account. */
    AUTH_RATE_LIMIT: z.coerce.number().int().positive().default(10),
    /** How often each process runs the order and after-sales sweeps (deadlines, auto-completion, overdue alerts). */
    SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
    /** How often each process looks for queued mail to send over SMTP. */
    MAIL_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    /** How often each process looks for webhook deliveries that are due. */
    WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    /**
     * Webhooks may be posted to loopback and private addresses, and over plain http (ADR 0031).
     * Default: yes except in production, where only https to public addresses is sent.
     */
    WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false', '1', '0']).optional(),
    /** Uploaded files in this S3 bucket instead of DATA_DIR/files (ADR 0024). */
    S3_BUCKET: z.string().trim().min(3).max(63).optional(),
    /** An S3-compatible server's URL; unset: AWS itself. */
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    /** Path-style URLs (bucket in the path); default true with S3_ENDPOINT, false on AWS. */
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
    /** Standard AWS variables; unset, the AWS SDK's own chain (profile, instance or task role) applies. */
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    AWS_SESSION_TOKEN: z.string().min(1).optional(),
    /** Bearer token that opens /metrics; unset, /metrics is 404. */
    METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    /** How long SIGTERM waits for in-flight requests before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL,
    // A bare address: the mailer names it with the seller's name from the settings.
    mailFrom: env.MAIL_FROM ?? `no-reply@${new URL(env.PUBLIC_URL ?? 'http://localhost').hostname}`,
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    seedDemo: env.SEED_DEMO,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    authRateLimit: env.AUTH_RATE_LIMIT,
    sweepIntervalMs: env.SWEEP_INTERVAL_MS,
    mailIntervalMs: env.MAIL_INTERVAL_MS,
    webhooks: {
      intervalMs: env.WEBHOOK_INTERVAL_MS,
      allowPrivate:
        env.WEBHOOK_ALLOW_PRIVATE === undefined
          ? env.NODE_ENV !== 'production'
          : env.WEBHOOK_ALLOW_PRIVATE === 'true' || env.WEBHOOK_ALLOW_PRIVATE === '1',
    },
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION,
          forcePathStyle:
            env.S3_FORCE_PATH_STYLE === undefined
              ? Boolean(env.S3_ENDPOINT)
              : env.S3_FORCE_PATH_STYLE === 'true' || env.S3_FORCE_PATH_STYLE === '1',
          credentials:
            env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
              ? {
                  accessKeyId: env.AWS_ACCESS_KEY_ID,
                  secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                  sessionToken: env.AWS_SESSION_TOKEN,
                }
              : undefined,
        }
      : undefined,
    metricsToken: env.METRICS_TOKEN,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  }));

export type Config = Readonly<z.output<typeof schema>>;

/** The only place that reads process.env: everything else receives a Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return Object.freeze(parsed.data);
}

export const isHttps = (config: Config) => config.publicUrl.startsWith('https://');

/** Where the S3-compatible bucket is, when files are kept in one (the storage driver and backups read it). */
export type ObjectStorageConfig = NonNullable<Config['s3']>;
