// The drizzle-kit entry: every module's tables, so one migration history covers the app.
export * from '../../modules/accounts/account.tables.js';
export * from '../../modules/after-sales/case.tables.js';
export * from '../../modules/api/api.tables.js';
export * from '../../modules/cart/cart.tables.js';
export * from '../../modules/catalog/catalog.tables.js';
export * from '../../modules/customers/customer.tables.js';
export * from '../../modules/help/help.tables.js';
export * from '../../modules/invoices/proforma.tables.js';
export * from '../../modules/orders/order.tables.js';
export * from '../../modules/packing/packing.tables.js';
export * from '../../modules/payment-methods/payment-method.tables.js';
export * from '../../modules/payments/payment.tables.js';
export * from '../../modules/refunds/refund.tables.js';
export * from '../../modules/repair-centers/repair-center.tables.js';
export * from '../../modules/settings/settings.tables.js';
export * from '../mail/mail.tables.js';
