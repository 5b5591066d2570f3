import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGemini, startFakeGemini } from './start-fake-gemini.js';

let api: FakeGemini | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: Parameters<typeof startFakeGemini>[0] = {}): Promise<FakeGemini> {
  api = await startFakeGemini({ clock: () => 1_000, ...options });
  return api;
}

const tools = [{ functionDeclarations: [{ name: 'run_shell_command' }, { name: 'write_file' }] }];

function body(prompt: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    contents: [
      { role: 'user', parts: [{ text: '<session_context>\nThis is the Gemini CLI. ERR500 here is not a keyword.\n</session_context>' }] },
      { role: 'model', parts: [{ text: 'ok' }] },
      { role: 'user', parts: [{ text: prompt }] },
    ],
    systemInstruction: { parts: [{ text: 'You are Gemini CLI' }] },
    tools,
    ...extra,
  });
}

async function stream(server: FakeGemini, prompt: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${server.url}/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse`, { method: 'POST', body: body(prompt, extra) });
}

/** The `GenerateContentResponse`s of an SSE body, in order. */
function chunks(text: string): { candidates: { content: { parts: Record<string, unknown>[] }; finishReason?: string }[] }[] {
  return text
    .split('\r\n\r\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => JSON.parse(event.slice('data: '.length)) as ReturnType<typeof chunks>[number]);
}

const partsOf = (text: string) => chunks(text).flatMap((chunk) => chunk.candidates[0]?.content.parts ?? []);

describe('startFakeGemini', () => {
  it('streams a plain prompt as SSE chunks whose last one says STOP', async () => {
    const server = await start();
    const res = await stream(server, 'hello');
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const all = chunks(await res.text());
    expect(partsOf(await (await stream(server, 'hello')).text()).map((part) => part['text']).join('')).toBe('Hello from the fake API. Done.');
    expect(all.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
    expect(server.requests[0]).toMatchObject({ scenario: 'default', context: { promptText: 'hello', model: 'gemini-2.5-pro', streaming: true, hasTools: true } });
  });

  it('streams SLOW:1 in four text chunks that add up to the reply, and THINK as thought parts first', async () => {
    const server = await start();
    const slow = partsOf(await (await stream(server, 'SLOW:1 SAY: 3 tests failed')).text());
    expect(slow).toHaveLength(4);
    expect(slow.map((part) => part['text']).join('')).toMatch(/^3 tests failed\n\nWorking through step 1 of 4\./u);
    const think = partsOf(await (await stream(server, 'THINK:1 SAY: ok')).text());
    expect(think.slice(0, 4).every((part) => part['thought'] === true)).toBe(true);
    expect(think.filter((part) => part['thought'] !== true).map((part) => part['text']).join('')).toBe('ok');
  });

  it('answers TOOL_SHELL with a run_shell_command functionCall after its text', async () => {
    const server = await start();
    const parts = partsOf(await (await stream(server, 'please TOOL_SHELL')).text());
    expect(parts).toEqual([{ text: 'I will clean the build output.' }, { functionCall: { name: 'run_shell_command', args: expect.objectContaining({ command: 'rm -rf ./build-output && echo cleaned' }) } }]);
  });

  it('answers the turn after a tool ran with text, not with the tool again', async () => {
    const server = await start();
    const contents = [{ role: 'user', parts: [{ functionResponse: { name: 'run_shell_command', response: { output: 'cleaned' } } }] }];
    const parts = partsOf(await (await stream(server, '', { contents })).text());
    expect(parts).toEqual([{ text: 'The tool ran. Done.' }]);
    expect(server.requests.at(-1)?.scenario).toBe('after-tool');
  });

  it.each([
    ['ERR500', 500, 'INTERNAL'],
    ['ERR400', 400, 'INVALID_ARGUMENT'],
    ['ERR429', 429, 'RESOURCE_EXHAUSTED'],
    ['ERR429_DAILY', 429, 'RESOURCE_EXHAUSTED'],
  ])('answers %s with HTTP %i and a Google API error body of status %s', async (keyword, status, rpcStatus) => {
    const server = await start();
    const res = await stream(server, `${keyword} please`);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code: status, status: rpcStatus } });
  });

  it('tells a per-minute quota (RetryInfo 30s) from a per-day one', async () => {
    const server = await start();
    const minute = (await (await stream(server, 'ERR429')).json()) as { error: { details: Record<string, unknown>[] } };
    const day = (await (await stream(server, 'ERR429_DAILY')).json()) as { error: { details: Record<string, unknown>[] } };
    expect(minute.error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' });
    expect(JSON.stringify(day.error.details)).toContain('PerDay');
    expect(JSON.stringify(day.error.details)).not.toContain('RetryInfo');
  });

  it('answers a generateContent side request with JSON its responseJsonSchema allows, whatever the prompt says', async () => {
    const server = await start();
    const generationConfig = {
      responseMimeType: 'application/json',
      responseJsonSchema: {
        type: 'OBJECT',
        properties: { complexity_reasoning: { type: 'STRING' }, complexity_score: { type: 'INTEGER' }, next_speaker: { type: 'string', enum: ['user', 'model'] } },
      },
    };
    const res = await fetch(`${server.url}/v1beta/models/gemini-flash-lite:generateContent`, { method: 'POST', body: body('ERR500 please', { generationConfig, tools: [] }) });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { candidates: { content: { parts: { text: string }[] } }[] };
    expect(JSON.parse(answer.candidates[0]?.content.parts[0]?.text ?? '')).toEqual({ complexity_reasoning: 'fake', complexity_score: 10, next_speaker: 'user' });
    expect(server.requests.at(-1)?.scenario).toBe('json-side-request');
  });

  it('answers a slow reply asked without streaming after as long as its stream takes', async () => {
    const server = await start();
    const started = performance.now();
    const res = await fetch(`${server.url}/v1beta/models/gemini-flash:generateContent`, { method: 'POST', body: body('SLOW:1') });
    const answer = (await res.json()) as { candidates: { content: { parts: { text: string }[] } }[] };
    expect(answer.candidates[0]?.content.parts.map((part) => part.text).join('')).toMatch(/^Working through step 1 of 4\./u);
    // Three chunk delays of 250 ms stand between the first and the last piece.
    expect(performance.now() - started).toBeGreaterThanOrEqual(700);
  });

  it('answers countTokens, and logs unknown paths with a 404', async () => {
    const server = await start();
    const counted = await fetch(`${server.url}/v1beta/models/gemini-2.5-pro:countTokens`, { method: 'POST', body: '{}' });
    expect(await counted.json()).toEqual({ totalTokens: 25 });
    const unknown = await fetch(`${server.url}/v1beta/files`);
    expect(unknown.status).toBe(404);
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.scenario ?? ''}`)).toEqual([
      'POST /v1beta/models/gemini-2.5-pro:countTokens ',
      'GET /v1beta/files unknown-path',
    ]);
  });

  it('tries caller scenarios before the built-in ones', async () => {
    const server = await start({ scenarios: [{ name: 'mine', match: 'hello', reply: () => ({ kind: 'text', text: 'custom' }) }] });
    expect(partsOf(await (await stream(server, 'hello')).text())).toEqual([{ text: 'custom' }]);
  });

  it('ends a HANG stream when closed, so no client waits forever', async () => {
    const server = await start();
    const res = await stream(server, 'HANG');
    const text = res.text().then(
      (body) => body,
      () => 'aborted',
    );
    await server.close();
    expect(await text).not.toContain('STOP');
  });

  it('rejects a port outside 0..65535 naming the value', async () => {
    await expect(startFakeGemini({ port: 70_000 })).rejects.toThrow(/`port`.*got `70000`/u);
  });
});
