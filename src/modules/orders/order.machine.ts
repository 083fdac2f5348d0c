/**
 * The order state machine (DESIGN §3): the one source of truth. Services enforce it,
 * pages derive their buttons from it, the API lists next actions from it, and the
 * README diagram is generated from it. Pure: no IO.
 */
import type { Role } from '../../platform/auth/roles.js';

export const orderStates = [
  'awaiting_quote',
  'awaiting_payment',
  'payment_review',
  'ready_to_ship',
  'shipped',
  'completed',
  'cancelled',
] as const;
export type OrderState = (typeof orderStates)[number];

export const terminalStates: readonly OrderState[] = ['completed', 'cancelled'];

/** Who fires an event. `system` is the scheduled sweep. Admin passes every staff role. */
export type ActorRole = Role | 'system';
export interface Actor {
  role: ActorRole;
  userId?: number;
}

/** What guards may look at: a snapshot the action loaded beforehand. */
export interface OrderSnapshot {
  status: OrderState;
  customerId: number;
  totalCents: number | null;
  paidCents: number;
  paymentDueAt: Date | null;
}

export type GuardResult = { ok: true } | { ok: false; code: GuardCode };
export type GuardCode =
  | 'NOT_PAID_IN_FULL'
  | 'PAID_IN_FULL'
  | 'DEADLINE_NOT_PASSED'
  | 'ADMIN_ONLY_WHEN_PAID'
  | 'NO_TOTAL';

interface Transition {
  from: readonly OrderState[];
  to: OrderState;
  roles: readonly ActorRole[];
  /** English label; pages translate `event.<name>`. */
  label: string;
  /** Shown to the customer on the timeline. */
  public: boolean;
  guard?: (order: OrderSnapshot, actor: Actor, now: Date) => GuardResult;
}

const ok: GuardResult = { ok: true };
const fail = (code: GuardCode): GuardResult => ({ ok: false, code });

export const transitions = {
  setFreight: {
    from: ['awaiting_quote'],
    to: 'awaiting_payment',
    roles: ['sales'],
    label: 'Set freight',
    public: true,
  },
  submitPaymentProof: {
    from: ['awaiting_payment', 'payment_review'],
    to: 'payment_review',
    roles: ['customer'],
    label: 'Upload payment proof',
    public: true,
  },
  approvePayment: {
    from: ['payment_review'],
    to: 'ready_to_ship',
    roles: ['finance'],
    label: 'Approve payment',
    public: true,
    guard: (o) => (o.totalCents !== null && o.paidCents >= o.totalCents ? ok : fail('NOT_PAID_IN_FULL')),
  },
  approvePartialPayment: {
    from: ['payment_review'],
    to: 'awaiting_payment',
    roles: ['finance'],
    label: 'Approve partial payment',
    public: true,
    guard: (o) => (o.totalCents !== null && o.paidCents < o.totalCents ? ok : fail('PAID_IN_FULL')),
  },
  rejectPayment: {
    from: ['payment_review'],
    to: 'awaiting_payment',
    roles: ['finance'],
    label: 'Reject payment',
    public: true,
  },
  markShipped: {
    from: ['ready_to_ship'],
    to: 'shipped',
    roles: ['warehouse'],
    label: 'Mark as shipped',
    public: true,
  },
  confirmDelivery: {
    from: ['shipped'],
    to: 'completed',
    roles: ['customer'],
    label: 'Confirm delivery',
    public: true,
  },
  autoComplete: {
    from: ['shipped'],
    to: 'completed',
    roles: ['system'],
    label: 'Completed automatically',
    public: true,
  },
  cancelByCustomer: {
    from: ['awaiting_quote', 'awaiting_payment', 'payment_review'],
    to: 'cancelled',
    roles: ['customer'],
    label: 'Cancel this order',
    public: true,
  },
  cancelOrder: {
    from: ['awaiting_quote', 'awaiting_payment', 'payment_review', 'ready_to_ship'],
    to: 'cancelled',
    roles: ['sales'],
    label: 'Cancel order',
    public: true,
    // Once paid, only an admin cancels (with a refund note).
    guard: (o, a) => (o.status !== 'ready_to_ship' || a.role === 'admin' ? ok : fail('ADMIN_ONLY_WHEN_PAID')),
  },
  expirePayment: {
    from: ['awaiting_payment'],
    to: 'cancelled',
    roles: ['system'],
    label: 'Payment deadline passed',
    public: true,
    guard: (o, _a, now) => (o.paymentDueAt && o.paymentDueAt <= now ? ok : fail('DEADLINE_NOT_PASSED')),
  },
} as const satisfies Record<string, Transition>;

export type OrderEvent = keyof typeof transitions;
export const orderEvents = Object.keys(transitions) as [OrderEvent, ...OrderEvent[]];

export type TransitionCheck =
  | { ok: true; to: OrderState }
  | { ok: false; reason: 'WRONG_STATE' | 'FORBIDDEN' | GuardCode };

function roleAllowed(t: Transition, order: OrderSnapshot, actor: Actor): boolean {
  if (actor.role === 'customer') return t.roles.includes('customer') && actor.userId === order.customerId;
  if (actor.role === 'system') return t.roles.includes('system');
  if (actor.role === 'admin') return t.roles.some((r) => r !== 'customer' && r !== 'system');
  return t.roles.includes(actor.role);
}

/** The single decision every action goes through. */
export function checkTransition(
  order: OrderSnapshot,
  event: OrderEvent,
  actor: Actor,
  now = new Date(),
): TransitionCheck {
  const t: Transition = transitions[event];
  if (!roleAllowed(t, order, actor)) return { ok: false, reason: 'FORBIDDEN' };
  if (!t.from.includes(order.status)) return { ok: false, reason: 'WRONG_STATE' };
  const guard = t.guard?.(order, actor, now) ?? ok;
  return guard.ok ? { ok: true, to: t.to } : { ok: false, reason: guard.code };
}

/** Events this actor may fire now: the buttons a page shows and the API's next actions. */
export function availableEvents(order: OrderSnapshot, actor: Actor, now = new Date()): OrderEvent[] {
  return orderEvents.filter((e) => checkTransition(order, e, actor, now).ok);
}

export const isTerminal = (s: OrderState) => terminalStates.includes(s);

/** Mermaid state diagram generated from the table (README and docs/order-states.md). */
export function mermaidDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> awaiting_quote'];
  for (const [event, t] of Object.entries(transitions) as [OrderEvent, Transition][]) {
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${event} (${t.roles.join(', ')})`);
  }
  for (const s of terminalStates) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}
