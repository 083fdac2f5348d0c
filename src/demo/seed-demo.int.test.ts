import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient } from '../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { demoRepairCenters } from './demo-repair-centers.js';
import { seedDemo } from './seed-demo.js';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('fills an empty database once: catalog, accounts and approved repair centers on the public page', async () => {
    expect(await seedDemo(t.db)).toBe(true);
    expect(await seedDemo(t.db)).toBe(false);
    const directory = await t.app.inject({ url: '/asic-miner-repair' });
    expect(directory.statusCode).toBe(200);
    for (const center of demoRepairCenters) expect(directory.body).toContain(center.name);
    const owner = new BrowserClient(t.app);
    await owner.login('repairs@demo.hashcart.test', DEMO_PASSWORD);
    const own = await owner.get('/repair-centers');
    for (const center of demoRepairCenters) expect(own.body).toContain(center.name);
  });
});
