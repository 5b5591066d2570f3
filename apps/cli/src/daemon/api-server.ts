import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { unlink } from 'node:fs/promises';
import type { Monitor, MonitorEvent } from '@tmux-orc/monitor';
import type { Logger } from '@tmux-orc/tmux-pool';
import type { HookSighting } from '../shared/hook-sighting.js';
import type { ServersPaneField } from '../shared/pane-fields.js';
import { impliedState, matchHookAgent, parseClaudeHook, screenAgrees } from './claude-hooks.js';
import { createCycleStats } from '../shared/cycle-stats.js';
import { createEventStreams } from './event-streams.js';
import { explainRoute } from './explain-route.js';
import { createHookDisagreements } from './hook-disagreements.js';
import { renderPrometheusMetrics } from './prometheus-metrics.js';
import { BodyTooLargeError, readCappedBody } from './read-capped-body.js';
import { toStatusJson, type StatusJson } from '../shared/status-json.js';

/** Options of {@link createApiServer}. */
export interface ApiServerOptions {
  readonly monitor: Monitor;
  readonly socketPath: string;
  readonly logger: Logger;
  /** What `status` reports as its source. */
  readonly source: 'daemon' | 'demo';
  /** The watched servers' config, so a client can tell whether this monitor watches its server. */
  readonly servers: readonly unknown[];
  /** `pane_current_path` of every pane by agent id, for hooks that send only their cwd. */
  readonly paneCwds: () => Promise<ServersPaneField>;
  readonly clock?: { now(): number };
  /** How long (ms) a hook may disagree with the screen before it is logged (default 15 000: the debounce plus a cycle). */
  readonly hookDisagreementMs?: number;
}

/** The daemon's HTTP API on its Unix socket. */
export interface ApiServer {
  listen(): Promise<void>;
  /** Ends every event stream and stops listening; removes the socket file. */
  close(): Promise<void>;
  statusJson(): StatusJson;
}

const maxBody = 1024 * 1024;

/** Paths the API serves, and the one method each takes (a wrong one answers 405 with `Allow`). */
const routes: ReadonlyMap<string, 'GET' | 'POST'> = new Map([['/status', 'GET'], ['/metrics', 'GET'], ['/events', 'GET'], ['/hooks/claude-code', 'POST']]);

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  response.writeHead(code, { 'content-type': 'application/json' });
  response.end(`${JSON.stringify(body)}\n`);
}

