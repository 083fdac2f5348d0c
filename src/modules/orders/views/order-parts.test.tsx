import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../platform/http/page-context.js';
import { i18n, locales } from '../../../platform/i18n/index.js';
import { orderStates } from '../order.machine.js';
import { StateBadge, stateTone } from './order-parts.js';

const ctxIn = (locale: (typeof locales)[number]) => ({ i18n: i18n(locale), t: i18n(locale).t }) as PageContext;

describe('StateBadge, kept per language', () => {
  it.each(locales)('is the state in its colour and words (%s), the first time and after', (locale) => {
    const ctx = ctxIn(locale);
    for (const state of [...orderStates, ...orderStates])
      expect(StateBadge({ ctx, state })).toBe(
        `<span class="badge ${stateTone[state]}">${ctx.t(`state.${state}`)}</span>`,
      );
  });

  it('does not give one language the badge of another', () => {
    expect(StateBadge({ ctx: ctxIn('en'), state: 'shipped' })).toContain('Shipped');
    expect(StateBadge({ ctx: ctxIn('es'), state: 'shipped' })).toBe(
      `<span class="badge buyer">${i18n('es').t('state.shipped')}</span>`,
    );
    expect(i18n('es').t('state.shipped')).not.toBe(i18n('en').t('state.shipped'));
  });
});
