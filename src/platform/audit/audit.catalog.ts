/**
 * Every action and subject the audit log records. The list page refuses a filter value that
 * is not here (400), so a typo is never a silently empty list.
 */
export const auditActions = [
  'order.transition',
  'order.freight',
  'payment.review',
  'refund.record',
  'product.create',
  'product.update',
  'product.image.add',
  'product.image.remove',
  'stock.adjust',
  'network-figure.save',
  'settings.update',
  'payment-method.propose',
  'payment-method.confirm',
  'payment-method.cancel',
  'user.invite',
  'user.role',
  'user.active',
  'user.reset-password',
  'user.reset-two-factor',
  'repair-center.approve',
  'repair-center.reject',
  'help-page.save',
  'help-page.reset',
  'customer.note',
  'customer.tag',
  'customer.untag',
  'case.transition',
  'api-token.create',
  'api-token.revoke',
  'webhook.create',
  'webhook.enable',
  'webhook.disable',
  'webhook.redeliver',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditSubjects = [
  'order',
  'payment-proof',
  'refund',
  'product',
  'network-figure',
  'settings',
  'payment-method',
  'payment-method-change',
  'user',
  'repair-center',
  'help-page',
  'customer',
  'case',
  'api-token',
  'webhook-endpoint',
] as const;
export type AuditSubject = (typeof auditSubjects)[number];
