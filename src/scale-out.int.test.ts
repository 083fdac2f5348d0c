import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextTotpCode, rememberTotpSecret, TEST_PASSWORD, TEST_TOTP_SECRET } from '../test/browser-client.js';
import {
  type AppProcess,
  buildDist,
  freePort,
  HttpClient,
  type Nginx,
  startApp,
  startNginx,
  startSmtpSink,
  waitFor,
} from '../test/cluster.js';
import { insertPaymentMethod, insertProduct } from '../test/factories.js';
import { address, multipart, newToken, png } from '../test/orders.js';
import { type S3TestServer, startS3Server } from '../test/s3-server.js';
import { registerUser, setSecondFactorSecret, setUserActive } from './modules/accounts/index.js';
import { type Database, openDatabase } from './platform/db/client.js';
import { orderEvents, orderMessages, orders, outboxMessages, paymentProofs, products } from './platform/db/schema.js';

const url = process.env.DATABASE_URL;

const RATE_LIMIT = 4;

/**
 * The production topology of the README, natively: three built app processes on one fresh
 * PostgreSQL database (and one S3-compatible server for the files), Debian's
 * nginx in front with the repo's own site file (deploy/nginx/hashcart.conf), an SMTP sink.
 * PGlite is one process's database, so this runs only with DATABASE_URL.
 */
