import { asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { registerUser } from '../modules/accounts/index.js';
import { reserveOrderStock } from '../modules/catalog/index.js';
import { type Order, transitions } from '../modules/orders/index.js';
import { createRefundDue } from '../modules/refunds/index.js';
import { getSettings } from '../modules/settings/index.js';
import type { Role } from '../platform/auth/roles.js';
import type { Db } from '../platform/db/client.js';
import {
  orderEvents,
  orderLines,
  orders,
  packingFiles,
  packingParcels,
  packingUnits,
  paymentMethods,
  paymentProofs,
  products,
  shipments,
  users,
} from '../platform/db/schema.js';
import type { Storage } from '../platform/storage.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { type DemoOrderPlan, demoBuyers, demoOrderPlan, stepAt } from './demo-orders.js';
import { storeDemoPicture } from './demo-picture.js';
import { seedDemoCases } from './seed-demo-cases.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Event = keyof typeof transitions | 'submitOrder';
type Product = typeof products.$inferSelect;
interface Buyer {
  id: number;
  email: string;
  fullName: string;
  phone: string;
  city: string;
  country: string;
  address: string;
  postalCode: string;
}

interface Built {
  plan: DemoOrderPlan;
  buyer: Buyer;
  values: typeof orders.$inferInsert;
  lines: { product: Product; quantity: number }[];
  events: { event: Event; from: string | null; to: string; at: Date; role: Role; note?: string }[];
  proofs: {
    at: Date;
    amount: number;
    status: 'pending' | 'approved' | 'rejected';
    reviewedAt: Date | null;
    reason?: string;
  }[];
  cancelledPaid: boolean;
}

/**
 * One planned order as its actions would have left it by `now`: the state its timeline
 * reached (an unpaid quote past its deadline expired, as the sweep does), the amounts, the
 * events and the proofs. Pure.
 */
function buildOrder(plan: DemoOrderPlan, buyer: Buyer, catalog: Product[], deadlineHours: number, now: Date): Built {
  const byProduct = new Map(plan.lines.map((l) => [catalog[l.product % catalog.length]!, l.quantity]));
  const lines = [...byProduct].map(([product, quantity]) => ({ product, quantity }));
  const goods = lines.reduce((s, l) => s + l.product.priceCents * l.quantity, 0);
  const freight = Math.round((15_000 + goods * 0.015) / 100) * 100;
  const total = goods + freight;
  const events: Built['events'] = [];
  const proofs: Built['proofs'] = [];
  let status = 'awaiting_quote';
  const go = (event: Event, at: Date, role: Role, note?: string) => {
    const to = event === 'submitOrder' ? 'awaiting_quote' : String(transitions[event].to);
    events.push({ event, from: event === 'submitOrder' ? null : status, to, at, role, note });
    status = to;
  };
  go('submitOrder', plan.createdAt, 'customer');
  const quotedAt = stepAt(plan.createdAt, plan.quoteAfterH, now);
  const paymentDueAt = quotedAt && new Date(quotedAt.getTime() + deadlineHours * HOUR);
  let approvedAt: Date | null = null;
  let closedAt: Date | null = null;
  let paid = 0;
  if (quotedAt) go('setFreight', quotedAt, 'sales', 'Air express, insured.');
  const cancelAt = stepAt(quotedAt, plan.cancelByBuyerAfterH, now);
  if (cancelAt) {
    go('cancelByCustomer', cancelAt, 'customer', 'Found a closer supplier.');
    closedAt = cancelAt;
  } else if (quotedAt) {
    const pay1 = stepAt(quotedAt, plan.payAfterH, now);
    const rev1 = stepAt(pay1, plan.reviewAfterH, now);
    if (pay1) {
      const first = plan.firstProof === 'partial' ? Math.round(total * 0.4) : total;
      go('submitPaymentProof', pay1, 'customer');
      proofs.push({ at: pay1, amount: first, status: 'pending', reviewedAt: null });
    }
    if (rev1) {
      const proof = proofs[0]!;
      proof.reviewedAt = rev1;
      if (plan.firstProof === 'rejected') {
        proof.status = 'rejected';
        proof.reason = 'The reference on the voucher does not match the order number.';
        go('rejectPayment', rev1, 'finance', proof.reason);
      } else {
        proof.status = 'approved';
        paid = proof.amount;
        go(plan.firstProof === 'partial' ? 'approvePartialPayment' : 'approvePayment', rev1, 'finance');
        if (plan.firstProof === 'full') approvedAt = rev1;
      }
      const pay2 = plan.firstProof === 'full' ? null : stepAt(rev1, plan.secondPayAfterH, now);
      const rev2 = stepAt(pay2, plan.secondReviewAfterH, now);
      if (pay2) {
        go('submitPaymentProof', pay2, 'customer');
        proofs.push({ at: pay2, amount: total - paid, status: rev2 ? 'approved' : 'pending', reviewedAt: rev2 });
      }
      if (rev2) {
        paid = total;
        approvedAt = rev2;
        go('approvePayment', rev2, 'finance');
      }
    }
    if (status === 'awaiting_payment' && paymentDueAt && paymentDueAt.getTime() < now.getTime()) {
      go('expirePayment', paymentDueAt, 'system' as Role, 'Payment deadline passed');
      closedAt = paymentDueAt;
    }
  }
  const cancelPaid = stepAt(approvedAt, plan.cancelPaidAfterH, now);
  const shippedAt = cancelPaid ? null : stepAt(approvedAt, plan.shipAfterH, now);
  if (cancelPaid) {
    go('cancelOrder', cancelPaid, 'admin', 'The buyer asked to cancel: the site is not ready for the machines.');
    closedAt = cancelPaid;
  }
  if (shippedAt) go('markShipped', shippedAt, 'warehouse');
  const deliveredAt = stepAt(shippedAt, plan.deliverAfterH, now);
  if (deliveredAt) {
    go('confirmDelivery', deliveredAt, 'customer');
    closedAt = deliveredAt;
  }
  return {
    plan,
    buyer,
    lines,
    events,
    proofs,
    cancelledPaid: cancelPaid !== null,
    values: {
      number: '',
      customerId: buyer.id,
      status: status as Order['status'],
      shippingMethod: plan.shippingMethod,
      paymentMethodId: 0,
      fullName: buyer.fullName,
      phone: buyer.phone,
      email: buyer.email,
      country: buyer.country,
      city: buyer.city,
      address: buyer.address,
      postalCode: buyer.postalCode,
      cryptoAcknowledged: true,
      goodsCents: goods,
      freightCents: quotedAt ? freight : null,
      totalCents: quotedAt ? total : null,
      paidCents: paid,
      quoteNote: quotedAt ? 'Air express, insured.' : null,
      quotedAt,
      quoteValidUntil: quotedAt && new Date(quotedAt.getTime() + 7 * DAY),
      paymentDueAt,
      approvedAt,
      shippedAt,
      closedAt,
      createdAt: plan.createdAt,
      updatedAt: events.at(-1)!.at,
    },
  };
}

async function demoBuyerAccounts(db: Db): Promise<Buyer[]> {
  const buyers: Buyer[] = [];
  for (const b of demoBuyers) {
    const [existing] = await db.select().from(users).where(eq(users.email, b.email));
    const user =
      existing ??
      (await registerUser(db, {
        email: b.email,
        fullName: 'fullName' in b ? b.fullName : b.email,
        password: DEMO_PASSWORD,
        role: 'customer',
      }));
    buyers.push({ ...b, id: user.id, fullName: user.fullName, phone: '+34 600 123 456' });
  }
  return buyers;
}

const serialOf = (p: Product, orderId: number, unit: number) =>
  `${p.sku
    .replace(/[^A-Z0-9]/gi, '')
    .slice(0, 6)
    .toUpperCase()}${String(orderId).padStart(4, '0')}${String(unit).padStart(3, '0')}`;

/**
 * Writes the demo order book (demo-orders.ts) as the actions would have left it: orders and
 * lines, each timeline (order_events, with the machine's public flags), payment proofs with
 * their files, stock reserved through the catalog's ledger, packing evidence and tracking
 * for what shipped, and the refund due (through the refunds module's own action) of the
 * order an admin cancelled after payment; then the after-sales cases. Fixture rows written
 * directly and in bulk: the actions stamp `now`, and a demo needs two months of history
 * written in a few seconds.
 */
export async function seedDemoOrders(db: Db, storage: Storage, now = new Date()) {
  const settings = await getSettings(db);
  const staffRows = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(sql`${users.email} like '%@demo.hashcart.test' and ${users.role} <> 'customer'`);
  const staff = new Map<Role, number>(staffRows.map((u) => [u.role, u.id]));
  const actorOf = (role: Role, buyer: number) => (role === 'customer' ? buyer : (staff.get(role) ?? null));
  const buyers = await demoBuyerAccounts(db);
  const catalog = await db.select().from(products).where(gte(products.stock, 30)).orderBy(asc(products.id));
  const [method] = await db.select().from(paymentMethods).orderBy(asc(paymentMethods.sortOrder)).limit(1);
  if (!catalog.length || !method) return { orders: 0, cases: 0 };
  const built = demoOrderPlan(now, catalog.length, settings.paymentDeadlineHours).map((plan) =>
    buildOrder(plan, buyers[plan.buyer]!, catalog, settings.paymentDeadlineHours, now),
  );
  const seq = await db.execute(
    sql`select nextval('order_number_seq')::int as n from generate_series(1, ${built.length})`,
  );
  const numbers = (seq as unknown as { rows: { n: number }[] }).rows.map((r) => Number(r.n));
  for (const [i, b] of built.entries()) {
    b.values.number = `HC-${b.plan.createdAt.getUTCFullYear()}-${String(numbers[i]).padStart(6, '0')}`;
    b.values.paymentMethodId = method.id;
  }
  const completed = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(orders)
      .values(built.map((b) => b.values))
      .returning();
    const orderOf = new Map(rows.map((r) => [r.number, r]));
    const idOf = (b: Built) => orderOf.get(b.values.number)!.id;
    const lineRows = await tx
      .insert(orderLines)
      .values(
        built.flatMap((b) =>
          b.lines.map((l) => ({
            orderId: idOf(b),
            productId: l.product.id,
            sku: l.product.sku,
            name: l.product.name,
            hsCode: l.product.hsCode,
            listPriceCents: l.product.priceCents,
            unitPriceCents: l.product.priceCents,
            quantity: l.quantity,
            weightGrams: l.product.weightGrams,
            needsTesting: l.product.needsTesting,
            backordered: false,
          })),
        ),
      )
      .returning();
    // Stock left the shelf with each order still standing; a line sold out meanwhile waits (backordered).
    const short: number[] = [];
    for (const b of built.filter((x) => x.values.status !== 'cancelled')) {
      const mine = lineRows.filter((l) => l.orderId === idOf(b));
      const reserved = await reserveOrderStock(
        tx,
        { orderNumber: b.values.number, actorId: b.buyer.id },
        mine.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      );
      short.push(...mine.filter((l) => !reserved.has(l.productId)).map((l) => l.id));
    }
    if (short.length) await tx.update(orderLines).set({ backordered: true }).where(inArray(orderLines.id, short));
    await tx.insert(orderEvents).values(
      built.flatMap((b) =>
        b.events.map((e) => ({
          orderId: idOf(b),
          event: e.event,
          fromStatus: e.from,
          toStatus: e.to,
          actorId: actorOf(e.role, b.buyer.id),
          actorRole: e.role,
          note: e.note ?? null,
          public: e.event === 'submitOrder' ? true : transitions[e.event].public,
          createdAt: e.at,
        })),
      ),
    );
    const proofRows = await Promise.all(
      built.flatMap((b) =>
        b.proofs.map(async (p, k) => ({
          orderId: idOf(b),
          uploadedBy: b.buyer.id,
          ...(await storeDemoPicture(storage, 'proofs', idOf(b) * 10 + k)),
          amountCents: p.amount,
          reference: `TX${String(idOf(b) * 97 + k).padStart(8, '0')}`,
          paidOn: p.at.toISOString().slice(0, 10),
          status: p.status,
          reviewedBy: p.reviewedAt ? (staff.get('finance') ?? null) : null,
          reviewedAt: p.reviewedAt,
          rejectReason: p.reason ?? null,
          createdAt: p.at,
        })),
      ),
    );
    if (proofRows.length) await tx.insert(paymentProofs).values(proofRows);

    // Packing evidence of what shipped: a parcel per line with two seals and a photo, serials, burn-in.
    const packer = staff.get('warehouse') ?? staff.get('admin')!;
    const shippedOrders = built.filter((b) => b.values.shippedAt);
    const packed = shippedOrders.flatMap((b) =>
      lineRows
        .filter((l) => l.orderId === idOf(b))
        .map((line, i) => ({ b, line, position: i + 1, at: new Date(b.values.shippedAt!.getTime() - 3 * HOUR) })),
    );
    if (packed.length) {
      const parcels = await tx
        .insert(packingParcels)
        .values(
          packed.map((p) => ({
            orderId: p.line.orderId,
            position: p.position,
            sealNumbers: [`SL-${p.line.orderId}-${p.position}A`, `SL-${p.line.orderId}-${p.position}B`],
            recordedBy: packer,
            createdAt: p.at,
          })),
        )
        .returning();
      const parcelOf = (orderId: number, position: number) =>
        parcels.find((r) => r.orderId === orderId && r.position === position)!.id;
      const photos = await Promise.all(
        packed.map(async (p) => {
          const file = await storeDemoPicture(storage, 'packing', p.line.orderId * 100 + p.position);
          return {
            orderId: p.line.orderId,
            parcelId: parcelOf(p.line.orderId, p.position),
            kind: 'photo' as const,
            ...file,
            previewKey: file.fileKey,
            uploadedBy: packer,
            createdAt: p.at,
          };
        }),
      );
      await tx.insert(packingFiles).values(photos);
      const units = packed.flatMap((p) => {
        const product = catalog.find((c) => c.id === p.line.productId)!;
        if (!['miner', 'psu', 'hashboard'].includes(product.kind)) return [];
        const miner = product.kind === 'miner';
        return Array.from({ length: p.line.quantity }, (_, u) => ({
          orderId: p.line.orderId,
          parcelId: parcelOf(p.line.orderId, p.position),
          orderLineId: p.line.id,
          serialNumber: serialOf(product, p.line.orderId, u + 1),
          burnInHashrate: miner ? product.hashrate : null,
          burnInHashrateUnit: miner ? product.hashrateUnit : null,
          burnInHours: miner ? 4 : null,
          burnInPassed: miner ? true : null,
          recordedBy: packer,
          createdAt: p.at,
        }));
      });
      if (units.length) await tx.insert(packingUnits).values(units);
      await tx.insert(shipments).values(
        shippedOrders.map((b) => {
          const carrier = idOf(b) % 3 === 0 ? 'FedEx' : 'DHL';
          return {
            orderId: idOf(b),
            carrier,
            trackingNumber: `${carrier === 'DHL' ? 'JD0146' : '7749'}${String(idOf(b) * 7919).padStart(8, '0')}`,
            createdAt: b.values.shippedAt!,
          };
        }),
      );
    }
    for (const b of built.filter((x) => x.cancelledPaid)) await createRefundDue(tx, orderOf.get(b.values.number)!);
    return rows.filter((r) => r.status === 'completed');
  });
  const cases = await seedDemoCases(db, storage, completed, staff, now);
  return { orders: built.length, cases };
}
