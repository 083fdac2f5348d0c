/**
 * Orders data for the bench: staff users (sales, finance, warehouse), payment methods,
 * one customer with exactly 50 orders ("My orders"), and orders spread over every state
 * with their lines, events and parcels, inserted set-based in batches (one INSERT … SELECT per
 * table per batch). Numbers come from `order_number_seq`, like the app's, so they never
 * collide with orders the app creates; ids are taken above the current maximum.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';
import { paymentMethods, users } from '../src/platform/db/schema.js';

export const ORDERS_CUSTOMER = 'orders50@bench.hashcart.test';
export const ORDERS_CUSTOMER_ORDERS = 50;
export const staffEmail = (role: StaffRole) => `${role}@bench.hashcart.test`;
export const staffRoles = ['sales', 'finance', 'warehouse'] as const;
/** The bench staff's two-factor secret (staff log in with a code, as in the app). */
export const BENCH_TOTP_SECRET = 'BENCHSTAFFTOTPSECRETKEY2';
export type StaffRole = (typeof staffRoles)[number];

const BATCH = 25_000;

interface PlanIds {
  customer: number;
  staff: Record<StaffRole, number>;
  method: number;
  /** Rows in bench_customers / bench_products. */
  customers: number;
  products: number;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** The hash every bench customer shares (argon2 once, in the customer generator). */
async function sharedHash(db: Db): Promise<string> {
  const [row] = rowsOf<{ h: string }>(
    await db.execute(sql`select password_hash as h from users where email like '%@bench.hashcart.test' limit 1`),
  );
  if (!row) throw new Error('the orders generator needs the bench customers first');
  return row.h;
}

async function ensureUsersAndMethods(db: Db) {
  const passwordHash = await sharedHash(db);
  await db
    .insert(users)
    .values([
      { email: ORDERS_CUSTOMER, fullName: 'Bench Orders Customer', passwordHash, role: 'customer' as const },
      ...staffRoles.map((role) => ({ email: staffEmail(role), fullName: `Bench ${role}`, passwordHash, role })),
    ])
    .onConflictDoNothing({ target: users.email });
  await db.execute(sql`insert into second_factors (user_id, secret, last_step)
    select id, ${BENCH_TOTP_SECRET}, 0 from users where email like '%@bench.hashcart.test' and role <> 'customer'
    on conflict do nothing`);
  const [methods] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from payment_methods where active`),
  );
  if (!methods?.n) {
    await db.insert(paymentMethods).values([
      {
        name: 'Bank wire (SWIFT)',
        instructions: 'Send the exact total in USD.',
        accountDetails: 'Account: 012-345678-901\nSWIFT: EXAMHKHH',
        sortOrder: 1,
      },
      {
        name: 'Bitcoin (BTC)',
        instructions: 'Send the quoted BTC amount.',
        accountDetails: 'Address: bc1qbenchaddress0hashcart',
        sortOrder: 2,
      },
    ]);
  }
}

/**
 * Per mille of orders in each state: mostly history (completed, cancelled), a few in
 * every working queue. `depth` is how many events led there along the happy path.
 */
const STATE_SQL = `case
  when b.bucket < 30 then 'awaiting_quote'
  when b.bucket < 70 then 'awaiting_payment'
  when b.bucket < 90 then 'payment_review'
  when b.bucket < 120 then 'ready_to_ship'
  when b.bucket < 180 then 'shipped'
  when b.bucket < 880 then 'completed'
  else 'cancelled' end`;

/** A deterministic 32-bit hash of an integer expression (Knuth's multiplicative). */
const h = (expr: string, salt: number) => `(((${expr})::bigint + ${salt}) * 2654435761 % 4294967296)`;

async function insertBatch(db: Db, from: number, to: number, firstId: number, ids: PlanIds) {
  await db.transaction(async (tx) => {
    // Rows built consistent by construction: skip the per-row foreign-key triggers of a bulk load.
    await tx.execute(sql`set local session_replication_role = replica`);
    // The plan of this batch: order i gets id firstId + (i - from); 1–3 lines from the catalog.
    await tx.execute(
      sql.raw(`create temp table bench_plan on commit drop as
      select b.i, ${firstId} - ${from} + b.i as id, ${STATE_SQL} as status,
        case when b.i < ${ORDERS_CUSTOMER_ORDERS} then ${ids.customer} else c.id end as customer_id,
        -- A steady state the app's sweep leaves alone: payment deadlines (quote + 72 h) still ahead,
        -- shipments younger than the 15-day auto-completion; history spreads over a year.
        now() - case when b.bucket < 30 or b.bucket between 70 and 119 then (${h('b.i', 5)} % 4320) * interval '1 minute' + interval '1 day'
          when b.bucket < 70 then (${h('b.i', 5)} % 4200) * interval '1 minute' + interval '2 hours'
          when b.bucket < 180 then (${h('b.i', 5)} % 14400) * interval '1 minute' + interval '2 days'
          else (${h('b.i', 5)} % 525600) * interval '1 minute' + interval '20 days' end as created_at,
        ${h('b.i', 7)} % 300000 + 20000 as freight_cents
      from (select g.i, ${h('g.i', 1)} % 1000 as bucket from generate_series(${from}, ${to - 1}) g(i)) b
      join bench_customers c on c.k = ${h('b.i', 3)} % ${ids.customers}`),
    );
    await tx.execute(
      sql.raw(`create temp table bench_plan_lines on commit drop as
      select p.id as order_id, pr.id as product_id, pr.sku, pr.name, pr.hs_code, pr.price_cents, pr.weight_grams, pr.needs_testing,
        1 + (p.i + l.n) % 3 as quantity, l.n
      from bench_plan p
      cross join lateral generate_series(1, 1 + p.i % 3) l(n)
      join bench_products pr on pr.k = ${h('p.i * 7 + l.n', 11)} % ${ids.products}`),
    );
    await tx.execute(
      sql.raw(`insert into orders (id, number, customer_id, status, shipping_method, payment_method_id, full_name, phone, email, country, city,
        address, postal_code, crypto_acknowledged, goods_cents, freight_cents, total_cents, paid_cents, quote_note, quoted_at, quote_valid_until,
        payment_due_at, approved_at, shipped_at, closed_at, created_at, updated_at)
      overriding system value
      select p.id, 'HC-2026-' || lpad(nextval('order_number_seq')::text, 6, '0'), p.customer_id, p.status,
        (array['air_express', 'air_freight', 'air_express', 'air_freight'])[1 + p.i % 4], ${ids.method},
        u.full_name, '+34 600 ' || lpad((p.i % 1000000)::text, 6, '0'), u.email,
        (array['ES', 'US', 'DE', 'BR', 'KZ', 'AE', 'CA', 'PY'])[1 + p.i % 8], 'Bench City', 'Street ' || p.i, '28013', false,
        g.goods, q.freight, g.goods + q.freight,
        case when p.status in ('ready_to_ship', 'shipped', 'completed') then g.goods + q.freight else 0 end,
        null, case when q.freight is null then null else p.created_at + interval '2 hours' end,
        case when q.freight is null then null else p.created_at + interval '9 days' end,
        case when q.freight is null then null else p.created_at + interval '74 hours' end,
        case when p.status in ('ready_to_ship', 'shipped', 'completed') then p.created_at + interval '5 hours' end,
        case when p.status in ('shipped', 'completed') then p.created_at + interval '2 days' end,
        case when p.status in ('completed', 'cancelled') then p.created_at + interval '12 days' end,
        p.created_at, p.created_at + interval '1 hour' * (case p.status when 'awaiting_quote' then 0 when 'awaiting_payment' then 2 when 'payment_review' then 4 else 48 end)
      from bench_plan p
      join users u on u.id = p.customer_id
      join (select order_id, sum(price_cents * quantity)::int as goods from bench_plan_lines group by order_id) g on g.order_id = p.id
      cross join lateral (select case when p.status = 'awaiting_quote' or (p.status = 'cancelled' and p.i % 2 = 0) then null else p.freight_cents end as freight) q
      order by p.i`),
    );
    await tx.execute(
      sql.raw(`insert into order_lines (order_id, product_id, sku, name, hs_code, list_price_cents, unit_price_cents, quantity, weight_grams, needs_testing, backordered)
      select order_id, product_id, sku, name, hs_code, price_cents, price_cents, quantity, weight_grams, needs_testing, false
      from bench_plan_lines order by order_id, n`),
    );
    // What the orders trigger would add (replica mode skips triggers): the buyers' names and e-mails.
    await tx.execute(
      sql.raw(`insert into order_contact_values (value)
      select u.email from bench_plan p join users u on u.id = p.customer_id
      union select u.full_name from bench_plan p join users u on u.id = p.customer_id
      on conflict do nothing`),
    );
    // One parcel per shipped order, as warehouse marks it; 10-digit waybills, unique (the hash is a bijection).
    await tx.execute(
      sql.raw(`insert into shipments (order_id, carrier, tracking_number, created_at)
      select p.id, (array['DHL Express', 'FedEx', 'UPS'])[1 + p.i % 3], lpad(${h('p.i', 13)}::text, 10, '0'), p.created_at + interval '2 days'
      from bench_plan p where p.status in ('shipped', 'completed') order by p.id`),
    );
    // The happy path up to the order's state (cancelled: submitted, then cancelled by sales).
    await tx.execute(
      sql.raw(`insert into order_events (order_id, event, from_status, to_status, actor_id, actor_role, note, public, created_at)
      select p.id,
        case when p.status = 'cancelled' and e.n = 2 then 'cancelOrder' else (array['submitOrder', 'setFreight', 'submitPaymentProof', 'approvePayment', 'markShipped', 'confirmDelivery'])[e.n] end,
        case when e.n = 1 then null else (array['awaiting_quote', 'awaiting_quote', 'awaiting_payment', 'payment_review', 'ready_to_ship', 'shipped'])[e.n] end,
        case when p.status = 'cancelled' and e.n = 2 then 'cancelled' else (array['awaiting_quote', 'awaiting_payment', 'payment_review', 'ready_to_ship', 'shipped', 'completed'])[e.n] end,
        case when p.status = 'cancelled' and e.n = 2 then ${ids.staff.sales}
             else (array[p.customer_id, ${ids.staff.sales}, p.customer_id, ${ids.staff.finance}, ${ids.staff.warehouse}, p.customer_id])[e.n] end,
        case when p.status = 'cancelled' and e.n = 2 then 'sales' else (array['customer', 'sales', 'customer', 'finance', 'warehouse', 'customer'])[e.n] end,
        case when p.status = 'cancelled' and e.n = 2 then 'Customer asked to cancel' end, true,
        p.created_at + (e.n - 1) * interval '3 hours'
      from bench_plan p
      cross join lateral generate_series(1, case p.status when 'awaiting_quote' then 1 when 'awaiting_payment' then 2 when 'payment_review' then 3
        when 'ready_to_ship' then 4 when 'shipped' then 5 when 'completed' then 6 else 2 end) e(n)
      order by p.id, e.n`),
    );
  });
}

/** Tops orders up to `target` (all orders, the app's included); returns orders added. */
export async function generateOrders(db: Db, target: number): Promise<number> {
  await ensureUsersAndMethods(db);
  const [state] = rowsOf<{ n: number; max: number }>(
    await db.execute(sql`select count(*)::int as n, coalesce(max(id), 0)::int as max from orders`),
  );
  const have = state?.n ?? 0;
  if (have >= target) return 0;
  const one = async (q: string) => rowsOf<{ id: number }>(await db.execute(sql.raw(q)))[0]?.id ?? 0;
  const staff = {
    sales: await one(`select id from users where email = '${staffEmail('sales')}'`),
    finance: await one(`select id from users where email = '${staffEmail('finance')}'`),
    warehouse: await one(`select id from users where email = '${staffEmail('warehouse')}'`),
  };
  const customer = await one(`select id from users where email = '${ORDERS_CUSTOMER}'`);
  const method = await one('select id from payment_methods where active order by sort_order, id limit 1');
  // Numbered lookups for the plan: k = 0..n-1 (regular tables: visible from every pooled connection).
  await db.execute(sql`drop table if exists bench_customers, bench_products`);
  await db.execute(
    sql`create unlogged table bench_customers as select row_number() over (order by id) - 1 as k, id from users where email like 'customer%@bench.hashcart.test'`,
  );
  await db.execute(
    sql`create unlogged table bench_products as select row_number() over (order by id) - 1 as k, * from products`,
  );
  await db.execute(sql`create index on bench_customers (k)`);
  await db.execute(sql`create index on bench_products (k)`);
  const ids: PlanIds = {
    customer,
    staff,
    method,
    customers: await one('select count(*)::int as id from bench_customers'),
    products: await one('select count(*)::int as id from bench_products'),
  };
  try {
    // Plan index i counts from `have` so a top-up continues the same deterministic sequence.
    for (let start = have; start < target; start += BATCH) {
      const end = Math.min(start + BATCH, target);
      await insertBatch(db, start, end, (state?.max ?? 0) + 1 + (start - have), ids);
    }
  } finally {
    await db.execute(sql`drop table if exists bench_customers, bench_products`);
  }
  // Identity columns do not see ids given with OVERRIDING SYSTEM VALUE: move them past.
  await db.execute(sql`select setval(pg_get_serial_sequence('orders', 'id'), (select max(id) from orders))`);
  return target - have;
}
