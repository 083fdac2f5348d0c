import { eq, sql } from 'drizzle-orm';
import { type AuditActor, changedFields, recordAudit } from '../../../platform/audit/index.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { networkFigures } from '../catalog.tables.js';

export async function saveNetworkFigure(
  actions: ActionContext,
  actor: AuditActor,
  f: {
    algorithm: string;
    coin: string;
    networkHashrate: number;
    blockReward: number;
    blockTimeSeconds: number;
    coinPrice: number;
  },
) {
  const values = {
    algorithm: f.algorithm,
    coin: f.coin,
    networkHashrate: f.networkHashrate,
    blockReward: f.blockReward,
    blockTimeSeconds: f.blockTimeSeconds,
    coinPriceCents: f.coinPrice,
  };
  await actions.transaction(async (tx) => {
    const [old] = await tx.select().from(networkFigures).where(eq(networkFigures.algorithm, f.algorithm)).for('update');
    await tx
      .insert(networkFigures)
      .values(values)
      .onConflictDoUpdate({ target: networkFigures.algorithm, set: { ...values, updatedAt: sql`now()` } });
    const diff = changedFields(old ?? null, { ...old, ...values });
    const subject = { type: 'network-figure', id: f.algorithm } as const;
    await recordAudit(tx, { actor, action: 'network-figure.save', subject, ...diff });
    // Profitability estimates on product pages read the figures.
    return outcome(undefined, { catalogChanged: true });
  });
}
