import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/auth/roles.js';
import {
  type Actor,
  availableEvents,
  checkTransition,
  isTerminal,
  mermaidDiagram,
  type OrderSnapshot,
  orderEvents,
  orderStates,
  transitions,
} from './order.machine.js';

const OWNER = 7;
const snapshot = (over: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  status: 'awaiting_quote',
  customerId: OWNER,
  totalCents: 100_000,
  paidCents: 0,
  paymentDueAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});
const actors: Actor[] = [
  ...roles.map((role) => ({ role, userId: role === 'customer' ? OWNER : 99 })),
  { role: 'customer', userId: 1234 }, // somebody else's order
  { role: 'system' },
];
const now = new Date('2026-06-01T00:00:00Z');

describe('order state machine', () => {
  it('lets each role fire only its own events', () => {
    const o = snapshot({ status: 'payment_review', paidCents: 100_000 });
    expect(checkTransition(o, 'approvePayment', { role: 'finance', userId: 1 }, now)).toEqual({
      ok: true,
      to: 'ready_to_ship',
    });
    expect(checkTransition(o, 'approvePayment', { role: 'sales', userId: 1 }, now)).toEqual({
      ok: false,
      reason: 'FORBIDDEN',
    });
    expect(checkTransition(o, 'approvePayment', { role: 'admin', userId: 1 }, now).ok).toBe(true);
    expect(checkTransition(o, 'approvePayment', { role: 'customer', userId: OWNER }, now).ok).toBe(false);
  });

  it('lets a customer act only on their own order', () => {
    const o = snapshot({ status: 'shipped' });
    expect(checkTransition(o, 'confirmDelivery', { role: 'customer', userId: OWNER }, now).ok).toBe(true);
    expect(checkTransition(o, 'confirmDelivery', { role: 'customer', userId: 8 }, now)).toEqual({
      ok: false,
      reason: 'FORBIDDEN',
    });
    expect(checkTransition(o, 'confirmDelivery', { role: 'admin', userId: 1 }, now).ok).toBe(false);
  });

  it('moves on only when approved payments cover the total', () => {
    const partly = snapshot({ status: 'payment_review', paidCents: 40_000 });
    const finance: Actor = { role: 'finance', userId: 1 };
    expect(checkTransition(partly, 'approvePayment', finance, now)).toEqual({ ok: false, reason: 'NOT_PAID_IN_FULL' });
    expect(checkTransition(partly, 'approvePartialPayment', finance, now)).toEqual({
      ok: true,
      to: 'awaiting_payment',
    });
  });

  it('lets only an admin cancel a paid order, and nobody a shipped one', () => {
    const paid = snapshot({ status: 'ready_to_ship' });
    expect(checkTransition(paid, 'cancelOrder', { role: 'sales', userId: 1 }, now)).toEqual({
      ok: false,
      reason: 'ADMIN_ONLY_WHEN_PAID',
    });
    expect(checkTransition(paid, 'cancelOrder', { role: 'admin', userId: 1 }, now).ok).toBe(true);
    expect(checkTransition(paid, 'cancelByCustomer', { role: 'customer', userId: OWNER }, now).ok).toBe(false);
    for (const a of actors) {
      expect(
        availableEvents(snapshot({ status: 'shipped' }), a, now).some((e) => transitions[e].to === 'cancelled'),
      ).toBe(false);
    }
  });

  it('expires an unpaid order only after its deadline', () => {
    const sys: Actor = { role: 'system' };
    expect(
      checkTransition(
        snapshot({ status: 'awaiting_payment', paymentDueAt: new Date('2026-07-01') }),
        'expirePayment',
        sys,
        now,
      ),
    ).toEqual({
      ok: false,
      reason: 'DEADLINE_NOT_PASSED',
    });
    expect(checkTransition(snapshot({ status: 'awaiting_payment' }), 'expirePayment', sys, now).ok).toBe(true);
  });

  it('reaches every state from the start, and every non-terminal state has an exit', () => {
    const reached = new Set(['awaiting_quote']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of Object.values(transitions)) {
        if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...orderStates].sort());
    for (const s of orderStates) {
      const exits = Object.values(transitions).filter((t) => (t.from as readonly string[]).includes(s));
      expect(exits.length > 0).toBe(!isTerminal(s));
    }
  });

  it('model: random events by random actors stay inside the table; refusals change nothing', () => {
    const event = fc.constantFrom(...orderEvents);
    const actor = fc.constantFrom(...actors);
    const paid = fc.integer({ min: 0, max: 200_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(event, actor, paid), { maxLength: 40 }), (steps) => {
        let order = snapshot();
        for (const [e, a, paidCents] of steps) {
          const before = { ...order, paidCents };
          const copy = structuredClone(before);
          const result = checkTransition(before, e, a, now);
          expect(before).toEqual(copy); // pure: the snapshot is never touched
          if (result.ok) {
            expect((transitions[e].from as readonly string[]).includes(before.status)).toBe(true);
            order = { ...before, status: result.to };
          } else {
            order = before;
          }
          expect(orderStates).toContain(order.status);
          if (isTerminal(order.status)) {
            for (const any of actors) expect(availableEvents(order, any, now)).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the README diagram in sync with the table (npm run diagram)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`mermaid\n${mermaidDiagram()}\n\`\`\``);
  });
});
