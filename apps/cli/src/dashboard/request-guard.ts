import type { IncomingMessage } from 'node:http';
import { isAllowedHost } from './host-check.js';
import { tokenProof } from './dashboard-token.js';

/** What the guard decided: serve (maybe setting the token cookie), or answer with a refusal. */
export type GuardDecision =
  | { readonly allow: true; readonly setCookie: string | null; readonly redirectTo: string | null }
  | { readonly allow: false; readonly status: number; readonly message: string };

/** What the guard checks against. */
export interface GuardOptions {
  readonly token: string;
  readonly cookieName: string;
  readonly allowedHosts: ReadonlySet<string>;
}

/**
 * Every request passes three checks before anything is served: its `Host` names this dashboard
 * (DNS rebinding), it only reads (GET/HEAD), and it carries the token (query, cookie or bearer).
 * A token in the query of a page address is swapped for an HttpOnly, SameSite=Strict cookie and a
 * redirect to the same address without it, so the token leaves the address bar and history.
 */
export function guardRequest(request: IncomingMessage, url: URL, options: GuardOptions): GuardDecision {
  if (!isAllowedHost(request.headers.host, options.allowedHosts)) {
    return { allow: false, status: 403, message: `Expected the Host header to be one of ${[...options.allowedHosts].join(', ')}, got \`${request.headers.host ?? ''}\`` };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { allow: false, status: 405, message: `The dashboard is read-only: expected GET or HEAD, got ${request.method ?? 'no method'}` };
  }
  const proof = tokenProof(request, url, options.token, options.cookieName);
  if (proof === 'none') {
    return { allow: false, status: 401, message: 'The dashboard needs its token: open the URL that `tmux-orc dashboard` printed (…/?token=…)' };
  }
  if (proof !== 'query') return { allow: true, setCookie: null, redirectTo: null };
  const setCookie = `${options.cookieName}=${options.token}; HttpOnly; SameSite=Strict; Path=/`;
  const clean = new URL(url);
  clean.searchParams.delete('token');
  const isPage = !url.pathname.startsWith('/api/') && url.pathname !== '/metrics';
  return { allow: true, setCookie, redirectTo: isPage ? `${clean.pathname}${clean.search}` : null };
}
