import { describe, expect, it } from 'vitest';
import { viaLabel } from './via-label.js';

describe('viaLabel', () => {
  it('translates how a change came in, keeping the token name as typed', () => {
    expect(viaLabel('en', 'token ERP sync')).toBe('via API token “ERP sync”');
    expect(viaLabel('es', 'token ERP sync')).toBe('vía el token de API «ERP sync»');
    expect(viaLabel('es', 'console')).toBe('vía la consola del operador');
    expect(viaLabel('en', 'console')).toBe('via the operator console');
  });
  it('shows any other stored value as it is', () => {
    expect(viaLabel('es', 'webhook')).toBe('vía webhook');
  });
});
