import { describe, expect, it } from 'vitest';
import { changedFields, changesHowToPay, type PaymentMethodState } from './payment-method.rules.js';

const wire: PaymentMethodState = {
  name: 'Bank wire',
  instructions: 'Quote the order number.',
  accountDetails: 'IBAN XX00 1234',
  minOrderCents: null,
  maxOrderCents: 10_000_000,
  largeOrderOnly: false,
  active: true,
  sortOrder: 0,
};

describe('payment method changes', () => {
  it('lists every field a proposal changes, and nothing for the same state', () => {
    expect(changedFields(wire, { ...wire })).toEqual([]);
    expect(changedFields(wire, { ...wire, active: false, sortOrder: -5, maxOrderCents: null })).toEqual([
      'maxOrderCents',
      'active',
      'sortOrder',
    ]);
  });

  it('tells quoted buyers only when instructions or account details change', () => {
    expect(changesHowToPay(changedFields(wire, { ...wire, name: 'Wire', active: false }))).toBe(false);
    expect(changesHowToPay(changedFields(wire, { ...wire, instructions: 'Pay to another account.' }))).toBe(true);
    expect(changesHowToPay(changedFields(wire, { ...wire, accountDetails: 'IBAN YY' }))).toBe(true);
  });
});
