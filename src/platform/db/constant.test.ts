import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { constant } from './constant.js';

const text = (value: string | number) => new PgDialect().sqlToQuery(constant(value));

describe('constant', () => {
  it('writes enum values and integers into the statement text, with no parameter', () => {
    expect(text('ready_to_ship')).toEqual({ sql: "'ready_to_ship'", params: [] });
    expect(text(1001)).toEqual({ sql: '1001', params: [] });
  });

  it('refuses anything that could break out of the literal', () => {
    for (const bad of ["x' or '1'='1", 'Ready', '', 'a b', 1.5, Number.NaN]) expect(() => constant(bad)).toThrow();
  });
});
