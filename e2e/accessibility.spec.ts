import { expect, test } from '@playwright/test';
import { customerPage, expectNoSeriousViolations, registerOnPage, staffPage } from './journey.js';

const pages = [
  ['home', '/'],
  ['listing', '/categories/asic-miners'],
  ['product', '/products/bitmain-antminer-s21-pro-234th'],
  ['register', '/register'],
  ['login', '/login'],
  ['forgot password', '/password/forgot'],
  ['warranty check', '/warranty'],
  ['warranty check answer', '/warranty?serial=NOPE-123'],
  ['Spanish home', '/es/'],
  ['Spanish product', '/es/products/bitmain-antminer-s21-pro-234th'],
  ['API reference', '/api/v1/docs'],
] as const;

for (const [name, url] of pages) {
  test(`${name} page has no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(url);
    await expectNoSeriousViolations(page);
  });
}

test('cart page has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/register');
  await registerOnPage(page, {
    fullName: 'Axe Tester',
    email: `axe-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
    password: 'accessible passphrase',
  });
  await page.goto('/products/bitmain-apw12-psu');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('heading', { name: 'My cart list' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('back-office shell (header, menu, shortcuts list) has no serious or critical violation, at 375 px too', async ({
  browser,
}) => {
  test.slow(); // a staff login (two-factor) and three full axe scans
  const admin = await staffPage(browser, 'admin');
  for (const width of [1280, 375]) {
    await admin.setViewportSize({ width, height: 800 });
    await admin.goto('/admin');
    await expect(admin.getByRole('navigation', { name: 'Back office' })).toBeVisible();
    await expectNoSeriousViolations(admin);
  }
  await admin.setViewportSize({ width: 1280, height: 800 });
  await admin.keyboard.press('?');
  await expect(admin.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(admin);
});

test('audit log and API tokens pages have no serious or critical violation', async ({ browser }) => {
  test.slow(); // a staff login (two-factor) and two full axe scans
  const admin = await staffPage(browser, 'admin');
  for (const url of ['/admin/audit', '/admin/api-tokens']) {
    await admin.goto(url);
    await expect(admin.getByRole('navigation', { name: 'Back office' })).toBeVisible();
    await expectNoSeriousViolations(admin);
  }
});

test('list pages with their export links, and a refused export filter, have no serious or critical violation', async ({
  browser,
}) => {
  test.slow(); // a staff login (two-factor) and four full axe scans
  const admin = await staffPage(browser, 'admin');
  for (const [url, link] of [
    ['/admin/refunds', 'refunds.csv?status=due'],
    ['/admin/after-sales?queue=open', 'after-sales.csv?queue=open'],
    ['/admin/repair-centers', 'repair-centers.csv?status=in_review'],
  ] as const) {
    await admin.goto(url);
    await expect(admin.locator(`a[href="/admin/${link}"]`)).toBeVisible();
    await expectNoSeriousViolations(admin);
  }
  const refused = await admin.goto('/admin/after-sales.csv?queue=lost');
  expect(refused?.status()).toBe(400);
  await expect(admin.getByRole('alert')).toContainText('queue: This is not one of the choices.');
  await expectNoSeriousViolations(admin);
});

test('repair portal (cases list and a case at the center) has no serious or critical violation, at 375 px too', async ({
  browser,
}) => {
  const owner = await customerPage(browser, 'repairs@demo.hashcart.test');
  for (const width of [1280, 375]) {
    await owner.setViewportSize({ width, height: 800 });
    await owner.goto('/repair-centers/cases');
    await expect(owner.getByRole('heading', { name: 'Repair cases' })).toBeVisible();
    await expectNoSeriousViolations(owner);
    await owner
      .getByRole('row', { name: /At repair center/ })
      .getByRole('link')
      .first()
      .click();
    await expect(owner.getByRole('heading', { name: 'Ship the unit back to' })).toBeVisible();
    await expectNoSeriousViolations(owner);
  }
});

test('webhooks pages have no serious or critical violation', async ({ browser }) => {
  test.slow(); // a staff login (two-factor) and four full axe scans
  const admin = await staffPage(browser, 'admin');
  await admin.goto('/admin/webhooks');
  await admin.getByLabel('URL').fill('http://127.0.0.1:9/hashcart');
  await admin.getByLabel('order.state_changed').check();
  await admin.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(admin.getByText('shown only this once')).toBeVisible();
  for (const width of [1280, 375]) {
    await admin.setViewportSize({ width, height: 800 });
    await expectNoSeriousViolations(admin);
  }
  await admin.getByRole('link', { name: 'http://127.0.0.1:9/hashcart' }).first().click();
  await expect(admin.getByRole('heading', { name: 'Webhook endpoint' })).toBeVisible();
  for (const width of [1280, 375]) {
    await admin.setViewportSize({ width, height: 800 });
    await expectNoSeriousViolations(admin);
  }
});
