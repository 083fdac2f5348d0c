import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';

/**
 * `count` orders in one statement (generate_series), numbered HC-2025-<n>: order n is in
 * state n % 7, ships by method n % 4 to country n % 5, pays by `methods[n % 2]`. Every three
 * orders share one created_at (to the microsecond), so paging must break ties on the id.
 */
export async function insertBulkOrders(db: Db, customerId: number, methods: [number, number], count: number) {
  await db.execute(sql`
    insert into orders (number, customer_id, status, shipping_method, payment_method_id, full_name, phone, email,
      country, city, address, postal_code, goods_cents, freight_cents, total_cents, created_at, updated_at)
    select 'HC-2025-' || lpad(g::text, 6, '0'), ${customerId},
      (array['awaiting_quote', 'awaiting_payment', 'payment_review', 'ready_to_ship', 'shipped', 'completed', 'cancelled'])[1 + g % 7],
      (array['air_express', 'air_freight', 'sea_freight', 'land_freight'])[1 + g % 4],
      case when g % 2 = 0 then ${methods[0]}::int else ${methods[1]}::int end,
      'Bulk Buyer ' || g, '+34 600 000 000', 'bulk' || g || '@example.test',
      (array['ES', 'US', 'DE', 'BR', 'KZ'])[1 + g % 5], 'Madrid', 'Calle Mayor 1', '28013',
      100000 + g, case when g % 7 = 0 then null else 5000 end, case when g % 7 = 0 then null else 105000 + g end,
      timestamptz '2025-06-01 12:00:00.123456+00' - (g / 3) * interval '37 seconds',
      timestamptz '2025-06-01 12:00:00.123456+00' - (g / 3) * interval '37 seconds'
    from generate_series(1, ${count}) g`);
}

/** The order numbers a back-office page links to, in page order. */
export const orderNumbersIn = (html: string) =>
  [...html.matchAll(/href="\/admin\/orders\/(HC-\d{4}-\d{6})"/g)].map((m) => m[1]!);

/** The href of the page's link with `rel`, unescaped. */
export const relLink = (html: string, rel: 'next' | 'prev') =>
  [...html.matchAll(/<a href="([^"]+)" rel="(next|prev)"/g)].find((m) => m[2] === rel)?.[1]?.replaceAll('&amp;', '&');
