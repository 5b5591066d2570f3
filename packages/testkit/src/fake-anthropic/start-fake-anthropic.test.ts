import { afterEach, describe, expect, it } from 'vitest';
import type { FakeAnthropic } from './start-fake-anthropic.js';
import { startFakeAnthropic } from './start-fake-anthropic.js';

const FIXED_NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
let api: FakeAnthropic | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: Parameters<typeof startFakeAnthropic>[0] = {}): Promise<FakeAnthropic> {
  api = await startFakeAnthropic({ clock: () => FIXED_NOW, ...options });
  return api;
}

function messagesBody(prompt: string | unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    model: 'claude-test',
    max_tokens: 100,
    stream: true,
    tools: [{ name: 'Bash', input_schema: { type: 'object' } }],
    messages: [{ role: 'user', content: prompt }],
    ...extra,
  });
}

interface Event {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

function parseSse(text: string): Event[] {
  return text
    .split('\n\n')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const event = /^event: (.+)$/m.exec(chunk)?.[1] ?? '';
      const data = JSON.parse(/^data: (.+)$/m.exec(chunk)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

async function post(server: FakeAnthropic, prompt: string | unknown[], extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${server.url}/v1/messages?beta=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messagesBody(prompt, extra) });
}

function deltas(events: readonly Event[], key: 'text' | 'partial_json' | 'thinking'): string {
  return events
    .filter((e) => e.event === 'content_block_delta')
    .map((e) => (e.data['delta'] as Record<string, unknown>)[key])
    .filter((v): v is string => typeof v === 'string')
    .join('');
}

describe('startFakeAnthropic', () => {
  it('listens on 127.0.0.1 on a free port and answers HEAD /api/hello', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    const res = await fetch(`${server.url}/api/hello`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('streams a plain prompt as message_start, one text block, message_delta, message_stop', async () => {
    const server = await start();
    const res = await post(server, 'hello');
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = parseSse(await res.text());
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(deltas(events, 'text')).toBe('Hello from the fake API. Done.');
    expect((events[0]?.data['message'] as Record<string, unknown>)['model']).toBe('claude-test');
    expect((events[5]?.data['delta'] as Record<string, unknown>)['stop_reason']).toBe('end_turn');
  });

  it('streams SLOW:1 in four deltas (four a second) that add up to the reply', async () => {
    const server = await start();
    const res = await post(server, 'SLOW:1 SAY: 3 tests failed');
    const events = parseSse(await res.text());
    const textDeltas = events.filter((e) => e.event === 'content_block_delta');
    expect(textDeltas.length).toBe(4);
    expect(deltas(events, 'text')).toMatch(/^3 tests failed\n\nWorking through step 1 of 4\./);
  });

  it('answers TOOL_BASH with a Bash tool_use whose streamed JSON is the command', async () => {
    const server = await start();
    const events = parseSse(await (await post(server, 'please TOOL_BASH')).text());
    const toolStart = events.find((e) => e.event === 'content_block_start' && (e.data['content_block'] as Record<string, unknown>)['type'] === 'tool_use');
    expect((toolStart?.data['content_block'] as Record<string, unknown>)['name']).toBe('Bash');
    expect(JSON.parse(deltas(events, 'partial_json'))).toMatchObject({ command: 'rm -rf ./build-output && echo cleaned' });
    const stop = events.find((e) => e.event === 'message_delta');
    expect((stop?.data['delta'] as Record<string, unknown>)['stop_reason']).toBe('tool_use');
  });

  it('streams THINK as a thinking block before the text', async () => {
    const server = await start();
    const events = parseSse(await (await post(server, 'THINK:1 SAY: ok')).text());
    const blockTypes = events
      .filter((e) => e.event === 'content_block_start')
      .map((e) => (e.data['content_block'] as Record<string, unknown>)['type']);
    expect(blockTypes).toEqual(['thinking', 'text']);
    expect(deltas(events, 'thinking')).toContain('Considering option 1.');
  });

  it('answers the turn after a tool ran with text, not with the tool again', async () => {
    const server = await start();
    const prompt = [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'cleaned' }];
    const events = parseSse(await (await post(server, prompt)).text());
    expect(deltas(events, 'text')).toBe('The tool ran. Done.');
    expect(server.requests.at(-1)?.scenario).toBe('after-tool');
  });

  it.each([
    ['ERR500', 500, 'api_error'],
    ['ERR529', 529, 'overloaded_error'],
    ['ERR401', 401, 'authentication_error'],
  ])('answers %s with HTTP %i and an Anthropic %s body', async (keyword, status, type) => {
    const server = await start();
    const res = await post(server, `${keyword} please`);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type } });
  });

