import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orderTopic } from '../../platform/events.js';
import { CATALOG_TOPIC } from '../catalog/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every publish on a topic, as the open pages on it would see them. */
const watch = (topic: string) => {
  const seen = vi.fn();
  t.app.services.bus.subscribe(topic, seen);
  return seen;
};

describe('order actions publish what they declare, after commit only', () => {
  it('tells the storefront when an order reserves stock, and the order page when staff act on it', async () => {
    const catalog = watch(CATALOG_TOPIC);
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer, t.db);
    expect(catalog).toHaveBeenCalledTimes(1);

    const page = watch(orderTopic(number));
    const { client: sales } = await loggedInClient(t.app, t.db, 'sales');
    await sales.get(`/admin/orders/${number}`);
    const quoted = await sales.post(`/admin/orders/${number}/freight`, { freight: '100.00', validDays: '7', note: '' });
    expect(quoted.statusCode).toBe(303);
    expect(page).toHaveBeenCalledTimes(1);
  });

  it('publishes nothing for an action its transaction rolled back', async () => {
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer, t.db);
    const page = watch(orderTopic(number));
    const { client: warehouse } = await loggedInClient(t.app, t.db, 'warehouse');
    await warehouse.get(`/admin/orders/${number}`);
    // Not paid yet: the machine refuses the transition inside the transaction, which rolls back.
    const ship = await warehouse.post(`/admin/orders/${number}/ship`, { carrier: 'DHL', tracking: '1234567890' });
    expect(ship.statusCode).toBe(409);
    expect(page).not.toHaveBeenCalled();

    const catalog = watch(CATALOG_TOPIC);
    await buyer.get(`/orders/${number}`);
    expect((await buyer.post(`/orders/${number}/events/cancelByCustomer`, { reason: '' })).statusCode).toBe(303);
    expect(page).toHaveBeenCalledTimes(1);
    expect(catalog).toHaveBeenCalledTimes(1); // the cancellation released the stock
  });
});
