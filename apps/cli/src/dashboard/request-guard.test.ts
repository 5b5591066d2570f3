import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createDashboardToken } from './dashboard-token.js';
import { allowedHostHeaders, isLoopbackHost } from './host-check.js';
import { guardRequest } from './request-guard.js';

const token = createDashboardToken((size) => Buffer.alloc(size, 7));
const options = { token, cookieName: 'tmux-orc-dashboard-8080', allowedHosts: allowedHostHeaders('127.0.0.1', 8080) };
const request = (path: string, headers: Record<string, string> = {}, method = 'GET') => {
  const message = { method, url: path, headers: { host: '127.0.0.1:8080', ...headers } } as unknown as IncomingMessage;
  return guardRequest(message, new URL(path, 'http://x.invalid'), options);
};

describe('guardRequest', () => {
  it('swaps a token in a page address for a strict cookie and a clean redirect', () => {
    expect(request(`/?token=${token}&x=1`)).toEqual({ allow: true, setCookie: `tmux-orc-dashboard-8080=${token}; HttpOnly; SameSite=Strict; Path=/`, redirectTo: '/?x=1' });
    expect(request(`/api/status?token=${token}`)).toMatchObject({ allow: true, redirectTo: null });
  });

  it('lets the cookie and a bearer header through, nothing else', () => {
    expect(request('/api/events', { cookie: `a=b; tmux-orc-dashboard-8080=${token}` })).toEqual({ allow: true, setCookie: null, redirectTo: null });
    expect(request('/metrics', { authorization: `Bearer ${token}` })).toMatchObject({ allow: true });
    expect(request('/', { cookie: `tmux-orc-dashboard-9999=${token}` })).toMatchObject({ allow: false, status: 401 });
    expect(request(`/?token=${token.slice(1)}`)).toMatchObject({ allow: false, status: 401 });
  });

  it('refuses another Host (DNS rebinding) and any method that is not a read', () => {
    expect(request(`/?token=${token}`, { host: 'attacker.example:8080' })).toMatchObject({ allow: false, status: 403 });
    expect(request(`/?token=${token}`, { host: '127.0.0.1:8081' })).toMatchObject({ allow: false, status: 403 });
    expect(request(`/?token=${token}`, { host: 'localhost:8080' })).toMatchObject({ allow: true });
    expect(request(`/?token=${token}`, {}, 'POST')).toMatchObject({ allow: false, status: 405 });
  });
});

describe('host checks', () => {
  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '192.168.1.5', 'example.com', '::'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });

  it('adds the exposed host to the loopback names', () => {
    expect([...allowedHostHeaders('10.1.2.3', 80)].sort()).toEqual(['10.1.2.3:80', '127.0.0.1:80', '[::1]:80', 'localhost:80']);
  });
});
