import { hostname, networkInterfaces } from 'node:os';

/** Whether `host` (an IP or name given to `--listen`) only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

function withPort(name: string, port: number): string {
  return `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`.toLowerCase();
}

/**
 * The `Host` header values the dashboard answers. A page from another site that points its own
 * DNS name at 127.0.0.1 (DNS rebinding) sends its own name as Host, which is not in this list.
 * Loopback names always; the `--listen` name; for a wildcard bind, this machine's addresses and name.
 */
export function allowedHostHeaders(bindHost: string, port: number, extra: readonly string[] = []): ReadonlySet<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', ...extra]);
  if (isWildcard(bindHost)) {
    names.add(hostname());
    for (const addresses of Object.values(networkInterfaces())) for (const address of addresses ?? []) names.add(address.address);
  } else {
    names.add(bindHost.replace(/^\[|\]$/g, ''));
  }
  return new Set([...names].map((name) => withPort(name, port)));
}

/** Whether a request's `Host` header names this dashboard. */
export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  return header !== undefined && allowed.has(header.toLowerCase());
}
