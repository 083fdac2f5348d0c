import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/auth/roles.js';
import {
  availableCaseEvents,
  type CaseActor,
  type CaseSnapshot,
  caseDiagram,
  caseEvents,
  caseStates,
  caseTransitions,
  checkCaseTransition,
  isTerminalCase,
} from './case.machine.js';

const OWNER = 7;
const CENTER_OWNER = 42;
const snap = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  status: 'submitted',
  customerId: OWNER,
  repairable: true,
  centerOwnerId: CENTER_OWNER,
  ...over,
});
const actors: CaseActor[] = [
  ...roles.map((role) => ({ role, userId: role === 'customer' ? OWNER : 99 })),
  { role: 'customer', userId: 1234 },
  { role: 'repair_center', userId: CENTER_OWNER },
  { role: 'repair_center', userId: 4321 },
];
const who = (role: CaseActor['role'], userId = role === 'customer' ? OWNER : 1): CaseActor => ({ role, userId });

/** Every event × state × actor, spelled out: who may fire what from where. */
const expectedRoles: Record<string, readonly string[]> = {
  startReview: ['support', 'admin'],
  decideReissue: ['support', 'admin'],
  decideRepair: ['support', 'admin'],
  rejectCase: ['support', 'admin'],
  shipReissue: ['warehouse', 'support', 'admin'],
  receiveUnit: ['repair_center', 'support', 'admin'],
  diagnoseUnit: ['repair_center', 'support', 'admin'],
  markRepaired: ['repair_center', 'support', 'admin'],
  markUnrepairable: ['repair_center', 'support', 'admin'],
  confirmReissueReceived: ['customer'],
  closeCase: ['support', 'admin'],
  takeBackCase: ['support', 'admin'],
};

describe('case state machine', () => {
  it('allows each event × state × actor exactly as the table says', () => {
    for (const status of caseStates) {
      for (const event of caseEvents) {
        for (const actor of actors) {
          const result = checkCaseTransition(snap({ status }), event, actor);
          const fromOk = (caseTransitions[event].from as readonly string[]).includes(status);
          const roleOk =
            expectedRoles[event]!.includes(actor.role) &&
            (actor.role !== 'customer' || actor.userId === OWNER) &&
            (actor.role !== 'repair_center' || actor.userId === CENTER_OWNER);
          expect(result.ok, `${event} from ${status} by ${actor.role}#${actor.userId}`).toBe(fromOk && roleOk);
          if (!roleOk) expect(result).toEqual({ ok: false, reason: 'FORBIDDEN' });
          else if (!fromOk) expect(result).toEqual({ ok: false, reason: 'WRONG_STATE' });
        }
      }
    }
  });

  it('decides from submitted or under review: reissue, repair at a center, or reject', () => {
    for (const status of ['submitted', 'under_review'] as const) {
      expect(checkCaseTransition(snap({ status }), 'decideReissue', who('support'))).toEqual({
        ok: true,
        to: 'awaiting_reissue',
      });
      expect(checkCaseTransition(snap({ status }), 'decideRepair', who('support'))).toEqual({
        ok: true,
        to: 'awaiting_unit',
      });
      expect(checkCaseTransition(snap({ status }), 'rejectCase', who('admin'))).toEqual({ ok: true, to: 'rejected' });
    }
  });

  it('sends only serial-numbered hardware to a repair center', () => {
    expect(checkCaseTransition(snap({ repairable: false }), 'decideRepair', who('support'))).toEqual({
      ok: false,
      reason: 'NOT_REPAIRABLE',
    });
  });

  it('turns an unrepairable unit into a reissue', () => {
    expect(checkCaseTransition(snap({ status: 'at_repair_center' }), 'markUnrepairable', who('support'))).toEqual({
      ok: true,
      to: 'awaiting_reissue',
    });
    expect(checkCaseTransition(snap({ status: 'at_repair_center' }), 'markRepaired', who('support'))).toEqual({
      ok: true,
      to: 'resolved',
    });
  });

  it("lets a center's owner work only a case routed to their approved center", () => {
    const at = snap({ status: 'at_repair_center' });
    const center = who('repair_center', CENTER_OWNER);
    expect(checkCaseTransition(snap({ status: 'awaiting_unit' }), 'receiveUnit', center)).toEqual({
      ok: true,
      to: 'at_repair_center',
    });
    expect(checkCaseTransition(at, 'diagnoseUnit', center)).toEqual({ ok: true, to: 'at_repair_center' });
    expect(availableCaseEvents(at, center)).toEqual(['diagnoseUnit', 'markRepaired', 'markUnrepairable']);
    // Another center's owner, a withdrawn center (no owner in the snapshot), a taken-back case: nothing.
    expect(availableCaseEvents(at, who('repair_center', CENTER_OWNER + 1))).toEqual([]);
    expect(availableCaseEvents({ ...at, centerOwnerId: null }, center)).toEqual([]);
    expect(checkCaseTransition(at, 'takeBackCase', center)).toEqual({ ok: false, reason: 'FORBIDDEN' });
    // The center's owner is not the buyer: their own customer role gives nothing on the case.
    expect(availableCaseEvents(at, who('customer', CENTER_OWNER))).toEqual([]);
  });

  it('lets support take a routed case back, undecided again', () => {
    for (const status of ['awaiting_unit', 'at_repair_center'] as const)
      expect(checkCaseTransition(snap({ status }), 'takeBackCase', who('support'))).toEqual({
        ok: true,
        to: 'under_review',
      });
  });

  it('lets only the owner confirm a reissue arrived; support may close instead', () => {
    const shipped = snap({ status: 'reissue_shipped' });
    expect(checkCaseTransition(shipped, 'confirmReissueReceived', who('customer'))).toEqual({
      ok: true,
      to: 'resolved',
    });
    expect(checkCaseTransition(shipped, 'confirmReissueReceived', who('customer', 8)).ok).toBe(false);
    expect(checkCaseTransition(shipped, 'confirmReissueReceived', who('admin')).ok).toBe(false);
    expect(checkCaseTransition(shipped, 'closeCase', who('support'))).toEqual({ ok: true, to: 'resolved' });
  });

  it('reaches every state from submitted, and only terminal states have no exit', () => {
    const reached = new Set<string>(['submitted']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of Object.values(caseTransitions)) {
        if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...caseStates].sort());
    for (const s of caseStates) {
      const exits = Object.values(caseTransitions).filter((t) => (t.from as readonly string[]).includes(s));
      expect(exits.length > 0, s).toBe(!isTerminalCase(s));
    }
  });

  it('model: random events by random actors stay inside the table; terminal cases never move', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...caseEvents), fc.constantFrom(...actors), fc.boolean()), { maxLength: 40 }),
        (steps) => {
          let c = snap();
          for (const [event, actor, repairable] of steps) {
            const before = { ...c, repairable };
            const result = checkCaseTransition(before, event, actor);
            if (result.ok) {
              expect((caseTransitions[event].from as readonly string[]).includes(before.status)).toBe(true);
              expect(isTerminalCase(before.status)).toBe(false);
              c = { ...before, status: result.to };
            }
            if (isTerminalCase(c.status)) for (const a of actors) expect(availableCaseEvents(c, a)).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('case diagram', () => {
  it('keeps the ADR diagram in sync with the table', () => {
    const dir = new URL('../../../docs/decisions/', import.meta.url);
    const adr = readdirSync(dir).find((f) => f.endsWith('after-sales-case-machine-and-policy.md'));
    expect(readFileSync(new URL(adr!, dir), 'utf8')).toContain(`\`\`\`mermaid\n${caseDiagram()}\n\`\`\``);
  });
});
