import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { packingLinesOf } from '../src/modules/packing/index.js';
import type { Db } from '../src/platform/db/client.js';
import { orders, packingFiles, packingParcels, packingUnits, users } from '../src/platform/db/schema.js';
import type { BrowserClient } from './browser-client.js';
import { insertPaymentMethod, insertProduct } from './factories.js';

export const address = {
  fullName: 'Ana Castillo',
  phone: '+34 600 123 456',
  country: 'ES',
  city: 'Madrid',
  address: 'Calle Mayor 1',
  postalCode: '28013',
  shippingMethod: 'air_express',
};

let tokens = 0;
export const newToken = () => `test-token-${process.pid}-${++tokens}-abcdefgh`;

/** Puts a product in the client's cart and submits the order form; returns the order number. */
export async function placeOrder(
  client: BrowserClient,
  db: Db,
  opts: {
    priceCents?: number;
    quantity?: number;
    stock?: number;
    methodId?: number;
    form?: Record<string, string>;
  } = {},
) {
  const product = await insertProduct(db, { priceCents: opts.priceCents ?? 300_000, stock: opts.stock ?? 10 });
  const methodId = opts.methodId ?? (await insertPaymentMethod(db)).id;
  await client.post('/cart/items', { productId: product.id, quantity: opts.quantity ?? 2 });
  await client.get('/cart');
  const res = await client.post('/orders', {
    token: newToken(),
    ...address,
    paymentMethodId: String(methodId),
    ...opts.form,
  });
  if (res.statusCode !== 303) throw new Error(`order not placed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const number = String(res.headers.location).replace('/orders/', '');
  return { number, product, methodId };
}

/** A minimal valid PNG (1×1), distinct per seed so hashes differ. */
export function png(seed = 0): Buffer {
  const base = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf000001010100187dd3d50000000049454e44ae426082',
    'hex',
  );
  return Buffer.concat([base, Buffer.from(`seed-${seed}`)]);
}

export interface MultipartFile {
  field: string;
  name: string;
  type: string;
  data: Buffer;
}

/** Builds a multipart/form-data body the way a browser would (text fields first, then the files). */
export function multipart(fields: Record<string, string>, files?: MultipartFile | MultipartFile[]) {
  const boundary = `----hashcart${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const file of files === undefined ? [] : [files].flat()) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function uploadProof(
  app: FastifyInstance,
  client: BrowserClient,
  number: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
) {
  const body = multipart({ _csrf: client.csrf, ...fields }, file && { field: 'proof', ...file });
  return app.inject({
    method: 'POST',
    url: `/orders/${number}/proofs`,
    payload: body.payload,
    remoteAddress: client.ip,
    headers: { 'content-type': body.contentType, cookie: client.cookieHeader },
  });
}

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * Records complete packing evidence straight in the database (one sealed parcel with a
 * photo row, a serial per tracked unit and a passed burn-in per miner), so that tests
 * about later steps can ship the order. The packing tests go through the forms instead.
 */
export async function recordPackingEvidence(db: Db, number: string) {
  const [order] = await db.select().from(orders).where(eq(orders.number, number));
  if (!order) throw new Error(`no order ${number}`);
  const [staff] = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.role, ['warehouse', 'admin']))
    .limit(1);
  const recordedBy = staff?.id ?? order.customerId;
  const [parcel] = await db
    .insert(packingParcels)
    .values({ orderId: order.id, position: 1, sealNumbers: [`SEAL-${order.id}`], recordedBy })
    .returning();
  await db.insert(packingFiles).values({
    orderId: order.id,
    parcelId: parcel!.id,
    kind: 'photo',
    fileKey: 'packing/AAAAAAAAAAAAAAAAAAAAAA.jpg',
    previewKey: 'packing/AAAAAAAAAAAAAAAAAAAAAB.webp',
    mimeType: 'image/jpeg',
    sizeBytes: 1,
    sha256: '0'.repeat(64),
    uploadedBy: recordedBy,
  });
  for (const line of await packingLinesOf(db, order.id)) {
    if (line.kind === 'general') continue;
    const miner = line.kind === 'miner';
    await db.insert(packingUnits).values(
      Array.from({ length: line.quantity }, (_, i) => ({
        orderId: order.id,
        parcelId: parcel!.id,
        orderLineId: line.id,
        serialNumber: `SN-${order.id}-${line.id}-${i + 1}`,
        burnInHashrate: miner ? 200 : null,
        burnInHashrateUnit: miner ? 'TH/s' : null,
        burnInHours: miner ? 4 : null,
        burnInPassed: miner ? true : null,
        recordedBy,
      })),
    );
  }
}
