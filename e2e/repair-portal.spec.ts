import { expect, test } from '@playwright/test';
import { customerPage, staffPage } from './journey.js';

// Three browsers (support, the center's owner, the buyer) on a loaded 2-core machine.
test.describe.configure({ timeout: 150_000 });

test("support routes a case to a center; the center's owner marks it received, diagnosed and repaired; the buyer sees each step", async ({
  browser,
}) => {
  // The demo's fresh defective-miner claim: the oldest submitted one due first in the queue.
  const support = await staffPage(browser, 'support');
  await support.goto('/admin/after-sales?queue=submitted');
  await support
    .getByRole('row', { name: /Defective product/ })
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(support.getByRole('heading', { name: /Case AS-/ })).toBeVisible();
  const caseNumber = support.url().split('/').pop()!;
  const contact = await support
    .getByText(/@demo\.hashcart\.test/)
    .first()
    .textContent();
  const buyerEmail = /[\w.+-]+@demo\.hashcart\.test/.exec(contact ?? '')?.[0];
  expect(buyerEmail, contact ?? '').toBeDefined();

  const buyer = await customerPage(browser, buyerEmail!);
  await buyer.goto(`/after-sales/${caseNumber}`);
  await expect(buyer.getByText('Submitted').first()).toBeVisible();

  // Routed to the suggested approved center (every demo center belongs to repairs@).
  await support.getByRole('button', { name: 'Decide: repair' }).click();
  await expect(support.getByText('Awaiting unit').first()).toBeVisible();
  await expect(buyer.getByText('Send the unit to this repair center')).toBeVisible(); // live, no reload

  const owner = await customerPage(browser, 'repairs@demo.hashcart.test');
  await owner.goto('/repair-centers');
  await owner.getByRole('link', { name: 'Repair cases routed to your centers' }).click();
  await expect(owner.getByRole('heading', { name: 'Repair cases' })).toBeVisible();
  await owner.getByRole('link', { name: caseNumber }).click();
  await expect(owner.getByRole('heading', { name: 'Ship the unit back to' })).toBeVisible();
  await expect(owner.getByText(buyerEmail!)).toHaveCount(0);

  await owner.getByRole('button', { name: 'Unit received at repair center' }).click();
  await expect(owner.getByText('At repair center').first()).toBeVisible();
  await expect(owner.getByText('Diagnosis due')).toBeVisible();
  await expect(buyer.getByText('At repair center').first()).toBeVisible();
  await expect(buyer.locator('#case-timeline')).toContainText('Unit received at repair center');

  await owner.getByLabel('Findings').fill('Hash board 2: three dead chips, replacing them.');
  await owner.getByRole('button', { name: 'Diagnosis' }).click();
  await expect(owner.locator('#case-timeline')).toContainText('three dead chips');
  await expect(buyer.locator('#case-timeline')).toContainText('three dead chips');

  await owner.getByRole('button', { name: 'Mark repaired' }).click();
  await expect(owner.getByText('Resolved').first()).toBeVisible();
  await expect(buyer.getByText('Resolved').first()).toBeVisible();
  await expect(buyer.locator('#case-timeline')).toContainText('Mark repaired');
  await support.reload();
  await expect(support.getByText('Resolved').first()).toBeVisible();
});
