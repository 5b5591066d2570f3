import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

const FIXED_NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
let api: FakeOpenAI | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: Parameters<typeof startFakeOpenAI>[0] = {}): Promise<FakeOpenAI> {
  api = await startFakeOpenAI({ clock: () => FIXED_NOW, ...options });
  return api;
}

/** A body shaped like Codex 0.171's: harness notes as user messages, then the prompt. */
function responsesBody(prompt: string, extraInput: unknown[] = []): string {
  return JSON.stringify({
    model: 'gpt-fake',
    stream: true,
    tools: [{ type: 'function', name: 'exec_command' }],
    input: [
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: '<environment_context>\n  <cwd>/w</cwd>\n</environment_context>' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] },
      ...extraInput,
    ],
  });
}

interface Event {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

function parseSse(text: string): Event[] {
  return text
    .split('\n\n')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const data = JSON.parse(/^data: (.+)$/mu.exec(chunk)?.[1] ?? '{}') as Record<string, unknown>;
      expect(/^event: (.+)$/mu.exec(chunk)?.[1]).toBe(data['type']);
      return { type: String(data['type']), data };
    });
}

async function post(server: FakeOpenAI, prompt: string, extraInput: unknown[] = []): Promise<Response> {
  return fetch(`${server.url}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: responsesBody(prompt, extraInput) });
}

describe('startFakeOpenAI', () => {
  it('listens on 127.0.0.1 on a free port, with /v1 in its base URL', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
    const models = await fetch(`${server.url}/models`);
    expect(await models.json()).toMatchObject({ object: 'list', data: [] });
  });

  it('streams a plain prompt as created, a message item with text deltas, completed', async () => {
    const server = await start();
    const res = await post(server, 'SAY: All done here.');
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = parseSse(await res.text());
    expect(events.map((e) => e.type)).toEqual(['response.created', 'response.output_item.added', 'response.output_text.delta', 'response.output_item.done', 'response.completed']);
    expect(events.map((e) => e.data['sequence_number'])).toEqual([1, 2, 3, 4, 5]);
    expect(events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.data['delta']).join('')).toBe('All done here.');
    expect(server.requests[0]).toMatchObject({ scenario: 'say', context: { promptText: 'SAY: All done here.', isToolResult: false, hasTools: true } });
  });

  it('answers TOOL_EXEC with an exec_command function_call asking for escalation, and the turn after it with text', async () => {
    const server = await start();
    const events = parseSse(await (await post(server, 'TOOL_EXEC clean')).text());
    const call = events.filter((e) => e.type === 'response.output_item.done').map((e) => e.data['item'] as Record<string, unknown>).find((item) => item['type'] === 'function_call');
    expect(call).toMatchObject({ name: 'exec_command', call_id: 'call_fake_1' });
    expect(JSON.parse(String(call?.['arguments']))).toMatchObject({ sandbox_permissions: 'require_escalated' });
    await (await post(server, 'TOOL_EXEC clean', [{ type: 'function_call_output', call_id: 'call_fake_1', output: 'cleaned' }])).text();
    expect(server.requests[1]).toMatchObject({ scenario: 'after-tool', context: { isToolResult: true, toolOutput: 'cleaned' } });
  });

  it('answers ERR429 with HTTP 429, an OpenAI error body and retry-after', async () => {
    const server = await start();
    const res = await post(server, 'ERR429 now');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limit_exceeded', type: 'requests' } });
  });

  it('ends an ERR_STREAM reply with response.failed and a HANG reply after response.created', async () => {
    const server = await start();
    const failed = parseSse(await (await post(server, 'ERR_STREAM')).text());
    expect(failed.map((e) => e.type)).toEqual(['response.created', 'response.failed']);
    const controller = new AbortController();
    const hang = await fetch(`${server.url}/responses`, { method: 'POST', body: responsesBody('HANG'), signal: controller.signal });
    const reader = hang.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('response.created');
    controller.abort();
  });

  it('lets custom scenarios go first and logs unknown paths with a 404', async () => {
    const server = await start({ scenarios: [{ name: 'mine', match: 'hello', reply: () => ({ kind: 'text', text: 'mine' }) }] });
    await (await post(server, 'hello there')).text();
    expect(server.requests[0]?.scenario).toBe('mine');
    expect((await fetch(`${server.url}/chat/completions`, { method: 'POST' })).status).toBe(404);
    expect(server.requests[1]).toMatchObject({ scenario: 'unknown-path', url: '/v1/chat/completions' });
  });

  it('rejects a port outside 0..65535, naming it', async () => {
    await expect(startFakeOpenAI({ port: 70000 })).rejects.toThrow('Expected `port` to be an integer from 0 to 65535, got `70000`');
  });
});
