import { expect, test } from '@playwright/test';
import {
  enterTotp,
  expectNoSeriousViolations,
  mailedLink,
  newBuyerWithOrder,
  registerOnPage,
  setFreight,
  staffPage,
  unique,
} from './journey.js';

test('an admin invites a sales person, who accepts, enrols two-factor, logs in with it and sets a freight; disabled, their open page stops working', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const email = `sales-${unique()}@example.test`;
  const password = 'a long sales passphrase';
  const admin = await staffPage(browser, 'admin');
  await admin.goto('/admin/users');
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Full name').fill('Sara Seller');
  await admin.getByLabel('Role').selectOption('sales');
  await admin.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(admin.getByText('Invitation sent.')).toBeVisible();
  await expect(admin.getByText(`invited ${email} as Sales`)).toBeVisible();
  await expectNoSeriousViolations(admin);
  await admin.context().close();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(await mailedLink(browser, email, '/invite'));
  await expect(invitee.getByRole('heading', { name: 'Join the Hashcart team' })).toBeVisible();
  await invitee.getByLabel('Password').fill(password);
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.getByRole('heading', { name: 'Set up two-factor login' })).toBeVisible();
  await expect(invitee.getByRole('img', { name: 'QR code with your two-factor secret' })).toBeVisible();
  await expectNoSeriousViolations(invitee);
  const secret = (await invitee.locator('.secret-key').textContent())?.replaceAll(' ', '') ?? '';
  await enterTotp(invitee, secret, 'Turn on two-factor login');
  await expect(invitee.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  await expect(invitee.locator('.recovery-codes li')).toHaveCount(10);
  await invitee.getByRole('link', { name: 'I have saved them: continue' }).click();
  await expect(invitee).toHaveURL(/\/admin$/);
  await invitee.getByRole('button', { name: 'Log out' }).click();

  // Logging in again: the password, then a code from the app.
  await invitee.goto('/login');
  await invitee.getByLabel('Email').fill(email);
  await invitee.getByLabel('Password').fill(password);
  await invitee.getByRole('button', { name: 'Log in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Two-factor login' })).toBeVisible();
  await enterTotp(invitee, secret);
  await expect(invitee).toHaveURL(/\/admin$/);
  await expect(invitee.getByRole('button', { name: 'Log out' })).toBeVisible();

  const number = await newBuyerWithOrder(page);
  await setFreight(invitee, number, '80');

  // The admin disables the account: the page the sales person has open stops working at once.
  const again = await staffPage(browser, 'admin');
  await again.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await again.getByRole('link', { name: 'Sara Seller' }).click();
  await again.getByRole('button', { name: 'Disable the account' }).click();
  await expect(again.getByText('Account updated. The user was logged out everywhere.')).toBeVisible();
  await expect(again.getByText(`disabled ${email}`)).toBeVisible();
  await invitee.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Orders' }).click();
  await expect(invitee).toHaveURL(/\/login/);
  await expect(invitee.getByRole('button', { name: 'Log out' })).toHaveCount(0);
});

test('a buyer forgets the password, resets it from the e-mailed link and logs in', async ({ browser, page }) => {
  test.setTimeout(60_000);
  const email = `forgetful-${unique()}@example.test`;
  await page.goto('/register');
  await registerOnPage(page, { fullName: 'Fran Forgetful', email, password: 'the old passphrase' });
  await page.getByRole('button', { name: 'Log out' }).click();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();

  await page.goto(await mailedLink(browser, email, '/password/reset'));
  await page.getByLabel('New password').fill('the new passphrase');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password is changed' })).toBeVisible();

  await page.getByRole('link', { name: 'Log in' }).last().click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('the new passphrase');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.getByText('Fran Forgetful')).toBeVisible();
  await page.getByRole('link', { name: 'Fran Forgetful' }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expectNoSeriousViolations(page);
});
