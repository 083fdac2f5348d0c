import type { OrderPages } from '../../modules/orders/index.js';
import { requireStaff, requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { pageContext } from '../../platform/http/page-context.js';
import { renderCartPage } from '../cart/cart-page.js';
import { OrderPage } from './customer-order-page.js';
import { loadCustomerOrderPage, loadOrderPage } from './order-page.data.js';
import { StaffOrderPage } from './staff-order-page.js';

/** The order pages and the cart with checkout, as the orders, payments and packing routes render them. */
export function orderPages(db: Db): OrderPages {
  return {
    async customerOrder(req, reply, number) {
      const d = await loadCustomerOrderPage(db, number, requireUser(req.user));
      return reply.type('text/html; charset=utf-8').send(<OrderPage ctx={pageContext(req)} d={d} />);
    },
    async customer(req, reply, order, refused) {
      const d = await loadOrderPage(db, order, requireUser(req.user));
      return reply
        .code(refused?.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(<OrderPage ctx={pageContext(req)} d={d} forms={refused?.forms} />);
    },
    async staff(req, reply, order, refused) {
      const d = await loadOrderPage(db, order, requireStaff(req.user));
      return reply
        .code(refused?.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(<StaffOrderPage ctx={pageContext(req)} d={d} forms={refused?.forms} />);
    },
    cart: (req, reply, shown) => renderCartPage(db, req, reply, shown),
  };
}
