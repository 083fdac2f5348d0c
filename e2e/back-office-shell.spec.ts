import { expect, test } from '@playwright/test';
import { staffPage } from './journey.js';

test('keyboard shortcuts: "/" focuses the back-office search, "g o" opens the orders, "?" lists them', async ({
  browser,
}) => {
  const sales = await staffPage(browser, 'sales');
  await sales.goto('/admin');
  const search = sales.getByRole('search', { name: 'Back-office search' }).getByLabel('Search');
  await sales.keyboard.press('/');
  await expect(search).toBeFocused();
  // Typed in the field, "g o" is text, not a shortcut.
  await sales.keyboard.type('go');
  await expect(search).toHaveValue('go');
  await expect(sales).toHaveURL(/\/admin$/);
  await search.fill('');
  await search.blur();

  await sales.keyboard.press('g');
  await sales.keyboard.press('o');
  await expect(sales).toHaveURL(/\/admin\/orders$/);
  await expect(sales.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await expect(
    sales.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Orders' }),
  ).toHaveAttribute('aria-current', 'page');

  await sales.keyboard.press('?');
  const dialog = sales.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Focus the back-office search');
  await expect(dialog).toContainText('g o');
  await expect(dialog).toContainText('g d');
  await sales.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // "g d" back to the dashboard; with Ctrl held nothing happens.
  await sales.keyboard.press('Control+g');
  await sales.keyboard.press('d');
  await expect(sales).toHaveURL(/\/admin\/orders$/);
  await sales.keyboard.press('g');
  await sales.keyboard.press('d');
  await expect(sales).toHaveURL(/\/admin$/);
});

test('the back office has its own header and a menu that leaves the page on a phone’s first screen', async ({
  browser,
}) => {
  const sales = await staffPage(browser, 'sales');
  await sales.setViewportSize({ width: 375, height: 740 });
  await sales.goto('/admin/orders');
  // No storefront product search above the back office.
  await expect(sales.getByPlaceholder('Search miners, PSUs, parts…')).toHaveCount(0);
  await expect(sales.getByRole('link', { name: 'Storefront' })).toBeVisible();
  await expect(sales.getByRole('button', { name: 'Log out' })).toBeVisible();
  const heading = sales.getByRole('heading', { name: 'Orders', level: 1 });
  const box = await heading.boundingBox();
  expect(box!.y).toBeLessThan(260);
  const overflow = Number(await sales.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow).toBeLessThanOrEqual(0);

  // The queue's table scrolls in its own region, and an order number reads on one line.
  await sales.goto('/admin/orders?queue=shipped');
  const table = sales.getByRole('region', { name: 'Orders' });
  await expect(table.getByRole('table')).toBeVisible();
  const number = table.getByRole('link', { name: /^HC-/ }).first();
  const line = await number.evaluate((a) => a.getClientRects().length);
  expect(line).toBe(1);
});
