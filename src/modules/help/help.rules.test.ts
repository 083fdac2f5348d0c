import { describe, expect, it } from 'vitest';
import { LARGE_ORDER_CENTS } from '../orders/order.rules.js';
import { leadTimes, transitDays } from '../shipping/index.js';
import { defaultHelp } from './content/index.js';
import { fillPlaceholders, helpNumbers, helpSlugs } from './help.rules.js';
import { renderMarkdown } from './markdown.js';
import { afterSalesPolicy } from './policy-numbers.js';

const numbers = helpNumbers(
  { paymentDeadlineHours: 72, autoCompleteDays: 15, whatsappNumber: '+852 9000 0000' },
  (c) => `US$${c / 100}`,
);

describe('help numbers', () => {
  it('come from the constants the code runs on', () => {
    expect(numbers.inStockMin).toBe(String(leadTimes.inStock.min));
    expect(numbers.trackingOverdueDays).toBe(String(leadTimes.trackingOverdueDays));
    expect(numbers.seaFreightMax).toBe(String(transitDays.sea_freight.max));
    expect(numbers.largeOrder).toBe(`US$${LARGE_ORDER_CENTS / 100}`);
    expect(numbers.afterSalesConfirmDays).toBe(String(afterSalesPolicy.generalConfirmDays));
    expect(numbers.paymentDeadlineHours).toBe('72');
  });

  it('fills every placeholder the default prose uses, in every language', () => {
    for (const [locale, pages] of Object.entries(defaultHelp)) {
      for (const slug of helpSlugs) {
        const filled = fillPlaceholders(pages[slug], numbers);
        expect(filled, `${locale}/${slug}`).not.toMatch(/\{\{/);
      }
    }
  });

  it('leaves unknown placeholders visible', () => {
    expect(fillPlaceholders('a {{nope}} b {{ inStockMin }}', numbers)).toBe(`a {{nope}} b ${leadTimes.inStock.min}`);
  });
});

describe('renderMarkdown', () => {
  it('renders Markdown but shows HTML as text and drops script links', () => {
    const html = renderMarkdown(
      '## Title\n\n**bold** <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))',
    );
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
  });
});
