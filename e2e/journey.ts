/** Steps shared by the browser journeys: each acts as a real user would, through the pages. */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import sharp from 'sharp';
import { DEMO_TOTP_SECRET } from '../src/demo/demo-accounts.js';

const PASSWORD = 'hashcart-demo-2026';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf000001010100187dd3d50000000049454e44ae426082',
  'hex',
);
export const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Types the code of `secret` on the two-factor page and submits it. The shop takes each
 * 30-second code once (and the next one early), so when another login of the same account
 * spent it, this tries the next code, then waits for a fresh one.
 */
export async function enterTotp(page: Page, secret: string, button = 'Verify') {
  const totp = new TOTP({ secret, digits: 6, period: 30 });
  for (let attempt = 0; attempt < 4; attempt++) {
    const at = attempt === 1 ? Date.now() + 30_000 : Date.now();
    await page.getByLabel('Code', { exact: true }).fill(totp.generate({ timestamp: at }));
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState('load');
    if (!(await page.getByText('This code is not right').isVisible())) return;
    if (attempt >= 1) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
  throw new Error('no two-factor code was accepted');
}

/** Sessions of the demo staff in this worker: a login per role, not per test (codes are one per 30 s). */
const staffSessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

export async function staffPage(browser: Browser, role: string): Promise<Page> {
  const saved = staffSessions.get(role);
  if (saved) {
    const page = await (await browser.newContext({ storageState: saved })).newPage();
    await page.goto('/admin');
    if (!page.url().includes('/login')) {
      await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
      return page;
    }
    await page.context().close();
  }
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(`${role}@demo.hashcart.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-factor login' })).toBeVisible();
  await enterTotp(page, DEMO_TOTP_SECRET);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.waitForLoadState('load');
  staffSessions.set(role, await page.context().storageState());
  return page;
}

/** The newest link to `path` mailed to `email`, read from the shop's outbox as the demo admin. */
export async function mailedLink(browser: Browser, email: string, path: string): Promise<string> {
  const admin = await staffPage(browser, 'admin');
  await admin.goto('/admin/outbox');
  const body = await admin
    .locator('article.mail', { hasText: email.toLowerCase() })
    .first()
    .locator('pre')
    .textContent();
  await admin.context().close();
  const link = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=[\\w-]+`).exec(body ?? '')?.[0];
  if (!link) throw new Error(`no ${path} link mailed to ${email}`);
  return link;
}

/**
 * Fills in the registration form the page is on and finishes as a buyer does: the shop answers
 * "check your inbox" (the same for every address), and the link in the mail, read here from the
 * shop's outbox as the demo admin, opens the page whose button creates the account and logs in.
 */
export async function registerOnPage(page: Page, who: { fullName: string; email: string; password: string }) {
  await page.getByLabel('Full name').fill(who.fullName);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to open the outbox in');
  await page.goto(await mailedLink(browser, who.email, '/register/confirm'));
  await page.getByRole('button', { name: 'Finish registration' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

export async function newBuyerWithOrder(page: Page, slug = 'canaan-avalon-nano-3s-6th') {
  await page.goto('/register');
  await registerOnPage(page, {
    fullName: 'Jordan Buyer',
    email: `journey-${unique()}@example.test`,
    password: 'journey passphrase 1',
  });
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

export async function setFreight(sales: Page, number: string, freight: string) {
  await sales.goto(`/admin/orders/${number}`);
  await sales.getByLabel('Freight (USD)').fill(freight);
  await sales.getByRole('button', { name: 'Set freight' }).click();
  await expect(sales.getByText('Awaiting payment').first()).toBeVisible();
}

/** A real, decodable photo (the shop re-encodes packing photos for the buyer). */
export const packedPhoto = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 150, g: 120, b: 80 } } })
    .jpeg()
    .toBuffer();

/** Warehouse records a sealed parcel, a photo, and each miner's serial with its burn-in (the ship button waits for this). */
export async function recordPackingEvidence(warehouse: Page, units: number): Promise<string[]> {
  const serials: string[] = [];
  await warehouse.getByLabel('Seal numbers').fill(`SEAL-${unique()}`);
  await warehouse.getByRole('button', { name: 'Add parcel' }).click();
  await warehouse
    .getByLabel('Photos and videos')
    .setInputFiles({ name: 'packed.jpg', mimeType: 'image/jpeg', buffer: await packedPhoto() });
  await warehouse.getByRole('button', { name: 'Upload' }).click();
  await expect(warehouse.getByRole('img', { name: 'Photo 1 of parcel 1' })).toBeVisible();
  for (let i = 1; i <= units; i++) {
    serials.push(`E2E-${unique()}-${i}`);
    await warehouse.getByLabel('Serial number', { exact: true }).fill(serials.at(-1)!);
    await warehouse.getByLabel('Average hashrate').fill('6.1');
    await warehouse.getByLabel('Hashrate unit').selectOption('TH/s');
    await warehouse.getByLabel('Hours tested').fill('4');
    await warehouse.getByLabel('Result').selectOption('pass');
    await warehouse.getByRole('button', { name: 'Record unit' }).click();
    await expect(warehouse.getByText(`${i} of ${units} recorded`)).toBeVisible();
  }
  await expect(warehouse.getByText('Packing evidence is complete')).toBeVisible();
  return serials;
}

export async function uploadProof(buyer: Page, amount: string, reference: string) {
  await buyer
    .getByLabel('Payment proof')
    .setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.from(reference)]) });
  await buyer.getByLabel('Amount paid').fill(amount);
  await buyer.getByLabel('Transaction reference').fill(reference);
  await buyer.getByLabel('Payment date').fill(new Date().toISOString().slice(0, 10));
  await buyer.getByRole('button', { name: 'Upload payment proof' }).click();
  await expect(buyer.getByText('Payment under review').first()).toBeVisible();
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A demo customer's own browser (customers have no second factor). */
export async function customerPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  return page;
}
