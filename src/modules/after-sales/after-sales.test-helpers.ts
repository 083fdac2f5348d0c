import { eq } from 'drizzle-orm';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { jpeg, mp4 } from '../../../test/media.js';
import { address, type MultipartFile, multipart, newToken } from '../../../test/orders.js';
import type { TestApp } from '../../../test/test-app.js';
import { orderLines, orders, packingParcels, packingUnits, repairCenters } from '../../platform/db/schema.js';
import { registerUser } from '../accounts/index.js';
import type { ProductKind } from './case.policy.js';

const DAY = 86_400_000;
let seq = 0;

/**
 * A completed order with its packing record written directly (the packing module's own
 * tests cover recording it): one line of `quantity` units of a product of `kind`,
 * delivered `deliveredDaysAgo` days ago, with one serial per unit for serial-numbered kinds.
 */
export async function completedOrder(
  t: TestApp,
  opts: {
    kind?: ProductKind;
    warrantyDays?: number;
    quantity?: number;
    deliveredDaysAgo?: number;
    status?: 'completed' | 'shipped';
    buyer?: BrowserClient;
  } = {},
) {
  const buyer = opts.buyer ?? (await loggedInClient(t.app, t.db)).client;
  const kind = opts.kind ?? 'miner';
  const product = await insertProduct(t.db, { kind, warrantyDays: opts.warrantyDays ?? 180, brand: 'Bitmain' });
  const method = await insertPaymentMethod(t.db);
  await buyer.post('/cart/items', { productId: product.id, quantity: opts.quantity ?? 2 });
  await buyer.get('/cart');
  const placed = await buyer.post('/orders', { token: newToken(), ...address, paymentMethodId: String(method.id) });
  const number = String(placed.headers.location).replace('/orders/', '');
  const deliveredAt = new Date(Date.now() - (opts.deliveredDaysAgo ?? 3) * DAY);
  const status = opts.status ?? 'completed';
  const [order] = await t.db
    .update(orders)
    .set({ status, shippedAt: deliveredAt, closedAt: status === 'completed' ? deliveredAt : null })
    .where(eq(orders.number, number))
    .returning();
  const [line] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, order!.id));
  const packer = await registerUser(t.db, {
    email: `packer${++seq}.${process.pid}@example.test`,
    fullName: 'Packer',
    password: 'packer password 12',
    role: 'warehouse',
  });
  const [parcel] = await t.db
    .insert(packingParcels)
    .values({ orderId: order!.id, position: 1, sealNumbers: [`SEAL-${seq}`], recordedBy: packer.id })
    .returning();
  const serials = kind === 'general' ? [] : Array.from({ length: line!.quantity }, (_, i) => `SN${seq}X${i + 1}`);
  if (serials.length) {
    await t.db.insert(packingUnits).values(
      serials.map((serialNumber) => ({
        orderId: order!.id,
        parcelId: parcel!.id,
        orderLineId: line!.id,
        serialNumber,
        recordedBy: packer.id,
      })),
    );
  }
  return { buyer, number, order: order!, line: line!, serials };
}

export const photo = async (shade = 128): Promise<MultipartFile> => ({
  field: 'media',
  name: 'box.jpg',
  type: 'image/jpeg',
  data: await jpeg(shade),
});
export const video = (): MultipartFile => ({ field: 'media', name: 'clip.mp4', type: 'video/mp4', data: mp4() });

/** Posts a multipart form as the browser does, the CSRF token first. */
export function postMultipart(
  t: TestApp,
  client: BrowserClient,
  url: string,
  fields: Record<string, string>,
  files: MultipartFile[] = [],
) {
  const body = multipart({ _csrf: client.csrf, ...fields }, files);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    remoteAddress: client.ip,
    headers: { 'content-type': body.contentType, cookie: client.cookieHeader },
  });
}

/** Submits the case form: a defective claim on the whole line with its serials and one photo, unless overridden. */
export async function submitCaseForm(
  t: TestApp,
  o: Awaited<ReturnType<typeof completedOrder>>,
  fields: Record<string, string> = {},
  files?: MultipartFile[],
) {
  await o.buyer.get(`/orders/${o.number}/after-sales/new`);
  return postMultipart(
    t,
    o.buyer,
    `/orders/${o.number}/after-sales`,
    {
      token: newToken(),
      type: 'defective',
      description: 'Hash board 2 shows no chips after a week.',
      [`qty_${o.line.id}`]: String(o.line.quantity),
      [`serial_${o.line.id}`]: o.serials.join(', '),
      ...fields,
    },
    files ?? [await photo()],
  );
}

export async function approvedCenter(t: TestApp, over: Partial<typeof repairCenters.$inferInsert> = {}) {
  const owner = await registerUser(t.db, {
    email: `owner${++seq}.${process.pid}@example.test`,
    fullName: 'Owner',
    password: 'owner password 12',
  });
  const [row] = await t.db
    .insert(repairCenters)
    .values({
      ownerId: owner.id,
      status: 'approved',
      publishedAt: new Date(),
      name: `Madrid Miner Fix ${seq}`,
      country: 'ES',
      city: 'Madrid',
      address: 'Gran Vía 1',
      phone: '+34 600 000 000',
      email: 'fix@example.es',
      brands: ['Bitmain'],
      ...over,
    })
    .returning();
  return row!;
}
