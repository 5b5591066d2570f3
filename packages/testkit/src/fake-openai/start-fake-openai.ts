import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestkitError } from '../testkit-error.js';
import { codexScenarios } from './codex-scenarios.js';
import type { FakeOpenAIReply, FakeOpenAIRequestContext, FakeOpenAIScenario } from './openai-reply.js';
import { encodeResponsesEvent, responsesEvents } from './responses-events.js';
import { toResponsesContext } from './responses-request-context.js';

/** One request the fake API received, in arrival order. */
export interface FakeOpenAIRequest {
  readonly method: string;
  /** Path with query string, e.g. `/v1/responses`. */
  readonly url: string;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  readonly body: unknown;
  /** The scenario that answered a `POST /v1/responses`; `unknown-path` for paths the fake does not know. */
  readonly scenario?: string;
  /** What the scenario saw (responses requests only). */
  readonly context?: FakeOpenAIRequestContext;
  /** Milliseconds since the epoch at arrival, from `clock`. */
  readonly receivedAt: number;
}

/** Options of {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Rows tried before the built-in {@link codexScenarios}, first match wins. */
  readonly scenarios?: readonly FakeOpenAIScenario[];
  /** Time source for `receivedAt` and rate-limit reset headers. Defaults to `Date.now`. */
  readonly clock?: () => number;
}

/** A running fake OpenAI API. `await using api = await startFakeOpenAI()` closes it at scope end. */
export interface FakeOpenAI extends AsyncDisposable {
  /** Base URL including `/v1`, for a Codex `model_providers.<id>.base_url`, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  readonly port: number;
  /** Every request received so far (live array). */
  readonly requests: readonly FakeOpenAIRequest[];
  /** Stops listening and ends open streams; idempotent. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text) as unknown);
      } catch {
        resolve(text);
      }
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_fake', ...headers });
  res.end(JSON.stringify(body));
}

function matches(scenario: FakeOpenAIScenario, request: FakeOpenAIRequestContext): boolean {
  const { match } = scenario;
  if (typeof match === 'function') return match(request);
  const pattern = typeof match === 'string' ? new RegExp(`\\b${match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u') : match;
  return pattern.test(request.promptText);
}

/**
 * Starts a local HTTP server that speaks enough of the OpenAI Responses API for Codex CLI:
 * `POST /v1/responses` streamed as server-sent events (`response.created` …
 * `response.output_text.delta` … `response.completed`), `GET /v1/models` (an empty list).
 * Other paths answer 404 and are logged in `requests`. The reply is chosen by the scenario table
 * from the last user message.
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const clock = options.clock ?? Date.now;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TestkitError('INVALID_OPTION', `Expected \`port\` to be an integer from 0 to 65535, got \`${port}\``);
  }
  const scenarios = [...(options.scenarios ?? []), ...codexScenarios];
  const requests: FakeOpenAIRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const streamReply = (res: ServerResponse, reply: FakeOpenAIReply, model: string): void => {
    counter += 1;
    const events = responsesEvents(reply, { responseId: `resp_fake_${counter}`, messageId: `msg_fake_${counter}`, callId: `call_fake_${counter}`, model });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': 'req_fake' });
    let at = 0;
    const next = (): void => {
      if (res.destroyed) return;
      const event = events[at];
      if (event === undefined) {
        if (reply.kind !== 'hang') res.end();
        return;
      }
      at += 1;
      const send = (): void => {
        if (!res.destroyed) res.write(encodeResponsesEvent(event, at));
        next();
      };
      if (event.delayMs <= 0) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, event.delayMs);
      timers.add(timer);
    };
    next();
  };

  const answerResponses = (req: IncomingMessage, res: ServerResponse, body: unknown): void => {
    const context = toResponsesContext(body, clock());
    const scenario = scenarios.find((row) => matches(row, context));
    const reply: FakeOpenAIReply = scenario?.reply(context) ?? { kind: 'text', text: 'Done.' };
    requests.push({ method: req.method ?? '', url: req.url ?? '', body, scenario: scenario?.name ?? 'none', context, receivedAt: context.now });
    if (reply.kind === 'http_error') return sendJson(res, reply.status, { error: { param: null, code: null, ...reply.error } }, reply.headers);
    streamReply(res, reply, context.model);
  };

  const server = createServer((req, res) => {
    void readBody(req).then(
      (body) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (req.method === 'POST' && path === '/v1/responses') return answerResponses(req, res, body);
        if (req.method === 'GET' && path === '/v1/models') {
          requests.push({ method: req.method, url: req.url ?? '', body, receivedAt: clock() });
          return sendJson(res, 200, { object: 'list', data: [], models: [] });
        }
        requests.push({ method: req.method ?? '', url: req.url ?? '', body, scenario: 'unknown-path', receivedAt: clock() });
        sendJson(res, 404, { error: { message: `Not found: ${req.method ?? ''} ${path}`, type: 'invalid_request_error', code: 'not_found' } });
      },
      () => sendJson(res, 400, { error: { message: 'Unreadable request body', type: 'invalid_request_error' } }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new TestkitError('SPAWN_FAILED', `Expected the fake OpenAI API to listen on 127.0.0.1:${port}, got ${String(cause)}`, { cause })),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  return { url: `http://127.0.0.1:${address.port}/v1`, port: address.port, requests, close, [Symbol.asyncDispose]: close };
}