describe.skipIf(!url)(
  'many app processes behind nginx on one PostgreSQL (skipped without DATABASE_URL: PGlite is one process)',
  () => {
    let dir: string;
    const dbName = `hc_tcluster${randomBytes(3).toString('hex')}_${process.ppid}`;
    let admin: pg.Client;
    let database: Database;
    let env: Record<string, string>;
    let apps: AppProcess[] = [];
    let nginx: Nginx;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    let s3: S3TestServer | undefined;
    let buyer: HttpClient;
    let staff: HttpClient;
    let product: Awaited<ReturnType<typeof insertProduct>>;
    let methodId: number;
    let orderNumber: string;

    const login = async (client: HttpClient, email: string) => {
      const res = await client.post('/login', { email, password: TEST_PASSWORD });
      expect(res.status, res.body.slice(0, 300)).toBe(303);
      if (res.location === '/login/two-factor') {
        await client.get('/login/two-factor');
        const done = await client.post('/login/two-factor', { code: nextTotpCode(email) });
        expect(done.status).toBe(303);
      }
      await client.get('/');
    };

    /** The buyer orders one unit through nginx, and sales quote the freight, so it awaits payment. */
    const placeQuotedOrder = async () => {
      await buyer.post('/cart/items', { productId: product.id, quantity: 1 });
      await buyer.get('/cart');
      const res = await buyer.post('/orders', { token: newToken(), ...address, paymentMethodId: String(methodId) });
      expect(res.status, res.body.slice(0, 300)).toBe(303);
      const number = String(res.location).replace('/orders/', '');
      await staff.get(`/admin/orders/${number}`);
      const quoted = await staff.post(`/admin/orders/${number}/freight`, {
        freight: '450.00',
        validDays: '7',
        note: '',
      });
      expect(quoted.status).toBe(303);
      return number;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hashcart-cluster-'));
      buildDist();
      admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${inject('postgresTemplate')}`);
      const dbUrl = new URL(url!);
      dbUrl.pathname = `/${dbName}`;
      database = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 2 });
      smtp = await startSmtpSink();
      s3 = await startS3Server();
      const [nginxPort, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
      env = {
        NODE_ENV: 'production',
        DATABASE_URL: dbUrl.toString(),
        PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
        TRUST_PROXY: '1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        SMTP_URL: smtp.url,
        AUTH_RATE_LIMIT: String(RATE_LIMIT),
        SWEEP_INTERVAL_MS: '200',
        MAIL_INTERVAL_MS: '200',
        ...s3?.env,
      };
      apps = await Promise.all(ports.map((port, i) => startApp(port!, { ...env, DATA_DIR: join(dir, `app${i}`) })));
      nginx = await startNginx(join(dir, 'nginx'), nginxPort!, ports as number[]);

      const db = database.db;
      product = await insertProduct(db, { stock: 10 });
      methodId = (await insertPaymentMethod(db)).id;
      const buyerEmail = `buyer.${process.pid}@example.test`;
      await registerUser(db, { email: buyerEmail, fullName: 'Ana Buyer', password: TEST_PASSWORD, role: 'customer' });
      const staffEmail = `sales.${process.pid}@example.test`;
      const sales = await registerUser(db, {
        email: staffEmail,
        fullName: 'Sam Sales',
        password: TEST_PASSWORD,
        role: 'sales',
      });
      await setSecondFactorSecret(db, sales.id, TEST_TOTP_SECRET);
      rememberTotpSecret(staffEmail, TEST_TOTP_SECRET);
      buyer = new HttpClient(nginx.url);
      staff = new HttpClient(nginx.url);
      await login(buyer, buyerEmail);
      await login(staff, staffEmail);
      orderNumber = await placeQuotedOrder();
    }, 60_000);

    afterAll(async () => {
      await nginx?.stop();
      await Promise.all(apps.map((a) => a.stop()));
      await smtp?.stop();
      await s3?.close();
      await database?.close();
      await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin?.end();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("the buyer's open order page hears staff acting through the other processes", async () => {
      const before = apps.map((a) => a.served('GET', `/orders/${orderNumber}/live`));
      const stream = await buyer.events(`/orders/${orderNumber}/live`);
      try {
        expect(stream.contentType).toMatch(/^text\/event-stream/);
        // The process nginx gave the stream to, found in the processes' own request logs.
        const streamer = await waitFor(
          () => apps.findIndex((a, i) => a.served('GET', `/orders/${orderNumber}/live`) > before[i]!) + 1,
          'the stream in a request log',
        );
        const others = apps.filter((_, i) => i !== streamer - 1);
        expect(others).toHaveLength(2);
        for (const [n, other] of others.entries()) {
          const res = await staff.post(
            `/admin/orders/${orderNumber}/messages`,
            { body: `From process ${n}` },
            other.url,
          );
          expect(res.status).toBe(303);
          await waitFor(() => stream.changed >= n + 1, `event ${n + 1} on the stream`, 5_000);
        }
        // And through nginx, wherever it sends the request.
        await staff.post(`/admin/orders/${orderNumber}/messages`, { body: 'Through nginx' });
        await waitFor(() => stream.changed >= 3, 'the third event', 5_000);
      } finally {
        stream.close();
      }
    });

    it('a file uploaded through one process downloads through every other (they share the S3 bucket)', async () => {
      const bytes = png(7);
      await buyer.get(`/orders/${orderNumber}`, apps[0]!.url);
      const form = multipart(
        {
          _csrf: buyer.csrf,
          amount: '100.00',
          reference: 'PAY-CLUSTER',
          paidOn: new Date().toISOString().slice(0, 10),
        },
        { field: 'proof', name: 'pay.png', type: 'image/png', data: bytes },
      );
      const up = await buyer.request('POST', `/orders/${orderNumber}/proofs`, {
        base: apps[0]!.url,
        body: new Uint8Array(form.payload),
        headers: { 'content-type': form.contentType },
      });
      expect(up.status).toBe(303);
      const [order] = await database.db.select().from(orders).where(eq(orders.number, orderNumber));
      const [proof] = await database.db.select().from(paymentProofs).where(eq(paymentProofs.orderId, order!.id));
      for (const base of [apps[1]!.url, apps[2]!.url, nginx.url]) {
        const res = await fetch(`${base}/admin/orders/${orderNumber}/proofs/${proof!.id}`, {
          headers: { cookie: staff.cookieHeader },
        });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      }
    });

    it('every process sweeps, yet each expired order is cancelled once and each mail delivered once', async () => {
      const numbers = [await placeQuotedOrder(), await placeQuotedOrder(), await placeQuotedOrder()];
      const db = database.db;
      const [{ stock: reserved } = { stock: -1 }] = await db
        .select({ stock: products.stock })
        .from(products)
        .where(eq(products.id, product.id));
      // The three processes sweep every 200 ms each: their sweeps meet on these orders.
      await db
        .update(orders)
        .set({ paymentDueAt: sql`now() - interval '1 minute'` })
        .where(inArray(orders.number, numbers));
      await waitFor(
        async () =>
          (
            await db
              .select()
              .from(orders)
              .where(and(inArray(orders.number, numbers), eq(orders.status, 'cancelled')))
          ).length === numbers.length,
        'the sweeps',
      );
      const cancels = await db
        .select({ orderId: orderEvents.orderId })
        .from(orderEvents)
        .where(eq(orderEvents.event, 'expirePayment'));
      expect(cancels).toHaveLength(numbers.length);
      expect(new Set(cancels.map((c) => c.orderId)).size).toBe(numbers.length);
      // The stock the three orders held came back once each.
      const [after] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, product.id));
      expect(after!.stock).toBe(reserved + numbers.length);

      // Every queued mail (quotes, cancellations, ...) reaches the SMTP server exactly once.
      await waitFor(
        async () => (await db.select().from(outboxMessages).where(sql`${outboxMessages.sentAt} is null`)).length === 0,
        'the outbox to drain',
      );
      const outbox = await db.select({ to: outboxMessages.to, subject: outboxMessages.subject }).from(outboxMessages);
      const key = (m: { to: string; subject: string }) => `${m.to} ${m.subject}`;
      expect(outbox.filter((m) => m.subject.includes('cancel') || m.subject.includes('Cancel')).length).toBeGreaterThan(
        0,
      );
      expect(smtp.received.map(key).sort()).toEqual(outbox.map(key).sort());
    });

    it('a rolling restart through nginx loses no acknowledged request', async () => {
      let running = true;
      const gets: number[] = [];
      const acknowledged: string[] = [];
      const refused: number[] = [];
      const getLoop = async () => {
        while (running) {
          const res = await fetch(`${nginx.url}/products/${product.slug}`).then(
            async (r) => {
              await r.arrayBuffer();
              return r.status;
            },
            () => 0,
          );
          gets.push(res);
        }
      };
      const postLoop = async () => {
        for (let i = 0; running; i++) {
          const body = `roll-${i}`;
          const res = await buyer.post(`/orders/${orderNumber}/messages`, { body }).catch(() => ({ status: 0 }));
          if (res.status === 303) acknowledged.push(body);
          else refused.push(res.status);
        }
      };
      const loops = [getLoop(), getLoop(), getLoop(), postLoop()];
      try {
        await waitFor(() => gets.length > 30, 'traffic');
        const victim = apps[1]!;
        const servedBefore = gets.length;
        expect(await victim.stop('SIGTERM')).toBe(0);
        await waitFor(() => gets.length > servedBefore + 30, 'traffic while one process is down');
        // The same process comes back on its port and nginx sends it requests again.
        const back = await startApp(victim.port, { ...env, DATA_DIR: join(dir, 'app1') });
        apps[1] = back;
        await waitFor(
          () => back.served('GET', `/products/${product.slug}`) > 0,
          'the restarted process to serve',
          20_000,
        );
      } finally {
        running = false;
        await Promise.all(loops);
      }
      expect(gets.filter((s) => s !== 200)).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(0);
      // Every message the shop acknowledged is stored; one that was refused is not an acknowledgement.
      const [order] = await database.db.select().from(orders).where(eq(orders.number, orderNumber));
      const stored = await database.db
        .select({ body: orderMessages.body })
        .from(orderMessages)
        .where(and(eq(orderMessages.orderId, order!.id), like(orderMessages.body, 'roll-%')));
      const storedBodies = new Set(stored.map((m) => m.body));
      expect(acknowledged.filter((b) => !storedBodies.has(b))).toEqual([]);
      // A form post is never retried by nginx: one that met the stopping process may be refused (not acknowledged).
      console.info(
        `rolling restart: ${gets.length} page views, ${acknowledged.length} posts acknowledged, refused: [${refused}]`,
      );
    });

    it('a logged-out session and a disabled user are refused by every process within a second', async () => {
      const email = `leaver.${process.pid}@example.test`;
      const leaver = await registerUser(database.db, {
        email,
        fullName: 'Lou Leaver',
        password: TEST_PASSWORD,
        role: 'customer',
      });
      // What each process answers a session cookie, sent as is (a client would drop a cleared cookie).
      const onEvery = (cookie: string) =>
        Promise.all(
          apps.map(async (a) => (await fetch(`${a.url}/orders`, { headers: { cookie }, redirect: 'manual' })).status),
        );
      const refusedEverywhereWithinASecond = async (cookie: string) => {
        const started = Date.now();
        await waitFor(async () => (await onEvery(cookie)).every((s) => s === 303), 'every process refusing', 3_000);
        expect(Date.now() - started).toBeLessThan(1_000);
      };

      // A session every process has looked up (and may keep in its session cache)…
      const tab = new HttpClient(nginx.url);
      await login(tab, email);
      const first = tab.cookieHeader;
      expect(await onEvery(first)).toEqual(apps.map(() => 200));
      // …logged out through one process is refused by all of them.
      expect((await tab.post('/logout', {}, apps[0]!.url)).status).toBe(303);
      await refusedEverywhereWithinASecond(first);

      // A disabled user likewise, the change made outside every app process.
      const desk = new HttpClient(nginx.url);
      await login(desk, email);
      const second = desk.cookieHeader;
      expect(await onEvery(second)).toEqual(apps.map(() => 200));
      await setUserActive(database.db, leaver.id, false);
      await refusedEverywhereWithinASecond(second);
    });

    it('failed logins spread over the processes hit one shared limit', async () => {
      const email = `limited.${process.pid}@example.test`;
      await registerUser(database.db, { email, fullName: 'Lee Limited', password: TEST_PASSWORD, role: 'customer' });
      const visitor = new HttpClient(nginx.url);
      await visitor.get('/login');
      const before = apps.map((a) => a.served('POST', '/login'));
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMIT; i++)
        statuses.push((await visitor.post('/login', { email, password: 'wrong password!' })).status);
      expect(
        statuses.every((s) => s === 422),
        statuses.join(','),
      ).toBe(true);
      // nginx spread them: more than one process counted some of these failures.
      expect(apps.filter((a, i) => a.served('POST', '/login') > before[i]!).length).toBeGreaterThan(1);
      expect((await visitor.post('/login', { email, password: 'wrong password!' })).status).toBe(429);
      // The limit holds for the right password too, on every process.
      for (const app of apps)
        expect((await visitor.post('/login', { email, password: TEST_PASSWORD }, app.url)).status).toBe(429);
    });
  },
);
