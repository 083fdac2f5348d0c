import { join } from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { accountRoutes, getAppSecret, registerSessions, setUserLocale } from './modules/accounts/index.js';
import { caseFileOwner, caseRoutes, staffCaseRoutes, startCaseSweep } from './modules/after-sales/index.js';
import { apiPlugin, apiTokenRoutes } from './modules/api/index.js';
import { carryPendingItem, cartRoutes } from './modules/cart/index.js';
import {
  type CatalogCache,
  catalogRoutes,
  createCatalogCache,
  productAdminRoutes,
  productImageFiles,
} from './modules/catalog/index.js';
import { customerRoutes } from './modules/customers/index.js';
import { helpRoutes } from './modules/help/index.js';
import { proformaRoutes } from './modules/invoices/index.js';
import { type OrderHooks, orderRoutes, staffOrderRoutes, startOrderSweep } from './modules/orders/index.js';
import { packingFileOwner, packingRoutes } from './modules/packing/index.js';
import { paymentMethodAdminRoutes } from './modules/payment-methods/index.js';
import { paymentRoutes, proofFiles } from './modules/payments/index.js';
import { createRefundDue, refundFiles, refundRoutes, verifiableCreditNote } from './modules/refunds/index.js';
import { repairCenterFiles, repairCenterRoutes } from './modules/repair-centers/index.js';
import { getSettings, settingsRoutes } from './modules/settings/index.js';
import { backOfficeRoutes, checkoutFor, customerPage, orderPages } from './pages/index.js';
import { type Config, isHttps } from './platform/config.js';
import { type Database, openDatabase } from './platform/db/client.js';
import { type ActionContext, createActionContext } from './platform/effects.js';
import { createEventBus, type EventBus } from './platform/events.js';
import { startFileSweep } from './platform/file-sweep.js';
import { registerCsrf } from './platform/http/csrf.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerInputGuards } from './platform/http/input-guards.js';
import { registerLocale } from './platform/http/locale.js';
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
    log: (msg, err) => app.log.warn({ err }, msg),
  });
  const bus = await createEventBus(database.kind === 'postgres' ? config.databaseUrl : undefined);
  const catalogCache = createCatalogCache(database.db, bus, {
    onPublishError: (err) => app.log.warn({ err }, 'catalog change not published; other processes catch up by TTL'),
  });
  const actions = createActionContext({
    db: database.db,
    bus,
    catalogChanged: () => catalogCache.changed(),
    log: (msg, err) => app.log.warn({ err }, msg),
  });
  const services: Services = {
    config,
    database,
    storage: createStorage(join(config.dataDir, 'files')),
    mailer,
    bus,
    actions,
    catalogCache,
  };
  app.decorate('services', services);
  // Under the migration lock: two processes starting on an empty database must not both seed it.
  app.decorate('startup', await database.exclusive((db) => prepareDatabase(db, config)));
  // Payment deadlines, auto-completion, reminders: safe to run in every process.
  const stopSweep =
    options.sweep === false
      ? () => {}
      : startOrderSweep(actions, orderHooks, (err) => app.log.error({ err }, 'order sweep failed'));
  // Overdue after-sales cases are flagged to support once each.
  const stopCaseSweep =
    options.sweep === false
      ? () => {}
      : startCaseSweep(database.db, (err) => app.log.error({ err }, 'after-sales sweep failed'));
  const stopFileSweep =
    options.sweep === false
      ? () => {}
      : startFileSweep(database.db, services.storage, fileOwners, (err) => app.log.error({ err }, 'file sweep failed'));
  app.addHook('onClose', async () => {
    stopSweep();
    stopFileSweep();
    stopCaseSweep();
    mailer.stop();
    await bus.close();
    if (!options.database) await database.close();
  });

  await app.register(helmet, {
    enableCSPNonces: true,
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // No referrer to other sites (order numbers are in our URLs); our own form posts keep their Origin.
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
  });
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
    secure: https,
    onChoose: async (req, locale) => {
      if (req.user) await setUserLocale(database.db, req.user.id, locale);
    },
  });
  registerInputGuards(app);
  // Sessions first: the CSRF token is bound to the session once there is one.
  registerSessions(app, { db: database.db, secure: https });
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
  await app.register(catalogRoutes, { cache: catalogCache });
  await app.register(cartRoutes, {
    db: database.db,
    checkout: (req, reply, lines) => checkoutFor(database.db, req, reply, lines),
  });
  const pages = orderPages(database.db);
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
  await app.register(helpRoutes, { db: database.db });
  await app.register(proformaRoutes, { db: database.db, config, documents: [verifiableCreditNote] });
  await app.register(apiTokenRoutes, { db: database.db, actions });
  await app.register(apiPlugin, {
    prefix: '/api/v1',
    db: database.db,
    actions,
    hooks: orderHooks,
    cache: catalogCache,
    storage: services.storage,
  });
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