/**
 * Serves `GET /status` (`?agent=<id|target|name>`: why the monitor says what it says of one agent), `GET /metrics`, `GET /events` (server-sent events, one per transition)
 * and `POST /hooks/claude-code` on a Unix socket created with mode 0600.
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const { monitor, logger } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const startedAt = new Date(clock.now()).toISOString();
  const cycles = createCycleStats();
  const hooks = new Map<string, HookSighting>();
  const streams = createEventStreams({ logger });
  const disagreements = createHookDisagreements({ afterMs: options.hookDisagreementMs ?? 15_000, logger });

  const unsubscribe = monitor.subscribe((event: MonitorEvent) => {
    if (event.type === 'cycle') cycles.record(event.durationMs);
    if (event.type === 'cycle' && hooks.size > 0) disagreements.check(monitor.status().agents, hooks, clock.now());
    if (event.type === 'transition') streams.send('transition', JSON.stringify(event.transition));
    if (event.type === 'report_held') streams.send('report_held', JSON.stringify(event.report));
  });

  const statusJson = (): StatusJson => ({
    ...toStatusJson({ status: monitor.status(), cycles: cycles.snapshot(), source: options.source, startedAt, hooks }),
    watching: options.servers,
  });

  async function takeHook(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readCappedBody(request, maxBody));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // Stop reading: answer, then close the connection (the rest of the body is never read).
        response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        response.end(`${JSON.stringify({ error: error.message })}\n`, () => request.socket.destroy());
        return;
      }
      sendJson(response, 400, { error: `Expected a JSON body, got: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const header = request.headers['x-tmux-pane'];
    const input = parseClaudeHook(body, Array.isArray(header) ? header[0] : header);
    if (typeof input === 'string') {
      sendJson(response, 400, { error: input });
      return;
    }
    const agents = monitor.status().agents;
    const cwds = input.pane === null ? await options.paneCwds() : { values: new Map<string, string>(), unreachable: [] };
    const match = matchHookAgent(input, agents, cwds.values);
    if (match.agent === null) {
      const unreachable = cwds.unreachable.map((server) => `; tmux server ${server.server} unreachable: ${server.error}`).join('');
      const reason = `${match.reason}${unreachable}`;
      logger.info('claude-code hook for no monitored pane', { event: input.event, pane: input.pane, cwd: input.cwd, reason });
      sendJson(response, 202, { matched: false, reason });
      return;
    }
    const implies = impliedState(input);
    const sighting: HookSighting = {
      event: input.event,
      at: new Date(clock.now()).toISOString(),
      implies,
      screen_state: match.agent.state,
      agrees: screenAgrees(implies, match.agent.state),
      ...(input.sessionId === undefined ? {} : { session_id: input.sessionId }),
      ...(input.message === undefined ? {} : { message: input.message }),
      ...(input.toolName === undefined ? {} : { tool_name: input.toolName }),
    };
    hooks.set(match.agent.id, sighting);
    disagreements.sighted(match.agent.id);
    logger.info('claude-code hook', { agent: match.agent.id, target: match.agent.target, by: match.by, ...sighting });
    // The hook says the screen just changed: look again now instead of at the next tick.
    void monitor.runCycle().catch((error: unknown) => logger.warn('cycle after a hook failed', { error: String(error) }));
    sendJson(response, 200, { matched: true, by: match.by, agent: match.agent.id, target: match.agent.target, ...sighting });
  }

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const route = `${request.method ?? 'GET'} ${path ?? '/'}`;
    const agent = new URLSearchParams((request.url ?? '').split('?')[1] ?? '').get('agent');
    if (route === 'GET /status' && agent !== null) {
      explainRoute(agent, { monitor, source: options.source, hooks, disagreements, now: clock.now() })
        .then(({ code, body }) => sendJson(response, code, body))
        .catch((error: unknown) => sendJson(response, 500, { error: String(error) }));
      return;
    }
    if (route === 'GET /status') return sendJson(response, 200, statusJson());
    if (route === 'GET /metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      response.end(renderPrometheusMetrics(monitor.status(), cycles.snapshot(), { eventClients: streams.size, eventClientsDropped: streams.dropped }));
      return;
    }
    if (route === 'GET /events') return streams.add(response);
    if (route === 'POST /hooks/claude-code') {
      takeHook(request, response).catch((error: unknown) => sendJson(response, 500, { error: String(error) }));
      return;
    }
    const allowed = routes.get(path ?? '/');
    if (allowed !== undefined) {
      response.setHeader('allow', allowed);
      return sendJson(response, 405, { error: `Expected ${allowed} ${path}, got ${route}` });
    }
    sendJson(response, 404, { error: `Expected GET /status, /metrics, /events or POST /hooks/claude-code, got ${route}` });
  });
  const heartbeat = setInterval(() => {
    streams.comment('keep-alive');
  }, 15_000);
  heartbeat.unref();

  return {
    async listen() {
      // A socket file left by a killed daemon refuses connections: the lock already says it is ours.
      await unlink(options.socketPath).catch(() => undefined);
      const previous = process.umask(0o177);
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(options.socketPath, () => {
            server.off('error', reject);
            resolve();
          });
        });
      } finally {
        process.umask(previous);
      }
    },
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      streams.endAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await unlink(options.socketPath).catch(() => undefined);
    },
    statusJson,
  };
}
