import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, newBuyerWithOrder, setFreight, staffPage, unique, uploadProof } from './journey.js';

test.describe.configure({ timeout: 120_000 });

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf000001010100187dd3d50000000049454e44ae426082',
  'hex',
);

test('an admin cancels a paid order, finance records the refund, the buyer sees it', async ({
  page: buyer,
  browser,
}) => {
  const number = await newBuyerWithOrder(buyer);
  const sales = await staffPage(browser, 'sales');
  await setFreight(sales, number, '120');
  await buyer.reload();
  await uploadProof(buyer, '698.00', `SWIFT-${unique()}`);
  const finance = await staffPage(browser, 'finance');
  await finance.goto(`/admin/orders/${number}`);
  await finance.getByRole('button', { name: 'Approve payment' }).click();
  await expect(finance.getByText('Ready to ship').first()).toBeVisible();

  const admin = await staffPage(browser, 'admin');
  await admin.goto(`/admin/orders/${number}`);
  await admin.getByLabel('Reason').fill('The factory cannot deliver this batch');
  await admin.getByRole('button', { name: 'Cancel order' }).click();
  await expect(admin.getByText('Refund due').first()).toBeVisible();

  await finance.goto('/admin');
  // The dashboard's tile (the back-office menu names the queue too).
  await finance
    .locator('ul.attention')
    .getByRole('link', { name: /Refunds due/ })
    .click();
  await expect(finance.getByRole('heading', { name: /Refunds due/ })).toBeVisible();
  await expectNoSeriousViolations(finance);
  await finance.getByRole('link', { name: number }).click();
  await expectNoSeriousViolations(finance);
  const reference = `RF-${unique()}`;
  await finance.getByLabel('Amount refunded (USD)').fill('698.00');
  await finance.getByLabel('Transfer reference').fill(reference);
  await finance.getByLabel('Date of the refund').fill(new Date().toISOString().slice(0, 10));
  await finance.getByLabel('Sent to account or wallet').fill('DE89 3704 0044 0532 0130 00');
  await finance
    .getByLabel('Proof of the transfer (photo or PDF)')
    .setInputFiles({ name: 'refund.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.from(reference)]) });
  await finance.getByRole('button', { name: 'Record refund' }).click();
  await expect(finance.getByText('Refunded', { exact: true }).first()).toBeVisible();

  await buyer.setViewportSize({ width: 375, height: 800 });
  await buyer.goto(`/orders/${number}`);
  const refund = buyer.getByRole('region', { name: 'Refund' });
  await expect(refund).toContainText('Refunded');
  await expect(refund).toContainText(reference);
  await expect(refund.getByRole('link', { name: /Credit note CN-\d{4}-\d{6}/ })).toBeVisible();
  // Nothing of the refund section runs off a phone's screen.
  const box = await refund.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(375);
  await expectNoSeriousViolations(buyer);
});
