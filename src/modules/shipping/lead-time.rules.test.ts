import { describe, expect, it } from 'vitest';
import { deliveryWithin, orderShipWithin, shipWithin } from './lead-time.rules.js';

describe('lead times', () => {
  it('ships in-stock general goods in 1–2 days', () => {
    expect(shipWithin({ inStock: true, needsTesting: false, quantity: 5 })).toEqual({ min: 1, max: 2 });
  });
  it('ships out-of-stock goods in 3–4 days', () => {
    expect(shipWithin({ inStock: false, needsTesting: false, quantity: 1 })).toEqual({ min: 3, max: 4 });
  });
  it('adds two testing days for miners, more for large quantities', () => {
    expect(shipWithin({ inStock: true, needsTesting: true, quantity: 1 })).toEqual({ min: 3, max: 4 });
    expect(shipWithin({ inStock: true, needsTesting: true, quantity: 20 })).toEqual({ min: 3, max: 4 });
    expect(shipWithin({ inStock: true, needsTesting: true, quantity: 21 })).toEqual({ min: 4, max: 5 });
    expect(shipWithin({ inStock: false, needsTesting: true, quantity: 100 })).toEqual({ min: 9, max: 10 });
  });
  it('takes the slowest line for an order and adds transit', () => {
    const lines = [
      { inStock: true, needsTesting: false, quantity: 1 },
      { inStock: true, needsTesting: true, quantity: 2 },
    ];
    expect(orderShipWithin(lines)).toEqual({ min: 3, max: 4 });
    expect(deliveryWithin(lines, 'air_express')).toEqual({ min: 5, max: 8 });
  });
});
