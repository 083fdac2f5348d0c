import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, registerOnPage } from './journey.js';

const pages = [
  ['home', '/'],
  ['listing', '/categories/asic-miners'],
  ['product', '/products/bitmain-antminer-s21-pro-234th'],
  ['register', '/register'],
  ['login', '/login'],
  ['forgot password', '/password/forgot'],
  ['warranty check', '/warranty'],
  ['warranty check answer', '/warranty?serial=NOPE-123'],
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
