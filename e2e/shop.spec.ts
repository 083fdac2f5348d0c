import { expect, test } from '@playwright/test';
import { registerOnPage } from './journey.js';

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

test('register, log out, log in, browse, filter, open a product, add to cart, see it in the cart', async ({ page }) => {
  const email = `buyer-${unique()}@example.test`;
  const password = 'a long passphrase 2026';

  await page.goto('/');
  await page.getByRole('link', { name: 'Register' }).click();
  await registerOnPage(page, { fullName: 'Rosa Buyer', email, password });

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Rosa Buyer')).toBeVisible();

  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'ASIC miners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASIC miners' })).toBeVisible();
  await page.getByLabel('Brand').selectOption('Canaan');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/brand=Canaan/);
  const results = page.locator('.product-grid');
  await expect(results.getByText('Canaan Avalon Nano 3S 6 TH/s')).toBeVisible();
  await expect(results.getByText('Bitmain Antminer S21 Pro 234 TH/s')).toHaveCount(0);

  await results.getByRole('link', { name: /Canaan Avalon Nano 3S/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Canaan Avalon Nano 3S 6 TH/s' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Specifications' })).toBeVisible();
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();

  await expect(page.getByRole('heading', { name: 'My cart list' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Canaan Avalon Nano 3S 6 TH/s' })).toBeVisible();
  await expect(page.getByLabel('Quantity of Canaan Avalon Nano 3S 6 TH/s')).toHaveValue('2');
});

test('a visitor who adds to cart logs in and finds the item in the cart', async ({ page }) => {
  const email = `visitor-${unique()}@example.test`;
  const password = 'another long passphrase';
  // Register in a separate step, then log out, as a returning buyer would be.
  await page.goto('/register');
  await registerOnPage(page, { fullName: 'Vic Visitor', email, password });
  await page.getByRole('button', { name: 'Log out' }).click();

  await page.goto('/products/bitaxe-gamma-601-1-2th');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'My cart list' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bitaxe Gamma 601 1.2 TH/s' })).toBeVisible();
});

test('a bad quantity is explained beside the field', async ({ page }) => {
  await page.goto('/register');
  await registerOnPage(page, {
    fullName: 'Quinn Quantity',
    email: `q-${unique()}@example.test`,
    password: 'quantity checker 99',
  });
  await page.goto('/products/iceriver-al3-15th');
  await page.getByLabel('Quantity').fill('0');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Enter a whole number of at least 1')).toBeVisible();
  await expect(page.getByLabel('Quantity')).toHaveAttribute('aria-invalid', 'true');
});

test('the shop speaks Spanish when asked', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('link', { name: 'Iniciar sesión' })).toBeVisible();
});
