import { describe, expect, it } from 'vitest';
import { staffPageContext } from '../../../../test/page-context.js';
import { AllOrdersPage } from './all-orders-page.js';
import { QueuePage } from './queue-page.js';

const ctx = staffPageContext();

describe('staff queue table', () => {
  it('escapes what orders store, the country included (an unknown code is printed as stored)', () => {
    const html = String(
      QueuePage({
        ctx,
        queue: 'awaiting_quote',
        counts: { awaiting_quote: 1, payment_review: 0, ready_to_ship: 0, shipped: 0, overdue: 0 },
        rows: [
          {
            id: 1,
            number: 'HC-2026-000001',
            status: 'awaiting_quote',
            fullName: 'Ana <i>',
            country: '<b>',
            goodsCents: 100,
            updatedAt: new Date('2026-12-01T10:00:00Z'),
          },
        ],
      }),
    );
    expect(html).toContain('Ana &lt;i>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b>');
  });

  it('escapes the same in the all-orders list, the customer link too', () => {
    const html = String(
      AllOrdersPage({
        ctx,
        counts: { awaiting_quote: 1, payment_review: 0, ready_to_ship: 0, shipped: 0, overdue: 0 },
        methods: [],
        values: {},
        customerHref: (id) => `/admin/customers/${id}?from="x"`,
        page: {
          rows: [
            {
              id: 1,
              number: 'HC-2026-000001',
              status: 'awaiting_quote',
              customerId: 7,
              fullName: 'Ana <i>',
              country: '<b>',
              shippingMethod: 'air',
              goodsCents: 100,
              totalCents: null,
              createdAt: new Date('2026-12-01T10:00:00Z'),
              cursor: '2026-12-01T10:00:00.000Z',
            },
          ],
          next: undefined,
          previous: undefined,
        } as never,
      }),
    );
    expect(html).toContain('<a href="/admin/customers/7?from=&#34;x&#34;">Ana &lt;i></a>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b>');
  });
});
