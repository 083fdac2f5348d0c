import { describe, expect, it } from 'vitest';
import { trackingUrl } from './carriers.js';

describe('carriers', () => {
  it('link tracking numbers safely', () => {
    expect(trackingUrl('DHL', '12 34&x')).toContain('tracking-id=12%2034%26x');
    expect(trackingUrl('Other', '1')).toBeNull();
  });
});
