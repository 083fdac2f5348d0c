import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiUpload, createApiToken, sessionApi } from '../../../test/api.js';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { jpeg } from '../../../test/media.js';
import {
  address,
  type MultipartFile,
  placeOrder,
  png,
  recordPackingEvidence,
  today,
  uploadProof,
} from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { completedOrder, submitCaseForm } from '../after-sales/after-sales.test-helpers.js';
import { productBody, refundBody, refundDueOrder, submittedCenter } from './catalog-api.test-helpers.js';
import { forbiddenRequests } from './forbidden-requests.test-helpers.js';

/**
 * The contract: every operation in the generated document exists, answers a valid request
 * with a body its documented schema accepts, and refuses with a 400 problem what the schema
 * forbids: an unknown field, filter or malformed path parameter, and requests fast-check
 * generates from the schemas (wrong types, out-of-range numbers, strings too long, bad enums…).
 */
let t: TestApp;
let doc: OpenAPIV3_1.Document;
let token: string;
let admin: BrowserClient;
let buyer: BrowserClient;
let buyerId: number;
/** Generated forbidden requests per operation: enough to reach every rule in a few runs, bounded for speed. */
const FORBIDDEN_RUNS = 12;
const ajv = new Ajv2020({ strict: false, validateFormats: false });

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  token = (await createApiToken(t.app, admin, ['admin'])).token;
  const b = await loggedInClient(t.app, t.db);
  buyer = b.client;
  buyerId = b.user.id;
  doc = (await t.app.inject('/api/v1/openapi.json')).json();
  ajv.addSchema({ $id: 'doc', components: doc.components } as never);
});
afterAll(() => t.close());

/** The document's schemas point at `#/components/…`: resolve them inside the whole document. */
const check = (schema: unknown, value: unknown) => {
  const validate = ajv.compile({
    ...JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"doc#/components')),
  });
  return validate(value) ? [] : validate.errors;
};

async function awaitingQuote() {
  return (await placeOrder(buyer, t.db)).number;
}
async function withPendingProof() {
  const number = await awaitingQuote();
  expect(
    (await api(t.app, token, 'POST', `/api/v1/orders/${number}/freight`, { freightCents: 45_000 })).statusCode,
  ).toBe(200);
  await buyer.get(`/orders/${number}`);
  const up = await uploadProof(
    t.app,
    buyer,
    number,
    { amount: '100.00', reference: `PAY-${number}`, paidOn: today() },
    { name: 'pay.png', type: 'image/png', data: png(Math.random()) },
  );
  expect(up.statusCode).toBe(303);
  const order = (await api(t.app, token, 'GET', `/api/v1/orders/${number}`)).json();
  return { number, proofId: order.proofs[0].id as number };
}

/** Paid in full: ready to ship, packing open. */
async function paid() {
  const number = await awaitingQuote();
  const quoted = await api(t.app, token, 'POST', `/api/v1/orders/${number}/freight`, { freightCents: 45_000 });
  const amount = (quoted.json().totalCents / 100).toFixed(2);
  await buyer.get(`/orders/${number}`);
  const file = { name: 'pay.png', type: 'image/png', data: png(Math.random()) };
  await uploadProof(t.app, buyer, number, { amount, reference: `PAY-${number}`, paidOn: today() }, file);
  const proofId = (await api(t.app, token, 'GET', `/api/v1/orders/${number}`)).json().proofs[0].id;
  expect((await api(t.app, token, 'POST', `/api/v1/orders/${number}/proofs/${proofId}/approve`)).statusCode).toBe(200);
  return number;
}
async function withParcel() {
  const number = await paid();
  const parcel = await api(t.app, token, 'POST', `/api/v1/orders/${number}/packing/parcels`, { seals: ['S-1'] });
  const record = parcel.json();
  return { number, parcelId: record.parcels[0].id as number, lineId: record.lines[0].id as number };
}
async function shipped() {
  const number = await paid();
  await recordPackingEvidence(t.db, number);
  const ship = { carrier: 'UPS', trackingNumbers: ['1Z999AA10123456784'] };
  expect((await api(t.app, token, 'POST', `/api/v1/orders/${number}/ship`, ship)).statusCode).toBe(200);
  return number;
}
async function aCase() {
  const o = await completedOrder(t, { buyer });
  const res = await submitCaseForm(t, o);
  return String(res.headers.location).replace('/after-sales/', '');
}

