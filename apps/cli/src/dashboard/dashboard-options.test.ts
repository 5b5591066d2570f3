import { describe, expect, it } from 'vitest';
import { readDashboardFlags } from './dashboard-options.js';

describe('readDashboardFlags', () => {
  it('listens on 127.0.0.1 and a free port by default', () => {
    expect(readDashboardFlags({})).toEqual({ port: 0, host: '127.0.0.1', exposed: false });
  });

  it('refuses a non-loopback host without --expose, and takes it with', () => {
    expect(readDashboardFlags({ listen: '0.0.0.0' })).toMatch(/add --expose.*got `0\.0\.0\.0`/);
    expect(readDashboardFlags({ listen: '0.0.0.0', expose: true })).toEqual({ port: 0, host: '0.0.0.0', exposed: true });
    expect(readDashboardFlags({ listen: 'localhost' })).toEqual({ port: 0, host: 'localhost', exposed: false });
    expect(readDashboardFlags({ listen: '::1' })).toEqual({ port: 0, host: '::1', exposed: false });
  });

  it('names a bad port', () => {
    expect(readDashboardFlags({ port: '70000' })).toBe('--port: expected an integer from 0 (any free port) to 65535, got `70000`');
    expect(readDashboardFlags({ port: 'x' })).toMatch(/got `x`/);
  });
});
