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

/** Where an S3-compatible bucket is (backups read it the way the storage driver does). */
export interface ObjectStorageConfig {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

const objectStorageSchema = z.object({
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_FORCE_PATH_STYLE: flag(false),
});

/**
 * The object storage named by S3_BUCKET, S3_ENDPOINT, S3_REGION and S3_FORCE_PATH_STYLE, or undefined
 * when files are on local disk. Credentials are not read here: the AWS SDK takes AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY (or a role) from the environment itself.
 */
export function loadObjectStorageConfig(
  env: Record<string, string | undefined> = process.env,
): ObjectStorageConfig | undefined {
  const parsed = objectStorageSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (!e.S3_BUCKET) return undefined;
  return { bucket: e.S3_BUCKET, endpoint: e.S3_ENDPOINT, region: e.S3_REGION, forcePathStyle: e.S3_FORCE_PATH_STYLE };
}