  it('answers ERR429 with retry-after and anthropic-ratelimit headers reset from the injected clock', async () => {
    const server = await start();
    const res = await post(server, 'ERR429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(res.headers.get('anthropic-ratelimit-requests-reset')).toBe(new Date(FIXED_NOW + 30_000).toISOString());
    expect(await res.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
  });

  it('answers ERR429_UNIFIED with the subscription-style unified headers, not the plain ERR429 row', async () => {
    const server = await start();
    const res = await post(server, 'ERR429_UNIFIED');
    expect(res.status).toBe(429);
    expect(res.headers.get('anthropic-ratelimit-unified-status')).toBe('rejected');
    expect(res.headers.get('anthropic-ratelimit-unified-reset')).toBe(String(Math.floor(FIXED_NOW / 1000) + 3600));
    expect(server.requests.at(-1)?.scenario).toBe('err429-unified');
  });

  it('takes keywords from the user words only, not from Claude Code <system-reminder> blocks', async () => {
    const server = await start();
    const prompt = [
      { type: 'text', text: '<system-reminder>never ERR500 here</system-reminder>' },
      { type: 'text', text: 'hello' },
    ];
    const res = await post(server, prompt);
    expect(res.status).toBe(200);
    expect(server.requests.at(-1)?.context?.promptText).toBe('hello');
  });

  it('reads keywords from the newest prompt when a failed prompt and a new one share one user message', async () => {
    const server = await start();
    const res = await post(server, [
      { type: 'text', text: 'ERR500 please' },
      { type: 'text', text: 'hello' },
    ]);
    expect(res.status).toBe(200);
    expect(server.requests.at(-1)?.scenario).toBe('default');
  });

  it('answers side requests without tools with a short reply even when the prompt has a keyword', async () => {
    const server = await start();
    const res = await post(server, 'ERR500', { tools: [] });
    expect(res.status).toBe(200);
    expect(server.requests.at(-1)?.scenario).toBe('side-request');
  });

  it('answers a non-streaming request with one JSON message', async () => {
    const server = await start();
    const res = await post(server, 'SAY: plain json', { stream: false });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'text', text: 'plain json' }], stop_reason: 'end_turn' });
  });

  it('answers count_tokens, and logs unknown paths with a 404', async () => {
    const server = await start();
    const counted = await fetch(`${server.url}/v1/messages/count_tokens`, { method: 'POST', body: messagesBody('hello') });
    expect(await counted.json()).toEqual({ input_tokens: 25 });
    const unknown = await fetch(`${server.url}/api/oauth/profile`);
    expect(unknown.status).toBe(404);
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.scenario ?? ''}`)).toEqual([
      'POST /v1/messages/count_tokens ',
      'GET /api/oauth/profile unknown-path',
    ]);
  });

  it('tries caller scenarios before the built-in ones', async () => {
    const server = await start({ scenarios: [{ name: 'mine', match: 'hello', reply: () => ({ kind: 'text', text: 'custom' }) }] });
    const events = parseSse(await (await post(server, 'hello')).text());
    expect(deltas(events, 'text')).toBe('custom');
    expect(server.requests.at(-1)?.scenario).toBe('mine');
  });

  it('ends a HANG stream when closed, so no client waits forever', async () => {
    const server = await start();
    const res = await post(server, 'HANG');
    const body = res.text().then(
      (text) => text,
      () => 'aborted',
    );
    await server.close();
    const text = await body;
    expect(text === 'aborted' || !text.includes('message_stop')).toBe(true);
  });

  it('rejects a port outside 0..65535 naming the value', async () => {
    await expect(startFakeAnthropic({ port: 70_000 })).rejects.toThrow(/`port`.*got `70000`/);
  });
});
