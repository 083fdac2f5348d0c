import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  accountRoutes,
  findUserById,
  getAppSecret,
  registerSessions,
  setUserLocale,
} from './modules/accounts/index.js';
import {
  caseFileOwner,
  caseRoutes,
  repairPortalRoutes,
  staffCaseRoutes,
  startCaseSweep,
} from './modules/after-sales/index.js';
import { apiPlugin, apiTokenRoutes, startIdempotencySweep } from './modules/api/index.js';
import { carryPendingItem, cartRoutes } from './modules/cart/index.js';
import {
  type CatalogCache,
  catalogRoutes,
  createCatalogCache,
  productAdminRoutes,
  productImageFiles,
} from './modules/catalog/index.js';
import { customerRoutes } from './modules/customers/index.js';
import { customsRoutes, verifiableCustomsPapers } from './modules/customs/index.js';
import { helpRoutes } from './modules/help/index.js';
import { proformaRoutes } from './modules/invoices/index.js';
import {
  type OrderHooks,
  orderBadgesChanged,
  orderRoutes,
  staffOrderRoutes,
  startOrderSweep,
} from './modules/orders/index.js';
import { packingFileOwner, packingRoutes } from './modules/packing/index.js';
import { paymentMethodAdminRoutes } from './modules/payment-methods/index.js';
import { paymentRoutes, proofFiles } from './modules/payments/index.js';
import { createRefundDue, refundFiles, refundRoutes, verifiableCreditNote } from './modules/refunds/index.js';
import { repairCenterFiles, repairCenterRoutes } from './modules/repair-centers/index.js';
import { getSettings, settingsRoutes } from './modules/settings/index.js';
import { verifiableTestReport, warrantyRoutes } from './modules/warranty/index.js';
import { startWebhookDelivery, webhookRoutes } from './modules/webhooks/index.js';
import { backOfficeRoutes, customerPage, orderPages, seoRoutes } from './pages/index.js';
import { setAuditActorLookup } from './platform/audit/index.js';
import { type Config, isHttps } from './platform/config.js';
import { type Database, openDatabase } from './platform/db/client.js';
import { type ActionContext, createActionContext } from './platform/effects.js';
import { createEventBus, type EventBus } from './platform/events.js';
import { startFileSweep } from './platform/file-sweep.js';
import { registerCsrf } from './platform/http/csrf.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerHealth } from './platform/http/health.js';
import { registerInputGuards } from './platform/http/input-guards.js';
import { endLiveStreams } from './platform/http/live-stream.js';
import { registerLocale, stripLocalePrefix } from './platform/http/locale.js';
import { type AppMetrics, createMetrics, registerMetrics, type SweepName } from './platform/http/metrics.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { type Mailer, startMailer } from './platform/mail/index.js';
import { nodeModulesDir, publicDir } from './platform/paths.js';
import { createStorage, type FileOwner, type Storage } from './platform/storage.js';
import { prepareDatabase, type StartupReport } from './startup.js';

/** Every storage folder and the module that knows which of its files are still referenced. */
export const fileOwners: FileOwner[] = [
  proofFiles,
  packingFileOwner,
  productImageFiles,
  repairCenterFiles,
  caseFileOwner,
  refundFiles,
];

/** What other modules do inside the orders module's transactions (ADR 0016): a cancelled, paid order owes a refund. */
const orderHooks: OrderHooks = { onCancelled: createRefundDue };

export interface AppOptions {
  /** An already-open database (tests pass a clone of the migrated template). */
  database?: Database;
  /** Run the scheduled order sweep (tests call it directly instead). */
  sweep?: boolean;
  /** The clock of account links and two-factor codes (tests move it); defaults to the real time. */
  now?: () => Date;
  /** Fastify logger setting; defaults to pino at the configured level. */
  logger?: boolean | object;
}

export interface Services {
  config: Config;
  database: Database;
  storage: Storage;
  mailer: Mailer;
  bus: EventBus;
  /** What actions run through: their transaction, then the effects they declared (ADR 0014). */
  actions: ActionContext;
  /** Storefront read cache of this process; writers declare `catalogChanged` instead of touching it. */
  catalogCache: CatalogCache;
  /** Prometheus metrics of this app (served at /metrics with METRICS_TOKEN). */
  metrics: AppMetrics;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    startup: StartupReport;
  }
}

