/** Pure catalog rules: units, profitability. No IO. */
import type { CategorySlug } from '../../platform/categories.js';

export const productKinds = ['miner', 'psu', 'hashboard', 'general'] as const;
export type ProductKind = (typeof productKinds)[number];
export const coolings = ['air', 'hydro', 'immersion'] as const;
export const hashrateUnits = ['KH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s'] as const;
export type HashrateUnit = (typeof hashrateUnits)[number];

/** A whole network (Bitcoin's is near 1,000 EH/s) is counted in larger units than a miner. */
export const networkHashrateUnits = [...hashrateUnits, 'EH/s'] as const;
export type NetworkHashrateUnit = (typeof networkHashrateUnits)[number];

const unitFactor: Record<NetworkHashrateUnit, number> = {
  'KH/s': 1e3,
  'MH/s': 1e6,
  'GH/s': 1e9,
  'TH/s': 1e12,
  'PH/s': 1e15,
  'EH/s': 1e18,
};

export const toHashesPerSecond = (value: number, unit: NetworkHashrateUnit) => value * unitFactor[unit];

/** Hashes per second in the largest unit they reach, to six significant digits: how people read and type it. */
export function readableHashrate(hashesPerSecond: number): { value: number; unit: NetworkHashrateUnit } {
  const unit = [...networkHashrateUnits].reverse().find((u) => hashesPerSecond >= unitFactor[u]) ?? 'KH/s';
  return { value: Number((hashesPerSecond / unitFactor[unit]).toPrecision(6)), unit };
}

/** "J/TH" for a TH/s miner, "J/GH" for GH/s, … */
export const efficiencyUnit = (unit: HashrateUnit) => `J/${unit.replace('/s', '')}`;

export interface NetworkFigure {
  coin: string;
  networkHashrate: number;
  blockReward: number;
  blockTimeSeconds: number;
  coinPriceCents: number;
}

export interface ProfitEstimate {
  coinsPerDay: number;
  revenueCents: number;
  powerCostCents: number;
  profitCents: number;
}

/**
 * Daily estimate for one miner: its share of the network hashrate times the coins
 * issued per day, at the staff-entered coin price; power at the buyer's price per kWh.
 * Ignores fees, difficulty growth and pool fees — the page says so.
 */
export function estimateDailyProfit(
  miner: { hashrate: number; hashrateUnit: HashrateUnit; powerW: number },
  network: NetworkFigure,
  electricityCentsPerKwh: number,
): ProfitEstimate {
  const share = toHashesPerSecond(miner.hashrate, miner.hashrateUnit) / network.networkHashrate;
  const coinsPerDay = share * (86_400 / network.blockTimeSeconds) * network.blockReward;
  const revenueCents = Math.round(coinsPerDay * network.coinPriceCents);
  const powerCostCents = Math.round((miner.powerW / 1000) * 24 * electricityCentsPerKwh);
  return { coinsPerDay, revenueCents, powerCostCents, profitCents: revenueCents - powerCostCents };
}

/**
 * The HS code a product takes when staff leave it empty (Harmonized System, 6 digits):
 * ASIC miners are data-processing machines (8471.50), PSUs static converters (8504.40),
 * boards parts of those machines (8473.30), fans 8414.59, cables 8544.42.
 */
export const defaultHsCodes: Record<CategorySlug, string> = {
  'asic-miners': '8471.50',
  'power-supplies': '8504.40',
  'hash-boards': '8473.30',
  'control-boards': '8473.30',
  'fans-cooling': '8414.59',
  'cables-accessories': '8544.42',
};
export const defaultHsCode = (category: CategorySlug) => defaultHsCodes[category];
