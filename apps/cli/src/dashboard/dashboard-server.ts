import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StatusJson } from '../shared/status-json.js';
import type { DashboardSource, SourceEvent } from './dashboard-source.js';
import { createFleetHistory } from './fleet-history.js';
import type { PageAsset } from './page-assets.js';
import { createPageStreams } from './page-stream.js';
import { guardRequest } from './request-guard.js';
import { securityHeaders } from './security-headers.js';
import { allowedHostHeaders } from './host-check.js';
import { tokenCookieName } from './dashboard-token.js';

/** Options of {@link startDashboardServer}. */
export interface DashboardServerOptions {
  readonly source: DashboardSource;
  readonly assets: ReadonlyMap<string, PageAsset>;
  readonly token: string;
  /** Address to listen on; 127.0.0.1 unless the user exposed it. */
  readonly host: string;
  /** 0 lets the system choose a free port. */
  readonly port: number;
  /** How often the source's status is read (timelines, charts, missed transitions); default 1000 ms. */
  readonly pollMs?: number;
  readonly clock?: { now(): number };
}

/** A running dashboard. */
export interface DashboardServer {
  readonly port: number;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

/** Where the source stands, as the page shows it. */
interface Upstream {
  up: boolean;
  error: string | null;
}

/** Serves the page, `/api/snapshot`, `/api/status`, `/api/events` (SSE) and `/metrics`, read-only, behind the token. */
export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const { source } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const history = createFleetHistory();
  const streams = createPageStreams();
  const upstream: Upstream = { up: false, error: 'not asked yet' };
  let latest: StatusJson | null = null;

  const poll = async (): Promise<void> => {
    try {
      latest = await source.status();
      history.observeStatus(latest, clock.now());
      if (!upstream.up) setUpstream({ up: true, error: null });
    } catch (error) {
      setUpstream({ up: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  function setUpstream(next: Upstream): void {
    if (upstream.up === next.up && upstream.error === next.error) return;
    Object.assign(upstream, next);
    streams.send('upstream', JSON.stringify(upstream));
  }
  const unsubscribe = source.subscribe((event: SourceEvent) => {
    if (event.type === 'upstream') {
      // A stream open again means a (re)started daemon: read its status now, not at the next tick.
      if (event.up) void poll();
      else setUpstream({ up: false, error: event.error ?? 'the event stream ended' });
      return;
    }
    let transition: { agentId?: unknown; to?: unknown; at?: unknown };
    try {
      transition = JSON.parse(event.data) as typeof transition;
    } catch {
      return; // not the daemon's JSON: nothing a page could use
    }
    if (typeof transition.agentId !== 'string' || typeof transition.to !== 'string') return;
    history.observeTransition(transition.agentId, transition.to, typeof transition.at === 'number' ? transition.at : clock.now());
    streams.send('transition', event.data);
  });
  await poll();
  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    void poll().finally(() => (polling = false));
  }, options.pollMs ?? 1000);

  const snapshot = () => ({ status: latest, history: history.snapshot(clock.now()), upstream, source: source.description });
  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void => {
    response.writeHead(status, { ...securityHeaders, 'content-type': type, ...extra });
    response.end(body);
  };

  let guard: Parameters<typeof guardRequest>[2] | null = null;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
    if (guard === null) return send(response, 503, 'text/plain', 'starting\n');
    const decision = guardRequest(request, url, guard);
    if (!decision.allow) return send(response, decision.status, 'text/plain; charset=utf-8', `${decision.message}\n`);
    const cookie: Record<string, string> = decision.setCookie === null ? {} : { 'set-cookie': decision.setCookie };
    if (decision.redirectTo !== null) return send(response, 303, 'text/plain', '', { ...cookie, location: decision.redirectTo });
    const asset = options.assets.get(url.pathname);
    if (asset !== undefined) return send(response, 200, asset.contentType, asset.body, cookie);
    if (url.pathname === '/api/snapshot') return send(response, 200, 'application/json', JSON.stringify(snapshot()), cookie);
    if (url.pathname === '/api/status') {
      if (latest === null) return send(response, 503, 'application/json', JSON.stringify({ error: upstream.error }), cookie);
      return send(response, 200, 'application/json', JSON.stringify(latest), cookie);
    }
    if (url.pathname === '/api/events') return streams.open(response, { ...securityHeaders, ...cookie }, [{ event: 'upstream', data: JSON.stringify(upstream) }]);
    if (url.pathname === '/metrics') {
      source.metrics().then(
        (text) => send(response, 200, 'text/plain; version=0.0.4', text, cookie),
        (error: unknown) => send(response, 502, 'text/plain', `${String(error)}\n`, cookie),
      );
      return;
    }
    send(response, 404, 'text/plain', `Expected /, /api/snapshot, /api/status, /api/events or /metrics, got ${url.pathname}\n`, cookie);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = { token: options.token, cookieName: tokenCookieName(port), allowedHosts: allowedHostHeaders(options.host, port) };
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${shownHost}:${port}/?token=${options.token}`,
    async close() {
      clearInterval(timer);
      unsubscribe();
      streams.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