/** Builds the whole app without listening: server.ts listens, tests inject. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const https = isHttps(config);
  const proxies = config.trustProxy;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // A registration link's token is a credential until used: keep it out of the logs.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: req.url.replace(/([?&]token=)[^&]*/g, '$1…'),
          remoteAddress: req.ip,
        }),
      },
    },
    // The socket's address unless TRUST_PROXY names the proxies in front (README, Configuration).
    trustProxy: typeof proxies === 'number' ? (_address: string, hop: number) => hop < proxies : proxies,
    bodyLimit: 1024 * 1024,
    // Past the router's default 100 characters a path parameter is a bare 414 before any schema
    // sees it; the longest our schemas take (a product slug) is 120, so the schema answers.
    routerOptions: { maxParamLength: 200 },
    // "/es/x" is routed as "/x" in Spanish (ADR 0026): one route per page, old URLs unchanged.
    rewriteUrl: stripLocalePrefix,
  });

  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
    ));
  if (database.kind === 'pglite' && config.env === 'production') {
    app.log.warn(
      'Running on the embedded PGlite database: it has one connection, no fsync and no multi-process support. Production wants PostgreSQL: set DATABASE_URL.',
    );
  }
  const mailer = startMailer({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    senderName: async () => (await getSettings(database.db)).sellerName,
    intervalMs: config.mailIntervalMs,
    log: (msg, err) => app.log.warn({ err }, msg),
  });
  const bus = await createEventBus(database.kind === 'postgres' ? config.databaseUrl : undefined);
  const catalogCache = createCatalogCache(database.db, bus, {
    onPublishError: (err) => app.log.warn({ err }, 'catalog change not published; other processes catch up by TTL'),
  });
  // The audit log keeps a snapshot of who acted (platform/audit cannot read accounts itself).
  setAuditActorLookup((tx, id) => findUserById(tx, id));
  const actions = createActionContext({
    db: database.db,
    bus,
    catalogChanged: () => catalogCache.changed(),
    ordersChanged: () => orderBadgesChanged(database.db),
    log: (msg, err) => app.log.warn({ err }, msg),
  });
  const metrics = createMetrics({
    database,
    bus,
    log: (err) => app.log.warn({ err }, 'metrics: outbox figures not read'),
  });
  const services: Services = {
    config,
    database,
    // Several processes share files only through a bucket (ADR 0024); one process may keep them on its disk.
    storage: metrics.instrumentStorage(
      config.s3
        ? // Loaded only with a bucket configured: the AWS SDK is ~15 MB of memory a disk-backed process does not need (#18).
          (await import('./platform/storage-s3.js')).createS3Storage(config.s3)
        : createStorage(join(config.dataDir, 'files')),
    ),
    mailer,
    bus,
    actions,
    catalogCache,
    metrics,
  };
  app.decorate('services', services);
  // Before any route, so that every route is timed.
  registerMetrics(app, metrics, config.metricsToken);
  // Under the migration lock: two processes starting on an empty database must not both seed it.
  app.decorate('startup', await database.exclusive((db) => prepareDatabase(db, config, services.storage)));
  const sweeping = options.sweep !== false;
  const succeeded = (name: SweepName) => {
    metrics.sweepStarted(name);
    return () => metrics.sweepSucceeded(name);
  };
  // Payment deadlines, auto-completion, reminders: safe to run in every process.
  const stopSweep = sweeping
    ? startOrderSweep(
        actions,
        orderHooks,
        (err) => app.log.error({ err }, 'order sweep failed'),
        config.sweepIntervalMs,
        succeeded('orders'),
      )
    : () => {};
  // Overdue after-sales cases are flagged to support once each.
  const stopCaseSweep = sweeping
    ? startCaseSweep(
        database.db,
        (err) => app.log.error({ err }, 'after-sales sweep failed'),
        config.sweepIntervalMs,
        succeeded('after-sales'),
      )
    : () => {};
  const stopFileSweep = sweeping
    ? startFileSweep(
        database.db,
        services.storage,
        fileOwners,
        (err) => app.log.error({ err }, 'file sweep failed'),
        undefined,
        succeeded('files'),
      )
    : () => {};
  // API idempotency keys past their 24 hours.
  const stopKeySweep = sweeping
    ? startIdempotencySweep(
        database.db,
        (err) => app.log.error({ err }, 'idempotency key sweep failed'),
        undefined,
        succeeded('idempotency-keys'),
      )
    : () => {};
  // Signed webhooks, posted from their queue by every process (each delivery is claimed once).
  const stopWebhooks = sweeping
    ? startWebhookDelivery(database.db, {
        allowPrivate: config.webhooks.allowPrivate,
        everyMs: config.webhooks.intervalMs,
        log: (err) => app.log.error({ err }, 'webhook delivery failed'),
      })
    : () => {};
  // Shutdown: live streams end first (their browsers reconnect to another process), then the
  // server stops accepting and waits for requests in flight; only then the rest closes (onClose).
  app.addHook('preClose', async () => endLiveStreams(bus));
  app.addHook('onClose', async () => {
    stopSweep();
    stopFileSweep();
    stopCaseSweep();
    stopKeySweep();
    stopWebhooks();
    mailer.stop();
    await bus.close();
    if (!options.database) await database.close();
  });

  registerSecurityHeaders(app, { https });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 6, fields: 50 } });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: '1d' });
  await app.register(fastifyStatic, {
    root: join(nodeModulesDir, 'htmx.org', 'dist'),
    prefix: '/vendor/',
    decorateReply: false,
    maxAge: '7d',
    allowedPath: (path) => path === '/htmx.min.js',
  });
  await app.register(fastifyStatic, {
    root: join(nodeModulesDir, 'htmx-ext-sse', 'dist'),
    prefix: '/vendor/ext/',
    decorateReply: false,
    maxAge: '7d',
    allowedPath: (path) => path === '/sse.js',
  });

  registerErrorHandling(app);
  registerLocale(app, {
    publicUrl: config.publicUrl,
    secure: https,
    onChoose: async (req, locale) => {
      if (req.user) await setUserLocale(database.db, req.user.id, locale);
    },
  });
  registerInputGuards(app);
  // Sessions first: the CSRF token is bound to the session once there is one.
  registerSessions(app, { db: database.db, bus, secure: https });
  registerCsrf(app, {
    secret: await getAppSecret(database.db, 'csrf'),
    cookieName: https ? '__Host-hc_csrf' : 'hc_csrf',
    secure: https,
    publicOrigin: new URL(config.publicUrl).origin,
  });

  await app.register(accountRoutes, {
    db: database.db,
    config,
    now: options.now,
    pendingItem: carryPendingItem(database.db),
  });
  await app.register(catalogRoutes, {
    cache: catalogCache,
    storage: services.storage,
  });
  const pages = orderPages(database.db);
  await app.register(cartRoutes, { db: database.db, page: pages.cart });
  await app.register(orderRoutes, { db: database.db, bus, actions, pages, hooks: orderHooks });
  await app.register(staffOrderRoutes, { db: database.db, actions, pages, hooks: orderHooks });
  await app.register(refundRoutes, { db: database.db, storage: services.storage, actions, pages, config });
  await app.register(paymentRoutes, { db: database.db, storage: services.storage, actions, pages });
  await app.register(packingRoutes, { db: database.db, storage: services.storage, actions, pages });
  await app.register(backOfficeRoutes, { db: database.db });
  await app.register(customerRoutes, { db: database.db, actions, page: customerPage(database.db) });
  await app.register(paymentMethodAdminRoutes, { db: database.db, config });
  await app.register(settingsRoutes, { db: database.db });
  await app.register(productAdminRoutes, { db: database.db, storage: services.storage, actions });
  await app.register(repairCenterRoutes, { db: database.db, storage: services.storage, config });
  await app.register(caseRoutes, { db: database.db, storage: services.storage, bus, actions });
  await app.register(staffCaseRoutes, { db: database.db, storage: services.storage, actions });
  await app.register(repairPortalRoutes, { db: database.db, storage: services.storage, bus, actions });
  await app.register(helpRoutes, { db: database.db });
  await app.register(warrantyRoutes, { db: database.db, config });
  await app.register(customsRoutes, { db: database.db, config });
  await app.register(proformaRoutes, {
    db: database.db,
    config,
    documents: [verifiableCreditNote, verifiableTestReport, verifiableCustomsPapers],
  });
  registerHealth(app, {
    database,
    storage: services.storage,
    log: (check, err) => app.log.warn({ err, check }, 'readiness check failed'),
  });
  await app.register(seoRoutes, { db: database.db, publicUrl: config.publicUrl });
  await app.register(apiTokenRoutes, { db: database.db, actions });
  await app.register(webhookRoutes, { db: database.db, allowPrivate: config.webhooks.allowPrivate });
  await app.register(apiPlugin, {
    prefix: '/api/v1',
    db: database.db,
    actions,
    hooks: orderHooks,
    cache: catalogCache,
    storage: services.storage,
    publicUrl: config.publicUrl,
  });
  return app;
}
