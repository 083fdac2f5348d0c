import { expect, test } from '@playwright/test';
import {
  expectNoSeriousViolations,
  newBuyerWithOrder,
  packedPhoto,
  recordPackingEvidence,
  setFreight,
  staffPage,
  unique,
  uploadProof,
} from './journey.js';

// Five browsers in one journey: give it room on a loaded 2-core machine.
test.describe.configure({ timeout: 150_000 });

test('ship with evidence, confirm delivery, claim a defective miner, repair at the suggested center, resolved', async ({
  page: buyer,
  browser,
}) => {
  // A Canaan miner to Berlin: of the demo's approved centers servicing Canaan, Almaty is nearer than Shenzhen.
  const number = await newBuyerWithOrder(buyer);
  await setFreight(await staffPage(browser, 'sales'), number, '120');
  await buyer.reload();
  await uploadProof(buyer, '698.00', `SWIFT-${unique()}`);
  const finance = await staffPage(browser, 'finance');
  await finance.goto(`/admin/orders/${number}`);
  await finance.getByRole('button', { name: 'Approve payment' }).click();
  await expect(finance.getByText('Ready to ship').first()).toBeVisible();

  const warehouse = await staffPage(browser, 'warehouse');
  await warehouse.goto(`/admin/orders/${number}`);
  const serials = await recordPackingEvidence(warehouse, 2);
  await expectNoSeriousViolations(warehouse); // the staff order page with its packing evidence forms
  await warehouse.getByLabel('Carrier').selectOption('DHL');
  await warehouse.getByLabel('Tracking number').fill('9876543210');
  await warehouse.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(warehouse.getByText('Shipped').first()).toBeVisible();

  await buyer.reload();
  await expect(buyer.getByText(serials[1]!, { exact: true })).toBeVisible(); // the buyer sees the unit serials before delivery
  await expectNoSeriousViolations(buyer); // the buyer's order page with the evidence
  await buyer.getByRole('button', { name: 'Confirm delivery' }).click();
  await expect(buyer.getByText('Completed').first()).toBeVisible();

  // The claim: one of the two units is defective, with a photo.
  await buyer.getByRole('link', { name: 'Request after-sales service' }).click();
  await buyer.getByLabel('Quantity affected').fill('1');
  await buyer.getByLabel('Serial number', { exact: true }).fill(serials[1]!);
  await buyer.getByLabel('Type').selectOption({ label: 'Defective product' });
  await buyer.getByLabel('Description').fill('Fan error after two days; the unit stops hashing.');
  await buyer
    .getByLabel('Photos and videos')
    .setInputFiles({ name: 'fault.jpg', mimeType: 'image/jpeg', buffer: await packedPhoto() });
  await expectNoSeriousViolations(buyer); // the case form
  await buyer.getByRole('button', { name: 'Submit case' }).click();
  await expect(buyer.getByRole('heading', { name: /Case AS-/ })).toBeVisible();
  await expect(buyer.getByText('Submitted').first()).toBeVisible();
  const caseNumber = (buyer.url().split('/').pop() ?? '').trim();

  // Support sees the claim beside the packing evidence and decides: repair at the suggested center.
  const support = await staffPage(browser, 'support');
  await support.goto('/admin/after-sales');
  await support.getByRole('link', { name: caseNumber }).click();
  await expect(support.getByRole('heading', { name: 'Packing evidence of the order' })).toBeVisible();
  await expect(support.getByText(serials[1]!).first()).toBeVisible();
  const center = support.getByLabel('Repair center');
  await expect(center.locator('option:checked')).toHaveText(/Almaty Mining Service/);
  await expectNoSeriousViolations(support); // support's case page
  await support.getByRole('button', { name: 'Decide: repair' }).click();
  await expect(support.getByText('Awaiting unit').first()).toBeVisible();

  // The buyer's open case page updates itself: no reload.
  await expect(buyer.getByText('Almaty Mining Service').first()).toBeVisible();
  await expect(buyer.getByText('Awaiting unit').first()).toBeVisible();

  await expectNoSeriousViolations(buyer); // the customer's case page
  await support.getByRole('button', { name: 'Unit received at repair center' }).click();
  await expect(support.getByText('At repair center').first()).toBeVisible();
  await support.getByRole('button', { name: 'Mark repaired' }).click();
  await expect(support.getByText('Resolved').first()).toBeVisible();

  await buyer.goto('/after-sales');
  await expect(buyer.getByRole('row', { name: new RegExp(caseNumber) })).toContainText('Resolved');
});
