import type { FakeGeminiReply, FakeGeminiScenario } from './gemini-reply.js';
import { jsonForSchema } from './json-for-schema.js';

/** Seconds given after a keyword as `KEY:12`, or `fallback`. */
function secondsAfter(keyword: string, prompt: string, fallback: number): number {
  const found = new RegExp(`\\b${keyword}:(\\d+)`).exec(prompt);
  return found?.[1] === undefined ? fallback : Number(found[1]);
}

/** Text after `SAY:` up to the end of its line, so a test chooses the words the agent prints. */
function sayText(prompt: string): string | undefined {
  return /\bSAY:\s*(.+)/.exec(prompt)?.[1]?.trim();
}

function slowText(seconds: number, words: string | undefined): FakeGeminiReply {
  const chunks = Math.max(1, seconds * 4);
  const filler = Array.from({ length: chunks }, (_, i) => `Working through step ${i + 1} of ${chunks}.`).join(' ');
  return { kind: 'text', text: words === undefined ? filler : `${words}\n\n${filler}`, chunks, chunkDelayMs: 250 };
}

function quotaError(quotaId: string, retryDelay: string | undefined, message: string): FakeGeminiReply {
  return {
    kind: 'http_error',
    status: 429,
    rpcStatus: 'RESOURCE_EXHAUSTED',
    message,
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId }],
      },
      ...(retryDelay === undefined ? [] : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }]),
    ],
  };
}

/**
 * The built-in reply script, first match wins. Keywords are whole words in the last user prompt:
 *
 * | keyword | reply |
 * |---|---|
 * | `SLOW` / `SLOW:n` | text streamed over n seconds (default 20): the agent is active |
 * | `THINK` / `THINK:n` | thought parts streamed over n seconds (default 20), then text |
 * | `HANG` | headers, then silence: the loading indicator runs until cancelled |
 * | `TOOL_SHELL` | a `run_shell_command` call, which asks for approval |
 * | `TOOL_WRITE` | a `write_file` call, which asks for approval |
 * | `ASK` | an `ask_user` call: a multiple-choice question |
 * | `ERR500` | HTTP 500 `INTERNAL` on every try: the CLI's retry loop |
 * | `ERR400` | HTTP 400 `INVALID_ARGUMENT` "API key not valid" |
 * | `ERR429` | HTTP 429 per-minute quota with `RetryInfo` 30 s: retried after the delay |
 * | `ERR429_DAILY` | HTTP 429 per-day quota: a terminal quota error |
 * | `SAY: words` | the reply text starts with `words` (combine with `SLOW`) |
 * | anything else | a short text reply |
 *
 * Side requests that ask for JSON (the model router, the next-speaker check) get the smallest
 * JSON their schema allows, whatever the prompt says, so a keyword hits the main request only.
 * Chat compression (`/compress`, its system prompt asks for a `<state_snapshot>`) is answered by
 * a snapshot streamed over 6 seconds.
 */
export const defaultGeminiScenarios: readonly FakeGeminiScenario[] = [
  {
    name: 'json-side-request',
    description: 'the model router and other side requests with a responseJsonSchema',
    match: (r) => r.responseSchema !== undefined,
    reply: (r) => ({ kind: 'text', text: JSON.stringify(jsonForSchema(r.responseSchema)) }),
  },
  {
    name: 'compress',
    description: 'the state snapshot request of /compress',
    match: (r) => /<state_snapshot>/.test(r.systemText) || /<state_snapshot>/.test(r.promptText),
    reply: () => ({
      kind: 'text',
      text: '<state_snapshot><overall_goal>Try the fake API.</overall_goal></state_snapshot>',
      chunks: 24,
      chunkDelayMs: 250,
    }),
  },
  { name: 'after-tool', description: 'the turn after a tool ran', match: (r) => r.isToolResult, reply: () => ({ kind: 'text', text: 'The tool ran. Done.' }) },
  { name: 'err500', match: 'ERR500', reply: () => ({ kind: 'http_error', status: 500, rpcStatus: 'INTERNAL', message: 'Internal error encountered.' }) },
  {
    name: 'err400',
    match: 'ERR400',
    reply: () => ({
      kind: 'http_error',
      status: 400,
      rpcStatus: 'INVALID_ARGUMENT',
      message: 'API key not valid. Please pass a valid API key.',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
    }),
  },
  {
    name: 'err429-daily',
    match: 'ERR429_DAILY',
    reply: () => quotaError('GenerateRequestsPerDayPerProjectPerModel-FreeTier', undefined, 'You exceeded your current quota, please check your plan and billing details.'),
  },
  {
    name: 'err429',
    match: 'ERR429',
    reply: () => quotaError('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', '30s', 'You exceeded your current quota. Please retry in 30s.'),
  },
  {
    name: 'tool-shell',
    match: 'TOOL_SHELL',
    reply: () => ({
      kind: 'function_call',
      name: 'run_shell_command',
      text: 'I will clean the build output.',
      args: { command: 'rm -rf ./build-output && echo cleaned', description: 'Remove the build output' },
    }),
  },
  {
    name: 'tool-write',
    match: 'TOOL_WRITE',
    reply: () => ({
      kind: 'function_call',
      name: 'write_file',
      text: 'I will write the notes file.',
      args: { file_path: 'tmux-orc-fake-notes.txt', content: 'hello from the fake API\n' },
    }),
  },
  {
    name: 'ask',
    match: 'ASK',
    reply: () => ({
      kind: 'function_call',
      name: 'ask_user',
      args: {
        questions: [
          {
            question: 'Which database should the service use?',
            header: 'Database',
            type: 'choice',
            options: [
              { label: 'PostgreSQL', description: 'Relational, already in the stack' },
              { label: 'SQLite', description: 'A single file, no server' },
            ],
          },
        ],
      },
    }),
  },
  { name: 'hang', match: 'HANG', reply: () => ({ kind: 'hang' }) },
  {
    name: 'think',
    match: /\bTHINK\b|\bTHINK:\d+/,
    reply: (r) => {
      const seconds = secondsAfter('THINK', r.promptText, 20);
      const chunks = Math.max(1, seconds * 4);
      return {
        kind: 'text',
        thought: Array.from({ length: chunks }, (_, i) => `**Considering option ${i + 1}**\n\n`).join(''),
        text: sayText(r.promptText) ?? 'I thought about it. Done.',
        chunks,
        chunkDelayMs: 250,
      };
    },
  },
  { name: 'slow', match: /\bSLOW\b|\bSLOW:\d+/, reply: (r) => slowText(secondsAfter('SLOW', r.promptText, 20), sayText(r.promptText)) },
  { name: 'say', match: /\bSAY:/, reply: (r) => ({ kind: 'text', text: sayText(r.promptText) ?? '' }) },
  { name: 'default', match: () => true, reply: () => ({ kind: 'text', text: 'Hello from the fake API. Done.' }) },
];
