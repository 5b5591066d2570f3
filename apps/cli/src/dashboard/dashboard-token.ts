import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Makes the dashboard's secret: 32 random bytes, base64url (43 characters). */
export function createDashboardToken(random: (size: number) => Buffer = randomBytes): string {
  return random(32).toString('base64url');
}

/** The cookie that carries the token after the first visit; named per port, as cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `tmux-orc-dashboard-${port}`;
}

/**
 * How a request proved it knows the token: `query` (the printed URL; the server answers with a
 * cookie and a redirect that drops the token from the address bar), `cookie`, `bearer`, or `none`.
 */
export type TokenProof = 'query' | 'cookie' | 'bearer' | 'none';

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Tells whether (and how) `request` carries `token`; compared in constant time. */
export function tokenProof(request: IncomingMessage, url: URL, token: string, cookieName: string): TokenProof {
  if (sameSecret(url.searchParams.get('token') ?? undefined, token)) return 'query';
  if (sameSecret(cookieValue(request.headers.cookie, cookieName), token)) return 'cookie';
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ') === true && sameSecret(auth.slice('Bearer '.length), token)) return 'bearer';
  return 'none';
}
