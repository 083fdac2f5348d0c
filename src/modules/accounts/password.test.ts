import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('answers every one of a burst of verifications correctly (they queue two at a time)', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const attempts = [
      'correct horse battery staple',
      'wrong',
      'correct horse battery staple',
      'also wrong',
      undefined,
      'correct horse battery staple',
    ];
    const results = await Promise.all(
      attempts.map((p) => (p === undefined ? verifyPassword(undefined, 'x') : verifyPassword(stored, p))),
    );
    expect(results).toEqual([true, false, true, false, false, true]);
    // The queue drained: a later call does not wait for a slot that was never handed back.
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
  });
});
