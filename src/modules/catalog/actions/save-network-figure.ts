import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { networkFigures } from '../catalog.tables.js';

export async function saveNetworkFigure(
  db: Db,
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
  await db
    .insert(networkFigures)
    .values(values)
    .onConflictDoUpdate({ target: networkFigures.algorithm, set: { ...values, updatedAt: sql`now()` } });
}
