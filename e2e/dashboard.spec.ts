import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, staffPage } from './journey.js';

// The demo seed's order book gives the dashboard two months of figures.
test('the dashboard shows the business for a chosen period, accessible at 1280 and 375 px', async ({ browser }) => {
  test.slow(); // a staff login (two-factor) and three full axe scans of the densest page
  const admin = await staffPage(browser, 'admin');
  for (const width of [1280, 375]) {
    await admin.setViewportSize({ width, height: 900 });
    await admin.goto('/admin');
    await expect(admin.getByRole('heading', { name: 'The business' })).toBeVisible();
    await expect(admin.getByRole('img', { name: /payments approved per day over the last 30 days/ })).toBeVisible();
    await expectNoSeriousViolations(admin);
    await admin.getByLabel('Period').selectOption('7');
    await admin.getByRole('button', { name: 'Show' }).click();
    await expect(admin).toHaveURL(/\/admin\?period=7$/);
    await expect(admin.getByRole('img', { name: /orders submitted per day over the last 7 days/ })).toBeVisible();
    await admin.getByText('The figures per day').click();
    await expect(admin.getByRole('table').filter({ hasText: 'Revenue (payments approved)' }).first()).toBeVisible();
    await expectNoSeriousViolations(admin);
    const overflow = Number(await admin.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
