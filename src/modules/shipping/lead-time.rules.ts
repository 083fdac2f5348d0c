/** Lead times (DESIGN §4): pure data and functions, shared by product pages, orders and help. */

export interface DayRange {
  min: number;
  max: number;
}

export const leadTimes = {
  inStock: { min: 1, max: 2 },
  outOfStock: { min: 3, max: 4 },
  /** Miners and hash boards are tested before packing. */
  testing: { min: 2, max: 2 },
  /** One more testing day for every this many units beyond the first batch. */
  unitsPerExtraTestingDay: 20,
  /** Tracking number promised within 1–2 days of approval; none after this many days is overdue. */
  trackingOverdueDays: 4,
} as const;

export const transitDays = {
  air_express: { min: 2, max: 4 },
  air_freight: { min: 4, max: 7 },
  sea_freight: { min: 20, max: 40 },
  land_freight: { min: 10, max: 25 },
} as const satisfies Record<string, DayRange>;

export type ShippingMethod = keyof typeof transitDays;

export interface LeadTimeLine {
  inStock: boolean;
  needsTesting: boolean;
  quantity: number;
}

/** Business days from payment approval until the goods ship. */
export function shipWithin(line: LeadTimeLine): DayRange {
  const base = line.inStock ? leadTimes.inStock : leadTimes.outOfStock;
  if (!line.needsTesting) return { ...base };
  const extra = Math.floor(Math.max(0, line.quantity - 1) / leadTimes.unitsPerExtraTestingDay);
  return { min: base.min + leadTimes.testing.min + extra, max: base.max + leadTimes.testing.max + extra };
}

/** An order ships when its slowest line is ready. */
export function orderShipWithin(lines: LeadTimeLine[]): DayRange {
  return lines.map(shipWithin).reduce((a, b) => ({ min: Math.max(a.min, b.min), max: Math.max(a.max, b.max) }), {
    min: 0,
    max: 0,
  });
}

export function deliveryWithin(lines: LeadTimeLine[], method: ShippingMethod): DayRange {
  const ship = orderShipWithin(lines);
  const transit = transitDays[method];
  return { min: ship.min + transit.min, max: ship.max + transit.max };
}
