import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestkitError } from '../testkit-error.js';
import { defaultGeminiScenarios } from './default-gemini-scenarios.js';
import { geminiChunks, geminiResponse } from './gemini-chunks.js';
import type { FakeGeminiReply, FakeGeminiRequestContext, FakeGeminiScenario } from './gemini-reply.js';
import { toGeminiRequestContext } from './gemini-request-context.js';
import { readJsonBody, sendJson } from './http-json.js';
import { chooseGeminiScenario } from './choose-gemini-scenario.js';

/** One request the fake API received, in arrival order. */
export interface FakeGeminiRequest {
  readonly method: string;
  /** Path with query string, e.g. `/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse`. */
  readonly url: string;
  /** Parsed JSON body, or undefined when the body was empty. */
  readonly body: unknown;
  /** The scenario that answered a generate request; `unknown-path` for paths the fake does not know. */
  readonly scenario?: string;
  /** What the scenario saw (generate requests only). */
  readonly context?: FakeGeminiRequestContext;
  /** Milliseconds since the epoch at arrival, from `clock`. */
  readonly receivedAt: number;
}

/** Options of {@link startFakeGemini}. */
export interface FakeGeminiOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Rows tried before the built-in {@link defaultGeminiScenarios}, first match wins. */
  readonly scenarios?: readonly FakeGeminiScenario[];
  /** Time source for `receivedAt`. Defaults to `Date.now`. */
  readonly clock?: () => number;
}

/** A running fake Gemini API. `await using api = await startFakeGemini()` closes it at scope end. */
export interface FakeGemini extends AsyncDisposable {
  /** Base URL for `GOOGLE_GEMINI_BASE_URL`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Every request received so far (live array). */
  readonly requests: readonly FakeGeminiRequest[];
  /** Stops listening and ends open streams; idempotent. */
  close(): Promise<void>;
}

const generatePath = /^\/v1(?:beta|alpha)?\/models\/[^/:]+:(streamGenerateContent|generateContent|countTokens)$/;

/**
 * Starts a local HTTP server that speaks enough of the Gemini API (`generativelanguage`) for
 * Gemini CLI: `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (server-sent events),
 * `…:generateContent` (one JSON answer, after as long as its stream would take; the CLI's model
 * router, next-speaker check and `/compress` use it),
 * `…:countTokens`. Other paths answer 404 and are logged in `requests`. The reply is chosen by
 * the scenario table from the last user prompt text.
 */
export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  const clock = options.clock ?? Date.now;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TestkitError('INVALID_OPTION', `Expected \`port\` to be an integer from 0 to 65535, got \`${port}\``);
  }
  const scenarios = [...(options.scenarios ?? []), ...defaultGeminiScenarios];
  const requests: FakeGeminiRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const later = (delayMs: number, action: () => void): void => {
    if (delayMs <= 0) return action();
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  };

  const streamReply = (res: ServerResponse, reply: FakeGeminiReply, model: string): void => {
    const chunks = geminiChunks(reply, model);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    // A `hang` sends no chunk: the headers must still go out, so the client sees a started stream.
    res.flushHeaders();
    let at = 0;
    const next = (): void => {
      if (res.destroyed) return;
      const chunk = chunks[at];
      if (chunk === undefined) {
        if (reply.kind !== 'hang') res.end();
        return;
      }
      at += 1;
      later(chunk.delayMs, () => {
        if (!res.destroyed) res.write(`data: ${JSON.stringify(chunk.data)}\r\n\r\n`);
        next();
      });
    };
    next();
  };

  const answerGenerate = (req: IncomingMessage, res: ServerResponse, body: unknown, url: string): void => {
    const context = toGeminiRequestContext(body, url, clock());
    const scenario = chooseGeminiScenario(scenarios, context);
    const reply: FakeGeminiReply = scenario?.reply(context) ?? { kind: 'text', text: 'Done.' };
    requests.push({ method: req.method ?? '', url, body, scenario: scenario?.name ?? 'none', context, receivedAt: context.now });
    if (reply.kind === 'http_error') {
      const error = { code: reply.status, message: reply.message, status: reply.rpcStatus, ...(reply.details === undefined ? {} : { details: reply.details }) };
      return sendJson(res, reply.status, { error }, { ...reply.headers });
    }
    if (context.streaming) return streamReply(res, reply, context.model);
    if (reply.kind === 'hang') return; // never answered; the client times out or aborts
    // One JSON answer takes as long as its stream would (/compress asks this way): a slow reply stays slow.
    const takesMs = geminiChunks(reply, context.model).reduce((sum, chunk) => sum + chunk.delayMs, 0);
    later(takesMs, () => {
      if (!res.destroyed) sendJson(res, 200, geminiResponse(reply, context.model));
    });
  };

  const server = createServer((req, res) => {
    void readJsonBody(req).then(
      (body) => {
        const url = req.url ?? '/';
        const path = url.split('?')[0] ?? '/';
        const method = generatePath.exec(path)?.[1];
        if (req.method === 'POST' && method === 'countTokens') {
          requests.push({ method: req.method, url, body, receivedAt: clock() });
          return sendJson(res, 200, { totalTokens: 25 });
        }
        if (req.method === 'POST' && method !== undefined) return answerGenerate(req, res, body, url);
        requests.push({ method: req.method ?? '', url, body, scenario: 'unknown-path', receivedAt: clock() });
        sendJson(res, 404, { error: { code: 404, message: `Not found: ${req.method ?? ''} ${path}`, status: 'NOT_FOUND' } });
      },
      () => sendJson(res, 400, { error: { code: 400, message: 'Unreadable request body', status: 'INVALID_ARGUMENT' } }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new TestkitError('SPAWN_FAILED', `Expected the fake Gemini API to listen on 127.0.0.1:${port}, got ${String(cause)}`, { cause })),
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
  return { url: `http://127.0.0.1:${address.port}`, port: address.port, requests, close, [Symbol.asyncDispose]: close };
}
