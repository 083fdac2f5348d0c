import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, changedFields, GENESIS_HASH, type HashedFields, recordHash } from './audit.hash.js';

const record: HashedFields = {
  id: 1,
  at: new Date('2026-12-01T10:00:00.123Z'),
  actorId: 7,
  actorName: 'Ana Admin',
  actorEmail: 'ana@example.com',
  via: null,
  action: 'product.update',
  subjectType: 'product',
  subjectId: '12',
  before: { priceCents: 100, name: 'S21' },
  after: { priceCents: 200, name: 'S21' },
  prevHash: GENESIS_HASH,
};

describe('audit canonical serialization and hash', () => {
  it('sorts keys at every depth and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, d: new Date(0) })).toBe('{"d":"1970-01-01T00:00:00.000Z"}');
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('is a SHA-256 hex that changes with any field, including the previous hash', () => {
    const h = recordHash(record);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(recordHash({ ...record, after: { name: 'S21', priceCents: 200 } })).toBe(h);
    expect(recordHash({ ...record, after: { priceCents: 201, name: 'S21' } })).not.toBe(h);
    expect(recordHash({ ...record, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(recordHash({ ...record, actorEmail: 'eve@example.com' })).not.toBe(h);
    expect(recordHash({ ...record, at: new Date(record.at.getTime() + 1) })).not.toBe(h);
    expect(recordHash({ ...record, id: 2 })).not.toBe(h);
  });

  it('keeps only the changed fields', () => {
    expect(changedFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1], d: true })).toEqual({
      before: { b: 'x' },
      after: { b: 'y', d: true },
    });
    expect(changedFields(null, { a: 1 })).toEqual({ before: {}, after: { a: 1 } });
  });
});