/** A valid request for each operation, on fresh fixtures (a transition needs an order in its state). */
type Valid = {
  path: Record<string, string | number>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** A buyer's operation: sent with the buyer's session instead of the admin token. */
  asBuyer?: true;
  /** A multipart upload: its text fields and files. */
  upload?: { fields: Record<string, string>; files: MultipartFile[] };
};
const send = (method: string, url: string, req: Valid) =>
  req.upload
    ? apiUpload(t.app, req.asBuyer ? buyer : token, url, req.upload.fields, req.upload.files)
    : req.asBuyer
      ? sessionApi(t.app, buyer, method as 'GET', url, req.body)
      : api(t.app, token, method as 'GET', url, req.body);
const valid: Record<string, () => Promise<Valid>> = {
  'get /api/v1/orders': async () => ({ path: {}, query: { state: 'awaiting_quote' } }),
  'get /api/v1/orders/{number}': async () => ({ path: { number: await awaitingQuote() } }),
  'post /api/v1/orders/{number}/freight': async () => ({
    path: { number: await awaitingQuote() },
    body: { freightCents: 45_000, validDays: 5, note: 'Air, door to door' },
  }),
  'get /api/v1/orders/{number}/proofs/{proofId}/file': async () => ({ path: await withPendingProof() }),
  'post /api/v1/orders/{number}/proofs/{proofId}/approve': async () => ({ path: await withPendingProof() }),
  'post /api/v1/orders/{number}/proofs/{proofId}/reject': async () => ({
    path: await withPendingProof(),
    body: { reason: 'The amount does not match the transfer' },
  }),
  'post /api/v1/orders/{number}/cancel': async () => ({
    path: { number: await awaitingQuote() },
    body: { reason: 'Buyer asked' },
  }),
  'post /api/v1/orders/{number}/messages': async () => ({
    path: { number: await awaitingQuote() },
    body: { body: 'Freight is on its way to being quoted.' },
  }),
  // Issue 17, orders to completion: the buyer's side, proofs, packing and shipping, after-sales cases.
  'post /api/v1/cart/items': async () => ({
    path: {},
    body: { productId: (await insertProduct(t.db)).id, quantity: 1 },
    asBuyer: true,
  }),
  'post /api/v1/orders': async () => {
    const product = await insertProduct(t.db);
    await sessionApi(t.app, buyer, 'POST', '/api/v1/cart/items', { productId: product.id, quantity: 1 });
    const { shippingMethod, ...shipTo } = address;
    const paymentMethodId = (await insertPaymentMethod(t.db)).id;
    return { path: {}, body: { ...shipTo, shippingMethod, paymentMethodId }, asBuyer: true };
  },
  'post /api/v1/orders/{number}/confirm-delivery': async () => ({ path: { number: await shipped() }, asBuyer: true }),
  'post /api/v1/orders/{number}/proofs': async () => {
    const number = await awaitingQuote();
    await api(t.app, token, 'POST', `/api/v1/orders/${number}/freight`, { freightCents: 45_000 });
    const fields = { amountCents: '10000', reference: `W-${number}`, paidOn: today() };
    const files = [{ field: 'proof', name: 'p.png', type: 'image/png', data: png(Math.random()) }];
    return { path: { number }, upload: { fields, files }, asBuyer: true };
  },
  'get /api/v1/orders/{number}/proofs': async () => ({ path: { number: (await withPendingProof()).number } }),
  'get /api/v1/proofs': async () => {
    await withPendingProof();
    return { path: {}, query: { status: 'pending' } };
  },
  'get /api/v1/orders/{number}/packing': async () => ({ path: { number: await paid() } }),
  'post /api/v1/orders/{number}/packing/parcels': async () => ({
    path: { number: await paid() },
    body: { seals: ['SEAL-9', 'SEAL-10'] },
  }),
  'post /api/v1/orders/{number}/packing/units': async () => {
    const { number, parcelId, lineId } = await withParcel();
    const burnIn = { hashrate: 200, unit: 'TH/s', hours: 4, passed: true };
    return { path: { number }, body: { parcelId, orderLineId: lineId, serialNumber: 'SN-1', burnIn } };
  },
  'post /api/v1/orders/{number}/packing/parcels/{parcelId}/files': async () => {
    const { number, parcelId } = await withParcel();
    const files = [{ field: 'files', name: 'box.jpg', type: 'image/jpeg', data: await jpeg() }];
    return { path: { number, parcelId }, upload: { fields: {}, files } };
  },
  'post /api/v1/orders/{number}/ship': async () => {
    const number = await paid();
    await recordPackingEvidence(t.db, number);
    return { path: { number }, body: { carrier: 'DHL', trackingNumbers: ['1234567890'] } };
  },
  'get /api/v1/cases': async () => {
    await aCase();
    return { path: {}, query: { queue: 'open' } };
  },
  'get /api/v1/cases/{number}': async () => ({ path: { number: await aCase() } }),
  'post /api/v1/cases/{number}/events/{event}': async () => ({
    path: { number: await aCase(), event: 'startReview' },
    body: { note: 'Looking at the photos' },
  }),
  'post /api/v1/cases/{number}/decide': async () => ({
    path: { number: await aCase() },
    body: { kind: 'reissue', note: 'A new unit ships tomorrow' },
  }),
  'post /api/v1/cases/{number}/ship-reissue': async () => {
    const number = await aCase();
    await api(t.app, token, 'POST', `/api/v1/cases/${number}/decide`, { kind: 'reissue' });
    return { path: { number }, body: { carrier: 'DHL', tracking: 'JD0001234' } };
  },
  'post /api/v1/cases/{number}/messages': async () => ({
    path: { number: await aCase() },
    body: { body: 'Please send a photo of the label.' },
  }),
  'get /api/v1/products': async () => {
    await insertProduct(t.db);
    return { path: {}, query: { sort: 'price_asc' } };
  },
  'get /api/v1/products/{slug}': async () => ({ path: { slug: (await insertProduct(t.db)).slug } }),
  // Catalog writes, refunds, repair-center review, warranty (one block).
  'post /api/v1/products': async () => ({ path: {}, body: productBody() }),
  'patch /api/v1/products/{slug}': async () => ({
    path: { slug: (await insertProduct(t.db)).slug },
    body: { priceCents: 398_000, backorderAllowed: true },
  }),
  'get /api/v1/products/{slug}/stock': async () => ({ path: { slug: (await insertProduct(t.db)).slug } }),
  'post /api/v1/products/{slug}/stock': async () => ({
    path: { slug: (await insertProduct(t.db)).slug },
    body: { delta: 5, note: 'Counted in the warehouse' },
  }),
  'get /api/v1/categories': async () => ({ path: {} }),
  'get /api/v1/network-figures': async () => ({ path: {} }),
  'put /api/v1/network-figures/{algorithm}': async () => ({
    path: { algorithm: 'SHA-256' },
    body: {
      coin: 'BTC',
      networkHashrate: 700,
      networkHashrateUnit: 'EH/s',
      blockReward: 3.125,
      blockTimeSeconds: 600,
      coinPriceCents: 9_500_000,
    },
  }),
  'get /api/v1/refunds': async () => ({ path: {}, query: { status: 'due' } }),
  'post /api/v1/orders/{number}/refunds': async () => ({
    path: { number: await refundDueOrder(t.app, t.db, token, admin, buyer) },
    body: refundBody(),
  }),
  'get /api/v1/repair-centers': async () => {
    await submittedCenter(t.db, buyerId);
    return { path: {}, query: { status: 'in_review' } };
  },
  'post /api/v1/repair-centers/{id}/approve': async () => ({
    path: { id: (await submittedCenter(t.db, buyerId)).id },
    body: { revision: 1 },
  }),
  'post /api/v1/repair-centers/{id}/reject': async () => ({
    path: { id: (await submittedCenter(t.db, buyerId)).id },
    body: { revision: 1, reason: 'The address does not exist' },
  }),
  'get /api/v1/warranty/{serial}': async () => ({ path: { serial: (await completedOrder(t)).serials[0]! } }),
};

