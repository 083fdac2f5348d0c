import { sql } from 'drizzle-orm';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { networkFigures } from '../catalog.tables.js';

export async function saveNetworkFigure(
  actions: ActionContext,
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
    await tx
      .insert(networkFigures)
      .values(values)
      .onConflictDoUpdate({ target: networkFigures.algorithm, set: { ...values, updatedAt: sql`now()` } });
    // Profitability estimates on product pages read the figures.
    return outcome(undefined, { catalogChanged: true });
  });
}
