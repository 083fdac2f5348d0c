import { describe, expect, it } from 'vitest';
import { staffPageContext } from '../../../test/page-context.js';
import type { Role } from '../auth/roles.js';
import type { Locale } from '../i18n/index.js';
import { AdminShell } from './admin-shell.js';

const page = (locale: Locale, role: Role) => {
  const ctx = staffPageContext(locale, role, 'Staff <b>');
  return String(AdminShell({ ctx, title: 'T', children: '' }));
};
const dialog = (html: string) => /<dialog[\s\S]*<\/dialog>/.exec(html)?.[0] ?? '';
const goKeys = (html: string) => [...dialog(html).matchAll(/<kbd>g<\/kbd> <kbd>(\w)<\/kbd>/g)].map((m) => m[1]);

describe('the shortcuts dialog, kept per language and role', () => {
  it("lists the role's own sections, whichever role was shown before", () => {
    const admin = page('en', 'admin');
    const sales = page('en', 'sales');
    expect(goKeys(sales)).toEqual(['d', 'o', 'n']);
    expect(goKeys(admin)).toContain('p');
    expect(goKeys(page('en', 'sales'))).toEqual(['d', 'o', 'n']);
    expect(dialog(page('en', 'admin'))).toBe(dialog(admin));
  });

  it('is in the page language', () => {
    expect(dialog(page('en', 'finance'))).toContain('Keyboard shortcuts');
    expect(dialog(page('es', 'finance'))).toContain('Atajos de teclado');
    expect(dialog(page('es', 'finance'))).not.toContain('Keyboard shortcuts');
  });

  it('leaves the rest of the page to the request (the staff name stays escaped)', () => {
    expect(page('en', 'sales')).toContain('Staff &lt;b>');
  });
});
