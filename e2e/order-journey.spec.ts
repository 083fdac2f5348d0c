import { expect, test } from '@playwright/test';
import { newBuyerWithOrder, recordPackingEvidence, setFreight, staffPage, unique, uploadProof } from './journey.js';

// Multi-browser journeys are long: give them room on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

test('the whole journey, customer and staff side by side, with a live update', async ({ page: buyer, browser }) => {
  const number = await newBuyerWithOrder(buyer);
  const sales = await staffPage(browser, 'sales');
  await sales.goto('/admin/orders?queue=awaiting_quote');
  await expect(sales.getByRole('link', { name: number })).toBeVisible();
  await setFreight(sales, number, '120');
  // The buyer's open page updates itself (server-sent events), no reload.
  await expect(buyer.getByRole('heading', { name: 'How to pay' })).toBeVisible();
  await expect(buyer.getByText('$698.00')).toBeVisible(); // 2 × $289 + $120

  await uploadProof(buyer, '698.00', `SWIFT-${unique()}`);
  const finance = await staffPage(browser, 'finance');
  await finance.goto(`/admin/orders/${number}`);
  await finance.getByRole('button', { name: 'Approve payment' }).click();
  await expect(finance.getByText('Ready to ship').first()).toBeVisible();
  await expect(buyer.getByText('Ready to ship').first()).toBeVisible();

  const warehouse = await staffPage(browser, 'warehouse');
  await warehouse.goto(`/admin/orders/${number}`);
  // Shipping is refused until the packing evidence is recorded.
  await warehouse.getByLabel('Tracking number').fill('1234567890');
  await warehouse.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(warehouse.getByRole('alert').filter({ hasText: 'Add at least one parcel' })).toBeVisible();
  await recordPackingEvidence(warehouse, 2);
  await warehouse.getByLabel('Carrier').selectOption('DHL');
  await warehouse.getByLabel('Tracking number').fill('1234567890');
  await warehouse.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(buyer.getByRole('link', { name: '1234567890' })).toBeVisible();
  await expect(buyer.getByRole('heading', { name: 'Packing evidence' })).toBeVisible();
  await expect(buyer.getByRole('img', { name: 'Photo 1 of parcel 1' })).toBeVisible();

  await buyer.getByRole('button', { name: 'Confirm delivery' }).click();
  await expect(buyer.getByText('Completed').first()).toBeVisible();
  await buyer.goto('/orders');
  await expect(buyer.getByRole('row', { name: new RegExp(number) })).toContainText('Completed');
  // On a phone the list scrolls in its own region and the order number stays on one line.
  await buyer.setViewportSize({ width: 375, height: 740 });
  const link = buyer.getByRole('region', { name: 'My orders' }).getByRole('link', { name: number });
  expect(await link.evaluate((a) => a.getClientRects().length)).toBe(1);
  expect(Number(await buyer.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(
    0,
  );
});

test('the customer cancels before paying', async ({ page: buyer }) => {
  const number = await newBuyerWithOrder(buyer);
  await buyer.getByLabel('Reason (optional)').fill('Ordered the wrong model');
  await buyer.getByRole('button', { name: 'Cancel this order' }).click();
  await expect(buyer.getByText('Cancelled').first()).toBeVisible();
  await expect(buyer.getByRole('button', { name: 'Cancel this order' })).toHaveCount(0);
  expect(number).toMatch(/^HC-/);
});

test('finance rejects a proof with a reason; the buyer uploads again', async ({ page: buyer, browser }) => {
  const number = await newBuyerWithOrder(buyer);
  const sales = await staffPage(browser, 'sales');
  await setFreight(sales, number, '50');
  await buyer.reload();
  await uploadProof(buyer, '100.00', `WRONG-${unique()}`);
  const finance = await staffPage(browser, 'finance');
  await finance.goto(`/admin/orders/${number}`);
  await finance.getByLabel('Reason').fill('The amount does not match the total');
  await finance.getByRole('button', { name: 'Reject payment' }).click();
  await expect(buyer.getByText('The amount does not match the total').first()).toBeVisible();
  await expect(buyer.getByText('Awaiting payment').first()).toBeVisible();
  await uploadProof(buyer, '628.00', `RIGHT-${unique()}`);
});

test('a renamed executable is refused beside the file field, the typed values kept', async ({
  page: buyer,
  browser,
}) => {
  const number = await newBuyerWithOrder(buyer);
  await setFreight(await staffPage(browser, 'sales'), number, '50');
  await buyer.reload();
  await buyer
    .getByLabel('Payment proof')
    .setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: Buffer.from('MZ this is not an image') });
  await buyer.getByLabel('Amount paid').fill('628.00');
  await buyer.getByLabel('Transaction reference').fill('REF-KEEP-ME');
  await buyer.getByLabel('Payment date').fill(new Date().toISOString().slice(0, 10));
  await buyer.getByRole('button', { name: 'Upload payment proof' }).click();
  await expect(buyer.getByText('Upload a JPEG, PNG, WebP image or a PDF')).toBeVisible();
  await expect(buyer.getByLabel('Transaction reference')).toHaveValue('REF-KEEP-ME');
});
