import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, staffPage } from './journey.js';

// The demo seed has buyers and their orders (and an empty database none): the pages must be accessible either way.
// Six axe runs over pages full of demo orders: give them room on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

test('back-office search, all orders and the customer page have no serious accessibility violation, at 375 px too', async ({
  browser,
}) => {
  const sales = await staffPage(browser, 'sales');
  for (const width of [1280, 375]) {
    await sales.setViewportSize({ width, height: 800 });
    await sales.goto('/admin/orders/all');
    await expect(sales.getByRole('heading', { name: 'All orders' })).toBeVisible();
    await expectNoSeriousViolations(sales);
    await sales.getByRole('search', { name: 'Back-office search' }).getByLabel('Search').fill('demo.hashcart');
    await sales.getByRole('search', { name: 'Back-office search' }).getByRole('button', { name: 'Search' }).click();
    await expect(sales.getByRole('heading', { name: 'Customers' })).toBeVisible();
    await expectNoSeriousViolations(sales);
    const customer = sales.locator('a[href^="/admin/customers/"]').first();
    await customer.click();
    await expect(sales.getByRole('heading', { name: 'Staff only: notes and tags' })).toBeVisible();
    await expectNoSeriousViolations(sales);
    // Nothing wider than the phone's screen but the tables' own scroll regions.
    const overflow = Number(await sales.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
