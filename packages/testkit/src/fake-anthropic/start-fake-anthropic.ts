import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultScenarios } from './default-scenarios.js';
import { TestkitError } from '../testkit-error.js';
import type { FakeReply, FakeRequestContext, FakeScenario } from './fake-reply.js';
import { chooseScenario } from './choose-scenario.js';
import { toRequestContext } from './request-context.js';
import { encodeSseEvent, replyContent, streamEvents } from './sse-events.js';

/** One request the fake API received, in arrival order. */
export interface FakeAnthropicRequest {
  readonly method: string;
  /** Path with query string, e.g. `/v1/messages?beta=true`. */
  readonly url: string;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  readonly body: unknown;
  /** The scenario that answered a `POST /v1/messages`; `unknown-path` for paths the fake does not know. */
  readonly scenario?: string;
  /** What the scenario saw (messages requests only). */
  readonly context?: FakeRequestContext;
  /** Milliseconds since the epoch at arrival, from `clock`. */
  readonly receivedAt: number;
}

/** Options of {@link startFakeAnthropic}. */
export interface FakeAnthropicOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Rows tried before the built-in {@link defaultScenarios}, first match wins. */
  readonly scenarios?: readonly FakeScenario[];
  /** Time source for `receivedAt` and rate-limit reset headers. Defaults to `Date.now`. */
  readonly clock?: () => number;
}

/** A running fake Anthropic API. `await using api = await startFakeAnthropic()` closes it at scope end. */
export interface FakeAnthropic extends AsyncDisposable {
  /** Base URL for `ANTHROPIC_BASE_URL`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Every request received so far (live array). */
  readonly requests: readonly FakeAnthropicRequest[];
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

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Starts a local HTTP server that speaks enough of the Anthropic API for Claude Code:
 * `POST /v1/messages` (streamed as server-sent events, or plain JSON when `stream` is false),
 * `POST /v1/messages/count_tokens`, `HEAD|GET /api/hello`. Other paths answer 404 and are logged
 * in `requests`. The reply is chosen by the scenario table from the last user prompt text.
 */
export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const clock = options.clock ?? Date.now;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TestkitError('INVALID_OPTION', `Expected \`port\` to be an integer from 0 to 65535, got \`${port}\``);
  }
  const scenarios = [...(options.scenarios ?? []), ...defaultScenarios];
  const requests: FakeAnthropicRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const streamReply = (res: ServerResponse, reply: FakeReply, model: string): void => {
    counter += 1;
    const events = streamEvents(reply, { messageId: `msg_fake_${counter}`, toolUseId: `toolu_fake_${counter}`, model });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': 'req_fake' });
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
        if (!res.destroyed) res.write(encodeSseEvent(event));
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

  const answerMessages = (req: IncomingMessage, res: ServerResponse, body: unknown): void => {
    const context = toRequestContext(body, clock());
    const scenario = chooseScenario(scenarios, context);
    const reply: FakeReply = scenario?.reply(context) ?? { kind: 'text', text: 'Done.' };
    requests.push({ method: req.method ?? '', url: req.url ?? '', body, scenario: scenario?.name ?? 'none', context, receivedAt: context.now });
    if (reply.kind === 'http_error') {
      sendJson(res, reply.status, { type: 'error', error: { type: reply.errorType, message: reply.message } }, { ...reply.headers });
      return;
    }
    const streaming = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
    if (streaming) return streamReply(res, reply, context.model);
    if (reply.kind === 'hang') return; // never answered; the client times out or aborts
    counter += 1;
    sendJson(res, 200, {
      id: `msg_fake_${counter}`,
      type: 'message',
      role: 'assistant',
      model: context.model,
      content: replyContent(reply, { toolUseId: `toolu_fake_${counter}` }),
      stop_reason: reply.kind === 'tool_use' ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 10 },
    });
  };

  const server = createServer((req, res) => {
    void readBody(req).then(
      (body) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path === '/api/hello') {
          requests.push({ method: req.method ?? '', url: req.url ?? '', body, receivedAt: clock() });
          return sendJson(res, 200, { message: 'hello' });
        }
        if (req.method === 'POST' && path === '/v1/messages/count_tokens') {
          requests.push({ method: req.method, url: req.url ?? '', body, receivedAt: clock() });
          return sendJson(res, 200, { input_tokens: 25 });
        }
        if (req.method === 'POST' && path === '/v1/messages') return answerMessages(req, res, body);
        requests.push({ method: req.method ?? '', url: req.url ?? '', body, scenario: 'unknown-path', receivedAt: clock() });
        sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `Not found: ${req.method ?? ''} ${path}` } });
      },
      () => sendJson(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'Unreadable request body' } }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new TestkitError('SPAWN_FAILED', `Expected the fake Anthropic API to listen on 127.0.0.1:${port}, got ${String(cause)}`, { cause })),
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
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close,
    [Symbol.asyncDispose]: close,
  };
}
