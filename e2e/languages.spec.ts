import { expect, test } from '@playwright/test';

test('switch language on a product page and land on the same product under /es/, and back', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/products/canaan-avalon-nano-3s-6th');
  await expect(page.getByRole('heading', { level: 1, name: 'Canaan Avalon Nano 3S 6 TH/s' })).toBeVisible();

  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page).toHaveURL(/\/es\/products\/canaan-avalon-nano-3s-6th$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('table', { name: 'Especificaciones' })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/es\/products\/canaan-avalon-nano-3s-6th$/,
  );
  // Links on a Spanish page stay in Spanish.
  await page.getByRole('link', { name: 'Inicio' }).first().click();
  await expect(page).toHaveURL(/\/es\/$/);

  await page.goto('/es/products/canaan-avalon-nano-3s-6th');
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('button', { name: 'Cambiar' }).click();
  await expect(page).toHaveURL(/\/products\/canaan-avalon-nano-3s-6th$/);
  await expect(page).not.toHaveURL(/\/es\//);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The JSON-LD blocks are data: the CSP (script-src 'self') reports nothing about them.
  expect(errors).toEqual([]);
});
