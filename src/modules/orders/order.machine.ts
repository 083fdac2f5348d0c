/**
 * The order state machine (DESIGN §3): the one source of truth. Services enforce it,
 * pages derive their buttons from it, the API lists next actions from it, and the
 * README diagram is generated from it. Pure: no IO.
 */
import type { Role } from '../../platform/auth/roles.js';
import {
  defineMachine,
  type TransitionCheck as EngineCheck,
  type GuardResult as EngineGuardResult,
  type TransitionDef,
} from '../../platform/machine.js';

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
  /** Acting through an integration (an API token's name), recorded beside the event. */
  via?: string;
}

/** What guards may look at: a snapshot the action loaded beforehand. */
export interface OrderSnapshot {
  status: OrderState;
  customerId: number;
  totalCents: number | null;
  paidCents: number;
  paymentDueAt: Date | null;
}

export type GuardCode =
  | 'NOT_PAID_IN_FULL'
  | 'PAID_IN_FULL'
  | 'DEADLINE_NOT_PASSED'
  | 'ADMIN_ONLY_WHEN_PAID'
  | 'NO_TOTAL';
export type GuardResult = EngineGuardResult<GuardCode>;

/** Pages translate `event.<name>`; `public` puts it on the customer's timeline. */
type Transition = TransitionDef<OrderState, ActorRole, OrderSnapshot, GuardCode> & { public: boolean };

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

/**
 * The engine over the table. Creation is a transition too, so the timeline reads its
 * label from here; the predicates name the state sets pages and queries ask about.
 */
export const orderMachine = defineMachine<OrderState, ActorRole, OrderSnapshot, GuardCode>()({
  states: orderStates,
  terminal: terminalStates,
  creation: { event: 'submitOrder', to: 'awaiting_quote', roles: ['customer'], label: 'Order submitted' },
  transitions,
  predicates: {
    /** Not finished: shipping windows still apply. */
    open: orderStates.filter((s) => !terminalStates.includes(s)),
    /** The total is known and the order is alive: a proforma invoice can be issued. */
    quoted: ['awaiting_payment', 'payment_review', 'ready_to_ship', 'shipped', 'completed'],
    /** Finance approved the whole total (packing happens from here on). */
    paid: ['ready_to_ship', 'shipped', 'completed'],
    /** The goods have left the warehouse. */
    shippedOrLater: ['shipped', 'completed'],
    /** The steps of the progress bar: every state but cancellation, in order. */
    onTrack: orderStates.filter((s) => s !== 'cancelled'),
  },
  roles: { owner: 'customer', super: 'admin', machineOnly: ['system'] },
});

export type OrderEvent = keyof typeof transitions;
export const orderEvents = orderMachine.events;

export type TransitionCheck = EngineCheck<OrderState, GuardCode>;

/** The single decision every action goes through. */
export const checkTransition = orderMachine.check;

/** Events this actor may fire now: the buttons a page shows and the API's next actions. */
export const availableEvents = orderMachine.available;

export const isTerminal = orderMachine.isTerminal;

/** The staff roles a route demands for an event, read from the table (admin passes, as everywhere). */
export const staffRolesFor = (event: OrderEvent): Role[] =>
  orderMachine.rolesFor(event).filter((r): r is Role => r !== 'system' && r !== 'customer');

/** Mermaid state diagram generated from the table (README and docs/order-states.md). */
export const mermaidDiagram = orderMachine.diagram;
