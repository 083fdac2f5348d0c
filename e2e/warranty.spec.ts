import { expect, test } from '@playwright/test';
import { newBuyerWithOrder, recordPackingEvidence, setFreight, staffPage, unique, uploadProof } from './journey.js';

test.describe.configure({ timeout: 120_000 });

test('a delivered miner answers the warranty check with its test report; the buyer has the customs papers', async ({
  page: buyer,
  browser,
}) => {
  const number = await newBuyerWithOrder(buyer);
  const sales = await staffPage(browser, 'sales');
  await setFreight(sales, number, '120');
  await uploadProof(buyer, '698.00', `SWIFT-${unique()}`);
  const finance = await staffPage(browser, 'finance');
  await finance.goto(`/admin/orders/${number}`);
  await finance.getByRole('button', { name: 'Approve payment' }).click();
  await expect(finance.getByText('Ready to ship').first()).toBeVisible();

  const warehouse = await staffPage(browser, 'warehouse');
  await warehouse.goto(`/admin/orders/${number}`);
  await warehouse.getByLabel('Net weight (kg)').fill('2.4');
  await warehouse.getByLabel('Gross weight (kg)').fill('3.1');
  const serials = await recordPackingEvidence(warehouse, 2);
  await warehouse.getByLabel('Carrier').selectOption('DHL');
  await warehouse.getByLabel('Tracking number').fill('1234567890');
  await warehouse.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(buyer.getByRole('link', { name: '1234567890' })).toBeVisible();
  await buyer.getByRole('button', { name: 'Confirm delivery' }).click();
  await expect(buyer.getByText('Completed').first()).toBeVisible();

  // The buyer's order page lists the shipment's papers and each miner's test report.
  await buyer.reload();
  await expect(buyer.getByRole('heading', { name: 'Shipping papers' })).toBeVisible();
  await expect(buyer.getByRole('link', { name: 'Commercial invoice (Español)' })).toBeVisible();
  const pdf = await buyer.request.get(`/orders/${number}/customs/packing-list.pdf?lang=en`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await buyer.getByRole('link', { name: 'Warranty' }).first().click();

  // Anyone, not logged in, checks the unit by its serial as printed on the label.
  const visitor = await browser.newPage();
  await visitor.goto('/help');
  await visitor.getByRole('link', { name: "Check a unit's warranty by serial number" }).click();
  await visitor.getByLabel('Serial number').fill(serials[0]!.toLowerCase());
  await visitor.getByRole('button', { name: 'Check warranty' }).click();
  await expect(visitor.getByText(/In warranty until/)).toBeVisible();
  await expect(visitor.getByText('Jordan Buyer')).toHaveCount(0);
  await expect(visitor.getByRole('link', { name: 'Download test report (PDF)' })).toBeVisible();
  if (process.env.E2E_SCREENSHOTS)
    await visitor.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/warranty.png`, fullPage: true });

  await visitor.getByLabel('Serial number').fill('NOT-OURS-1');
  await visitor.getByRole('button', { name: 'Check warranty' }).click();
  await expect(visitor.getByText('We have no shipped unit with serial number NOT-OURS-1')).toBeVisible();
});
