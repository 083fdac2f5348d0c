import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './lock.js';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hashcart-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second holder with a clear message while the first is alive', () => {
    const d = dir();
    const release = acquireDataDirLock(d);
    expect(() => acquireDataDirLock(d)).toThrow(/in use by process \d+.*DATABASE_URL/s);
    release();
    const again = acquireDataDirLock(d); // free again after release
    again();
  });

  it('takes over a lock left by a process that died', () => {
    const d = dir();
    writeFileSync(join(d, 'hashcart.lock'), '999999999');
    const release = acquireDataDirLock(d);
    expect(readFileSync(join(d, 'hashcart.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
