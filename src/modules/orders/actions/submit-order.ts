import { and, eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { users } from '../../accounts/index.js';
import { cartItems, cartLines } from '../../cart/index.js';
import { products } from '../../catalog/index.js';
import { findPaymentMethod } from '../../payments/payment-method.repo.js';
import { destinationCheck, getSettings } from '../../settings/index.js';
import type { SubmitOrderInput } from '../order.inputs.js';
import { goodsTotalCents, paymentMethodAllowed, shippingMethodsFor } from '../order.rules.js';
import { orderEvents, orderLines, orders, orderSubmissions, savedAddresses } from '../order.tables.js';

/**
 * Turns "My cart list" into an order in `awaiting_quote`, in one transaction:
 * claims the form token (a second submit of the same form returns the first order),
 * snapshots the lines, reserves stock with conditional updates (backorderable lines
 * without stock are flagged instead), empties the cart, saves the address.
 */
export async function submitOrder(db: Db, user: CurrentUser, input: SubmitOrderInput) {
  const settings = await getSettings(db);
  const result = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(orderSubmissions)
      .values({ token: input.token, userId: user.id })
      .onConflictDoNothing()
      .returning();
    if (!claimed) {
      const [prior] = await tx
        .select({ number: orders.number })
        .from(orderSubmissions)
        .innerJoin(orders, eq(orders.id, orderSubmissions.orderId))
        .where(and(eq(orderSubmissions.token, input.token), eq(orderSubmissions.userId, user.id)));
      if (!prior) throw new AppError('CONFLICT');
      return { number: prior.number, created: false };
    }

    const lines = await cartLines(tx, user.id);
    if (!lines.length) throw new AppError('VALIDATION', { fields: { _form: 'order.cartEmpty' } });
    const goods = goodsTotalCents(lines);

    const fields: Record<string, 'order.methodNotAllowed' | 'order.paymentNotAllowed' | 'order.destinationNotShipped' | 'order.destinationBlocked' | 'order.cryptoAckRequired'> = {};
    if (!shippingMethodsFor(goods).includes(input.shippingMethod)) fields.shippingMethod = 'order.methodNotAllowed';
    const method = await findPaymentMethod(tx, input.paymentMethodId);
    if (!method || !paymentMethodAllowed(method, goods)) fields.paymentMethodId = 'order.paymentNotAllowed';
    const destination = destinationCheck(settings, input.country);
    if (destination === 'not_shipped') fields.country = 'order.destinationNotShipped';
    if (destination === 'restricted_block') fields.country = 'order.destinationBlocked';
    if (destination === 'restricted_warn' && !input.cryptoAcknowledged) fields.cryptoAcknowledged = 'order.cryptoAckRequired';
    if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields });

    const [order] = await tx
      .insert(orders)
      .values({
        number: sql`'HC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('order_number_seq')::text, 6, '0')`,
        customerId: user.id,
        shippingMethod: input.shippingMethod,
        paymentMethodId: input.paymentMethodId,
        fullName: input.fullName,
        phone: input.phone,
        email: user.email,
        country: input.country,
        city: input.city,
        address: input.address,
        postalCode: input.postalCode,
        cryptoAcknowledged: input.cryptoAcknowledged,
        goodsCents: goods,
      })
      .returning();
    if (!order) throw new Error('order insert returned nothing');

    const snapshot = [];
    for (const l of lines) {
      // Reserve: one conditional statement per line, so concurrent orders never oversell.
      const reserved = await tx
        .update(products)
        .set({ stock: sql`${products.stock} - ${l.quantity}` })
        .where(and(eq(products.id, l.productId), sql`${products.stock} >= ${l.quantity}`))
        .returning({ id: products.id });
      if (!reserved.length && !l.backorderAllowed) {
        throw new AppError('VALIDATION', { fields: { _form: 'order.outOfStock' }, detail: l.sku });
      }
      snapshot.push({
        orderId: order.id,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        hsCode: l.hsCode,
        listPriceCents: l.unitPriceCents,
        unitPriceCents: l.unitPriceCents,
        quantity: l.quantity,
        weightGrams: l.weightGrams,
        needsTesting: l.needsTesting,
        backordered: reserved.length === 0,
      });
    }
    await tx.insert(orderLines).values(snapshot);
    await tx.insert(orderEvents).values({
      orderId: order.id,
      event: 'submitOrder',
      fromStatus: null,
      toStatus: 'awaiting_quote',
      actorId: user.id,
      actorRole: user.role,
    });
    await tx.update(orderSubmissions).set({ orderId: order.id }).where(eq(orderSubmissions.token, input.token));
    await tx.delete(cartItems).where(eq(cartItems.userId, user.id));
    const address = {
      fullName: input.fullName,
      phone: input.phone,
      country: input.country,
      city: input.city,
      address: input.address,
      postalCode: input.postalCode,
    };
    await tx.insert(savedAddresses).values({ userId: user.id, ...address }).onConflictDoUpdate({ target: savedAddresses.userId, set: address });
    const sales = await tx.select({ email: users.email }).from(users).where(and(eq(users.role, 'sales'), eq(users.active, true)));
    await enqueueMail(
      tx,
      ...sales.map((s) => ({
        to: s.email,
        subject: `New order ${order.number}: freight to quote`,
        body: `Order ${order.number} from ${input.fullName} (${input.country}) is waiting for a freight quote.`,
      })),
    );
    return { number: order.number, created: true };
  });
  return result;
}