const operations = () =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((m) => {
      const op = item?.[m];
      return op ? [{ key: `${m} ${path}`, method: m, path, op }] : [];
    }),
  );

const urlOf = (path: string, params: Record<string, string | number>, query?: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k]))) +
  (query ? `?${new URLSearchParams(query)}` : '');

function bodySchema(op: OpenAPIV3_1.OperationObject) {
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const schema = body?.content['application/json']?.schema as OpenAPIV3_1.ReferenceObject | undefined;
  // Named schemas are references into the document's components.
  if (schema?.$ref) return doc.components?.schemas?.[schema.$ref.split('/').at(-1)!] as OpenAPIV3_1.SchemaObject;
  return schema as OpenAPIV3_1.SchemaObject | undefined;
}

/** The API answers the request with a 400 problem, as documented, naming what is wrong. */
async function refuses(
  op: OpenAPIV3_1.OperationObject,
  key: string,
  method: string,
  r: { why: string; url: string; body?: unknown },
) {
  const refused = await api(t.app, token, method.toUpperCase() as 'GET', r.url, r.body);
  const what = `${key} with ${r.why} (${JSON.stringify(r.body)?.slice(0, 300)}): ${refused.body}`;
  expect(refused.statusCode, what).toBe(400);
  expect(refused.headers['content-type']).toContain('application/problem+json');
  const problem = refused.json();
  const documentedProblem = op.responses?.['400'] as OpenAPIV3_1.ResponseObject;
  expect(check(documentedProblem.content!['application/problem+json']!.schema, problem), key).toEqual([]);
  expect(problem).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  expect(problem.errors.length, `${what} names the field`).toBeGreaterThan(0);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and every operation has a fixture here (a new route must add one)', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(
      operations()
        .map((o) => o.key)
        .sort(),
    ).toEqual(Object.keys(valid).sort());
  });

  it('every operation exists, answers a valid request as documented, and refuses what the schema forbids', async () => {
    let refusalCount = 0;
    for (const { key, method, path, op } of operations()) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url: fastifyPath }), key).toBe(true);

      const req = await valid[key]!();
      const res = await send(method.toUpperCase(), urlOf(path, req.path, req.query), req);
      expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      const documented = op.responses?.[String(res.statusCode)] as OpenAPIV3_1.ResponseObject | undefined;
      expect(documented, `${key} answers ${res.statusCode}, which the document lists`).toBeDefined();
      const json = documented!.content!['application/json'];
      if (json) expect(check(json.schema, res.json()), key).toEqual([]);
      else {
        // A file: sent as an attachment, never sniffed, with its bytes.
        expect(res.headers['content-disposition'], key).toMatch(/^attachment;/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.rawPayload.length).toBeGreaterThan(0);
      }

      const params = (op.parameters as OpenAPIV3_1.ParameterObject[] | undefined) ?? [];
      const refusals: { why: string; url: string; body?: unknown }[] = [];
      const url = urlOf(path, req.path, req.query);
      const schema = bodySchema(op);
      if (schema) refusals.push({ why: 'an unknown field', url, body: { ...req.body, unexpected: 1 } });
      if (params.some((p) => p.in === 'query'))
        refusals.push({ why: 'an unknown filter', url: urlOf(path, req.path, { ...req.query, unexpected: '1' }) });
      for (const p of params)
        if (p.in === 'path')
          refusals.push({
            why: `a malformed ${p.name}`,
            url: urlOf(path, { ...req.path, [p.name]: 'not valid!' }),
            body: req.body,
          });

      // Generated from the schemas: a body, a query parameter or a path parameter they forbid.
      const { forbiddenBody, forbiddenText } = forbiddenRequests(doc);
      const generated: fc.Arbitrary<{ why: string; url: string; body?: unknown }>[] = [];
      if (schema)
        generated.push(
          forbiddenBody(schema as never, req.body ?? {}).map((body) => ({ why: 'a forbidden body', url, body })),
        );
      for (const p of params) {
        const text = forbiddenText(p.schema as never);
        generated.push(
          p.in === 'path'
            ? text.map((v) => ({
                why: `${p.name}=${v}`,
                url: urlOf(path, { ...req.path, [p.name]: v }),
                body: req.body,
              }))
            : text.map((v) => ({ why: `${p.name}=${v}`, url: urlOf(path, req.path, { ...req.query, [p.name]: v }) })),
        );
      }
      refusalCount += refusals.length;
      for (const r of refusals) await refuses(op, key, method, r);
      if (generated.length)
        await fc.assert(
          fc.asyncProperty(fc.oneof(...generated), async (r) => {
            refusalCount++;
            await refuses(op, key, method, r);
          }),
          { numRuns: FORBIDDEN_RUNS },
        );
    }
    expect(refusalCount).toBeGreaterThan(250);
    // Every operation builds its own fixtures (orders in each state, cases): minutes on a busy machine.
  }, 300_000);

  it('answers an unknown path under /api/v1 with a 404 problem, and serves a readable docs page', async () => {
    const res = await api(t.app, token, 'GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', type: '/api/v1/docs#error-NOT_FOUND' });
    const docs = await t.app.inject('/api/v1/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/v1/orders/{number}/freight');
    expect(docs.body).toContain('id="error-IDEMPOTENCY_KEY_REUSED"');
    // The page is ours and passes the shop's CSP (no inline script).
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });
});
