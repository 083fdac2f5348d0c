import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { roles } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors.js';
import { completedOrder } from './after-sales.test-helpers.js';
import { type CaseActor, caseEvents, caseStates, checkCaseTransition } from './case.machine.js';
import { applyCaseTransition, snapshotOfCase } from './case.repo.js';
import { afterSalesCases, caseEvents as eventRows } from './case.tables.js';

let t: TestApp;
let orderId: number;
let ownerId: number;
beforeAll(async () => {
  t = await createTestApp();
  const o = await completedOrder(t);
  orderId = o.order.id;
  ownerId = o.order.customerId;
});
afterAll(() => t.close());

let seq = 0;
const caseIn = async (status: (typeof caseStates)[number]) =>
  (
    await t.db
      .insert(afterSalesCases)
      .values({
        number: `AS-T-${++seq}`,
        orderId,
        customerId: ownerId,
        type: 'defective',
        status,
        description: 'x',
        standardResolution: 'repair',
        decisionDueAt: new Date(Date.now() + 86_400_000),
      })
      .returning()
  )[0]!;

describe('every case event × state × actor, enforced against the database', () => {
  it('applies exactly what the table allows and leaves refused cases untouched', async () => {
    const actors: CaseActor[] = [
      ...roles.map((role) => ({ role, userId: role === 'customer' ? ownerId : 1 })),
      { role: 'customer', userId: 999_999 },
      // The case is routed to a center `ownerId` owns (the snapshot says so); user 1 owns none.
      { role: 'repair_center', userId: ownerId },
      { role: 'repair_center', userId: 1 },
    ];
    let applied = 0;
    for (const status of caseStates) {
      for (const event of caseEvents) {
        for (const actor of actors) {
          const c = await caseIn(status);
          const kinds = [{ kind: 'miner' as const }];
          const snapshot = snapshotOfCase(c, kinds, ownerId);
          const expected = checkCaseTransition(snapshot, event, actor);
          let result: unknown = 'ok';
          try {
            await t.db.transaction((tx) => applyCaseTransition(tx, c, snapshot, event, actor));
          } catch (err) {
            result = err instanceof AppError ? err.code : err;
          }
          const [after] = await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.id, c.id));
          const events = await t.db.select().from(eventRows).where(eq(eventRows.caseId, c.id));
          if (expected.ok) {
            applied++;
            expect(result).toBe('ok');
            expect(after!.status).toBe(expected.to);
            expect(events).toHaveLength(1);
          } else {
            expect(result).toBe(expected.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT');
            expect(after!.status).toBe(status);
            expect(events).toHaveLength(0);
          }
        }
      }
    }
    expect(applied).toBeGreaterThan(20);
    // Several hundred transactions: room for a loaded machine.
  }, 240_000);

  it('refuses a stale snapshot: the conditional update finds the case already moved', async () => {
    const c = await caseIn('submitted');
    const support: CaseActor = { role: 'support', userId: 1 };
    const snap = snapshotOfCase(c, [{ kind: 'miner' }]);
    await t.db.transaction((tx) => applyCaseTransition(tx, c, snap, 'decideReissue', support));
    await expect(
      t.db.transaction((tx) => applyCaseTransition(tx, c, snap, 'rejectCase', support)),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
