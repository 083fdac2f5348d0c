import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/platform/db/client.js';
import { orders, paymentProofs } from '../src/platform/db/schema.js';
import type { BrowserClient } from './browser-client.js';
import { multipart, placeOrder, png, today, uploadProof } from './orders.js';

/**
 * An order quoted at US$6,450 (2 × 3,000 + 450 freight) with `paid` dollars approved by
 * finance: the whole total leaves it ready to ship, less leaves it awaiting payment.
 */
export async function paidOrder(
  app: FastifyInstance,
  db: Db,
  staff: { sales: BrowserClient; finance: BrowserClient },
  buyer: BrowserClient,
  paid = '6450.00',
) {
  const { number } = await placeOrder(buyer, db);
  await staff.sales.get(`/admin/orders/${number}`);
  await staff.sales.post(`/admin/orders/${number}/freight`, { freight: '450.00', validDays: '7', note: '' });
  await buyer.get(`/orders/${number}`);
  if (paid !== '0') {
    const up = await uploadProof(
      app,
      buyer,
      number,
      { amount: paid, reference: `PAY-${number}`, paidOn: today() },
      { name: 'pay.png', type: 'image/png', data: png(Math.random()) },
    );
    if (up.statusCode !== 303) throw new Error(`proof refused: ${up.statusCode}`);
    const [order] = await db.select().from(orders).where(eq(orders.number, number));
    const [proof] = await db.select().from(paymentProofs).where(eq(paymentProofs.orderId, order!.id));
    await staff.finance.get(`/admin/orders/${number}`);
    const ok = await staff.finance.post(`/admin/orders/${number}/proofs/${proof!.id}/approve`);
    if (ok.statusCode !== 303) throw new Error(`approval refused: ${ok.statusCode}`);
  }
  const [order] = await db.select().from(orders).where(eq(orders.number, number));
  return order!;
}

/** Posts finance's refund form as a browser would (multipart, with a proof file unless `file` is null). */
export function postRefund(
  app: FastifyInstance,
  client: BrowserClient,
  number: string,
  fields: Partial<Record<'amount' | 'reference' | 'refundedOn' | 'toAccount', string>>,
  file: Buffer | null = png(Math.random()),
) {
  const body = multipart(
    {
      _csrf: client.csrf,
      reference: 'RF-0001',
      refundedOn: today(),
      toAccount: 'ES91 2100 0418 4502 0005 1332',
      ...fields,
    },
    file ? { field: 'proof', name: 'refund.png', type: 'image/png', data: file } : undefined,
  );
  return app.inject({
    method: 'POST',
    url: `/admin/orders/${number}/refunds`,
    payload: body.payload,
    remoteAddress: client.ip,
    headers: { 'content-type': body.contentType, cookie: client.cookieHeader },
  });
}
