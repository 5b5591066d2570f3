import type { FakeOpenAIReply, FakeOpenAIScenario } from './openai-reply.js';

/** Seconds given after a keyword as `KEY:12`, or `fallback`. */
function secondsAfter(keyword: string, prompt: string, fallback: number): number {
  const found = new RegExp(`\\b${keyword}:(\\d+)`, 'u').exec(prompt);
  return found?.[1] === undefined ? fallback : Number(found[1]);
}

/** Text after `SAY:` up to the end of its line, so a test chooses the words the agent prints. */
function sayText(prompt: string): string | undefined {
  return /\bSAY:\s*(.+)/u.exec(prompt)?.[1]?.trim();
}

function slowText(seconds: number, words: string | undefined): FakeOpenAIReply {
  const chunks = Math.max(1, seconds * 4);
  const filler = Array.from({ length: chunks }, (_, i) => `Working through step ${i + 1} of ${chunks}.`).join(' ');
  return { kind: 'text', text: words === undefined ? filler : `${words}\n\n${filler}`, chunks, chunkDelayMs: 250 };
}

/**
 * The built-in reply script for Codex CLI, first match wins. Keywords are whole words in the last
 * user message:
 *
 * | keyword | reply |
 * |---|---|
 * | `SLOW` / `SLOW:n` | text streamed over n seconds (default 20) — Codex is working |
 * | `THINK` / `THINK:n` | a reasoning summary streamed over n seconds (default 20), then text |
 * | `HANG` | `response.created`, then silence: the working indicator runs until interrupted |
 * | `TOOL_EXEC` | an `exec_command` asking for escalated permissions: Codex's approval dialog |
 * | `ASK_PLAN` | a `request_user_input` question with options (Plan mode's question dialog) |
 * | `MCP_CALL` | a call of the fake MCP server's destructive `delete_ticket` (`mcp__tracker` namespace): Codex's MCP permission dialog |
 * | `ERR500` | HTTP 500 on every try: Codex's reconnect loop |
 * | `ERR401` | HTTP 401 `invalid_api_key` |
 * | `ERR429` | HTTP 429 `rate_limit_exceeded` with `retry-after` |
 * | `USAGE_LIMIT` | HTTP 429 `usage_limit_reached` (a plan's limit, with a reset time) |
 * | `ERR_STREAM` | a 200 stream that ends with `response.failed` |
 * | `SAY: words` | the reply text is `words` (combine with `SLOW`) |
 * | anything else | a short text reply |
 *
 * The turn after a tool call (a `function_call_output`) gets a short text reply; `/compact`'s
 * summary request is streamed over 6 seconds; requests without tools (titles) get `Fake session`.
 */
export const codexScenarios: readonly FakeOpenAIScenario[] = [
  {
    name: 'compact',
    description: 'the summary request /compact sends (streamed over 6 seconds, so the compaction can be seen)',
    match: /CONTEXT CHECKPOINT COMPACTION/u,
    reply: () => ({ kind: 'text', text: 'The user tried the fake API. Nothing is pending.', chunks: 24, chunkDelayMs: 250 }),
  },
  { name: 'side-request', description: 'requests without tools (titles, summaries)', match: (r) => !r.hasTools, reply: () => ({ kind: 'text', text: 'Fake session' }) },
  { name: 'after-tool', description: 'the turn after a tool ran', match: (r) => r.isToolResult, reply: () => ({ kind: 'text', text: 'The command ran. Done.' }) },
  {
    name: 'err500',
    match: 'ERR500',
    reply: () => ({ kind: 'http_error', status: 500, error: { message: 'The server had an error while processing your request.', type: 'server_error' } }),
  },
  {
    name: 'err401',
    match: 'ERR401',
    reply: () => ({ kind: 'http_error', status: 401, error: { message: 'Incorrect API key provided: sk-fake.', type: 'invalid_request_error', code: 'invalid_api_key' } }),
  },
  {
    name: 'usage-limit',
    match: 'USAGE_LIMIT',
    reply: (r) => ({
      kind: 'http_error',
      status: 429,
      error: { message: 'The usage limit has been reached', type: 'usage_limit_reached', code: 'usage_limit_reached' },
      headers: { 'x-codex-primary-used-percent': '100', 'x-codex-primary-window-minutes': '300', 'x-codex-primary-reset-at': String(Math.floor(r.now / 1000) + 3600) },
    }),
  },
  {
    name: 'err429',
    match: 'ERR429',
    reply: () => ({
      kind: 'http_error',
      status: 429,
      // A short retry-after: Codex waits it out silently between its request retries before it says anything.
      error: { message: 'Rate limit reached for requests per min. Please try again in 2s.', type: 'requests', code: 'rate_limit_exceeded' },
      headers: { 'retry-after': '2', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2s' },
    }),
  },
  {
    name: 'tool-exec',
    match: 'TOOL_EXEC',
    reply: () => ({
      kind: 'function_call',
      name: 'exec_command',
      text: 'I will clean the build output.',
      arguments: { cmd: 'rm -rf ./build-output && echo cleaned', sandbox_permissions: 'require_escalated', justification: 'Do you want to remove the build output?' },
    }),
  },
  {
    name: 'ask-plan',
    match: 'ASK_PLAN',
    reply: () => ({
      kind: 'function_call',
      name: 'request_user_input',
      arguments: {
        questions: [
          {
            id: 'test_runner',
            header: 'Tests',
            question: 'Which test runner should the plan use?',
            options: [
              { label: 'Vitest (Recommended)', description: 'Already used by every package.' },
              { label: 'Jest', description: 'Needs a new config.' },
            ],
          },
        ],
      },
    }),
  },
  {
    name: 'mcp-call',
    match: 'MCP_CALL',
    reply: () => ({ kind: 'function_call', name: 'delete_ticket', namespace: 'mcp__tracker', arguments: { id: 'T-1' } }),
  },
  { name: 'err-stream', match: 'ERR_STREAM', reply: () => ({ kind: 'failed', code: 'server_error', message: 'The model failed mid-answer.' }) },
  { name: 'hang', match: 'HANG', reply: () => ({ kind: 'hang' }) },
  {
    name: 'think',
    match: /\bTHINK\b|\bTHINK:\d+/u,
    reply: (r) => {
      const seconds = secondsAfter('THINK', r.promptText, 20);
      const chunks = Math.max(1, seconds * 4);
      return {
        kind: 'text',
        reasoning: Array.from({ length: chunks }, (_, i) => `Considering option ${i + 1}.`).join(' '),
        text: sayText(r.promptText) ?? 'I thought about it. Done.',
        chunks,
        chunkDelayMs: 250,
      };
    },
  },
  { name: 'slow', match: /\bSLOW\b|\bSLOW:\d+/u, reply: (r) => slowText(secondsAfter('SLOW', r.promptText, 20), sayText(r.promptText)) },
  { name: 'say', match: /\bSAY:/u, reply: (r) => ({ kind: 'text', text: sayText(r.promptText) ?? '' }) },
  { name: 'default', match: () => true, reply: () => ({ kind: 'text', text: 'Hello from the fake API. Done.' }) },
];
