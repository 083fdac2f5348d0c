import { type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';

const PASSWORD = 'hashcart-demo-2026';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf000001010100187dd3d50000000049454e44ae426082',
  'hex',
);
// Multi-browser journeys are long: give them room on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function staffPage(browser: Browser, role: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(`${role}@demo.hashcart.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.waitForLoadState('load');
  return page;
}

async function newBuyerWithOrder(page: Page, slug = 'canaan-avalon-nano-3s-6th') {
  await page.goto('/register');
  await page.getByLabel('Full name').fill('Jordan Buyer');
  await page.getByLabel('Email').fill(`journey-${unique()}@example.test`);
  await page.getByLabel('Password').fill('journey passphrase 1');
  await page.getByRole('button', { name: 'Register' }).click();
  await page.goto(`/products/${slug}`);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('heading', { name: 'My cart list' })).toBeVisible();
  await page.getByLabel('Phone').fill('+49 30 1234567');
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('Address', { exact: true }).fill('Friedrichstraße 10');
  await page.getByLabel('Postal code').fill('10117');
  await page.getByLabel('Shipping method').selectOption({ label: 'Air express' });
  await page.getByLabel('Payment method').selectOption({ label: 'Bank wire (SWIFT)' });
  await page.getByRole('button', { name: 'Submit order' }).click();
  await expect(page.getByText('Calculating shipping cost').first()).toBeVisible();
  return page.url().split('/').pop()!;
}

async function setFreight(sales: Page, number: string, freight: string) {
  await sales.goto(`/admin/orders/${number}`);
  await sales.getByLabel('Freight (USD)').fill(freight);
  await sales.getByRole('button', { name: 'Set freight' }).click();
  await expect(sales.getByText('Awaiting payment').first()).toBeVisible();
}

/** A real, decodable photo (the shop re-encodes packing photos for the buyer). */
const packedPhoto = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 150, g: 120, b: 80 } } })
    .jpeg()
    .toBuffer();

/** Warehouse records a sealed parcel, a photo, and each miner's serial with its burn-in (the ship button waits for this). */
async function recordPackingEvidence(warehouse: Page, units: number) {
  await warehouse.getByLabel('Seal numbers').fill(`SEAL-${unique()}`);
  await warehouse.getByRole('button', { name: 'Add parcel' }).click();
  await warehouse
    .getByLabel('Photos and videos')
    .setInputFiles({ name: 'packed.jpg', mimeType: 'image/jpeg', buffer: await packedPhoto() });
  await warehouse.getByRole('button', { name: 'Upload' }).click();
  await expect(warehouse.getByRole('img', { name: 'Photo 1 of parcel 1' })).toBeVisible();
  for (let i = 1; i <= units; i++) {
    await warehouse.getByLabel('Serial number').fill(`E2E-${unique()}-${i}`);
    await warehouse.getByLabel('Average hashrate').fill('6.1');
    await warehouse.getByLabel('Hashrate unit').selectOption('TH/s');
    await warehouse.getByLabel('Hours tested').fill('4');
    await warehouse.getByLabel('Result').selectOption('pass');
    await warehouse.getByRole('button', { name: 'Record unit' }).click();
    await expect(warehouse.getByText(`${i} of ${units} recorded`)).toBeVisible();
  }
  await expect(warehouse.getByText('Packing evidence is complete')).toBeVisible();
}

async function uploadProof(buyer: Page, amount: string, reference: string) {
  await buyer.getByLabel('Payment proof').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.from(reference)]) });
  await buyer.getByLabel('Amount paid').fill(amount);
  await buyer.getByLabel('Transaction reference').fill(reference);
  await buyer.getByLabel('Payment date').fill(new Date().toISOString().slice(0, 10));
  await buyer.getByRole('button', { name: 'Upload payment proof' }).click();
  await expect(buyer.getByText('Payment under review').first()).toBeVisible();
}

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

test('a renamed executable is refused beside the file field, the typed values kept', async ({ page: buyer, browser }) => {
  const number = await newBuyerWithOrder(buyer);
  await setFreight(await staffPage(browser, 'sales'), number, '50');
  await buyer.reload();
  await buyer.getByLabel('Payment proof').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: Buffer.from('MZ this is not an image') });
  await buyer.getByLabel('Amount paid').fill('628.00');
  await buyer.getByLabel('Transaction reference').fill('REF-KEEP-ME');
  await buyer.getByLabel('Payment date').fill(new Date().toISOString().slice(0, 10));
  await buyer.getByRole('button', { name: 'Upload payment proof' }).click();
  await expect(buyer.getByText('Upload a JPEG, PNG, WebP image or a PDF')).toBeVisible();
  await expect(buyer.getByLabel('Transaction reference')).toHaveValue('REF-KEEP-ME');
});
