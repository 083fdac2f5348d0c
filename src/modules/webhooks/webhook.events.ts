/**
 * The events an endpoint can subscribe to, and what each carries in `data`. Thin on purpose:
 * numbers, states and amounts (integer cents), no personal data; an integration reads the
 * rest through the API with its token. Pure: no IO.
 */
export const webhookEventTypes = [
  'order.created',
  'order.state_changed',
  'payment_proof.submitted',
  'payment.approved',
  'order.shipped',
  'case.opened',
  'case.state_changed',
  'refund.recorded',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface WebhookEventData {
  'order.created': { number: string; status: string; goodsCents: number };
  'order.state_changed': {
    number: string;
    event: string;
    from: string;
    to: string;
    totalCents: number | null;
    paidCents: number;
  };
  'payment_proof.submitted': { number: string; proofId: number; amountCents: number; duplicateOfOrder: string | null };
  'payment.approved': { number: string; proofId: number; amountCents: number; paidCents: number; paidInFull: boolean };
  'order.shipped': { number: string; carrier: string; trackingNumbers: string[] };
  'case.opened': { number: string; order: string; type: string; status: string };
  'case.state_changed': { number: string; event: string; from: string; to: string };
  'refund.recorded': { number: string; amountCents: number; refundedCents: number; creditNote: string };
}

/** One event as an action declares it. */
export type WebhookEvent = { [K in WebhookEventType]: { type: K; data: WebhookEventData[K] } }[WebhookEventType];
