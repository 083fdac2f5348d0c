import { describe, expect, it } from 'vitest';
import { parentsFirst } from './copy-tables.js';

describe('tables in foreign-key order', () => {
  it('puts every table after the tables it references', () => {
    const edges = [
      { child: 'order_lines', parent: 'orders' },
      { child: 'orders', parent: 'users' },
      { child: 'order_lines', parent: 'products' },
      { child: 'packing_units', parent: 'order_lines' },
    ];
    const order = parentsFirst(['packing_units', 'order_lines', 'orders', 'products', 'users', 'settings'], edges);
    expect(order).toHaveLength(6);
    for (const e of edges) expect(order.indexOf(e.parent)).toBeLessThan(order.indexOf(e.child));
  });

  it('ignores references to tables outside the copy and refuses a cycle', () => {
    expect(parentsFirst(['a'], [{ child: 'a', parent: 'elsewhere' }])).toEqual(['a']);
    expect(() =>
      parentsFirst(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
