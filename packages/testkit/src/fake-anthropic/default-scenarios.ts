import type { FakeReply, FakeRequestContext, FakeScenario } from './fake-reply.js';
import { toolScenarios } from './tool-scenarios.js';

/** Seconds given after a keyword as `KEY:12`, or `fallback`. */
function secondsAfter(keyword: string, prompt: string, fallback: number): number {
  const found = new RegExp(`\\b${keyword}:(\\d+)`).exec(prompt);
  return found?.[1] === undefined ? fallback : Number(found[1]);
}

/** Text after `SAY:` up to the end of its line, so a test chooses the words the agent prints. */
function sayText(prompt: string): string | undefined {
  return /\bSAY:\s*(.+)/.exec(prompt)?.[1]?.trim();
}

function slowText(seconds: number, words: string | undefined): FakeReply {
  const chunks = Math.max(1, seconds * 4);
  const filler = Array.from({ length: chunks }, (_, i) => `Working through step ${i + 1} of ${chunks}.`).join(' ');
  return { kind: 'text', text: words === undefined ? filler : `${words}\n\n${filler}`, chunks, chunkDelayMs: 250 };
}

function rateLimitReset(now: number, seconds: number): string {
  return new Date(now + seconds * 1000).toISOString();
}

/**
 * Claude Code's side requests (titles, topic detection, bash prefix checks) carry no tools;
 * answering them with the main script would double every error and delay, so they get a short reply.
 */
function sideReply(request: FakeRequestContext): FakeReply {
  if (/isNewTopic/.test(request.promptText) || /isNewTopic/.test(request.systemText)) {
    return { kind: 'text', text: '{"isNewTopic": false, "title": null}' };
  }
  if (/prefix/i.test(request.systemText) || /<policy_spec>/.test(request.promptText)) {
    return { kind: 'text', text: 'none' };
  }
  return { kind: 'text', text: 'Fake session' };
}

/**
 * The built-in reply script, first match wins. Keywords are whole words in the last user prompt:
 *
 * | keyword | reply |
 * |---|---|
 * | `SLOW` / `SLOW:n` | text streamed over n seconds (default 20) — the agent is active |
 * | `THINK` / `THINK:n` | a thinking block streamed over n seconds (default 20), then text |
 * | `HANG` | `message_start`, then silence: the spinner runs until interrupted |
 * | `TOOL_BASH` | a `Bash` tool call that needs approval |
 * | `TOOL_WRITE` | a `Write` tool call that needs approval |
 * | `ERR500` / `ERR529` | HTTP 500 / 529 on every try: Claude Code's retry loop |
 * | `ERR500_RETRY_AFTER` | HTTP 500 with `retry-after: 30` on every try: drawn like a 429's wait |
 * | `ERR429` | HTTP 429 with `retry-after` and `anthropic-ratelimit-*` headers |
 * | `ERR429_SHORT` | the same 429 with `retry-after: 12`: Claude Code names the 429 from attempt 3 on |
 * | `ERR429_UNIFIED` | HTTP 429 with subscription-style `anthropic-ratelimit-unified-*` headers |
 * | `ERR401` | HTTP 401 `authentication_error` |
 * | `ERR_STREAM` | a 200 stream that sends some text, then an `overloaded_error` event mid-answer |
 * | `ASK_CHOICE`, `PLAN_EXIT`, `TOOL_QUOTE`, `BG_SHELL`, `BG_AGENT` | dialogs and background work: see {@link toolScenarios} |
 * | `SAY: words` | the reply text starts with `words` (combine with `SLOW`) |
 * | anything else | a short text reply |
 *
 * `/compact` requests (a summary prompt) are answered by a summary streamed over 6 seconds.
 */
export const defaultScenarios: readonly FakeScenario[] = [
  {
    name: 'compact',
    description: 'the summary request /compact sends',
    match: (r) => /detailed summary of the conversation|summary of the conversation so far/i.test(r.promptText),
    reply: () => ({
      kind: 'text',
      text: '<summary>The user tried the fake API. Nothing is pending.</summary>',
      chunks: 24,
      chunkDelayMs: 250,
    }),
  },
  { name: 'side-request', description: 'requests without tools', match: (r) => !r.hasTools, reply: sideReply },
  {
    name: 'after-tool',
    description: 'the turn after a tool ran',
    match: (r) => r.isToolResult,
    reply: () => ({ kind: 'text', text: 'The tool ran. Done.' }),
  },
  {
    name: 'err500',
    match: 'ERR500',
    reply: () => ({ kind: 'http_error', status: 500, errorType: 'api_error', message: 'Internal server error' }),
  },
  {
    name: 'err500-retry-after',
    match: 'ERR500_RETRY_AFTER',
    reply: () => ({ kind: 'http_error', status: 500, errorType: 'api_error', message: 'Internal server error', headers: { 'retry-after': '30' } }),
  },
  {
    name: 'err529',
    match: 'ERR529',
    reply: () => ({ kind: 'http_error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' }),
  },
  {
    name: 'err429-unified',
    match: 'ERR429_UNIFIED',
    reply: (r) => ({
      kind: 'http_error',
      status: 429,
      errorType: 'rate_limit_error',
      message: 'Rate limited',
      headers: {
        'retry-after': '3600',
        'anthropic-ratelimit-unified-status': 'rejected',
        'anthropic-ratelimit-unified-reset': String(Math.floor(r.now / 1000) + 3600),
        'anthropic-ratelimit-unified-representative-claim': 'five_hour',
        'anthropic-ratelimit-unified-5h-status': 'rejected',
        'anthropic-ratelimit-unified-5h-reset': String(Math.floor(r.now / 1000) + 3600),
      },
    }),
  },
  {
    name: 'err429-short',
    match: 'ERR429_SHORT',
    reply: () => ({
      kind: 'http_error',
      status: 429,
      errorType: 'rate_limit_error',
      message: 'This request would exceed the rate limit for your organization of 50 requests per minute.',
      headers: { 'retry-after': '12' },
    }),
  },
  {
    name: 'err429',
    match: 'ERR429',
    reply: (r) => ({
      kind: 'http_error',
      status: 429,
      errorType: 'rate_limit_error',
      message: 'This request would exceed the rate limit for your organization of 50 requests per minute.',
      headers: {
        'retry-after': '30',
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': rateLimitReset(r.now, 30),
        'anthropic-ratelimit-tokens-limit': '40000',
        'anthropic-ratelimit-tokens-remaining': '0',
        'anthropic-ratelimit-tokens-reset': rateLimitReset(r.now, 30),
      },
    }),
  },
  {
    name: 'err401',
    match: 'ERR401',
    reply: () => ({ kind: 'http_error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' }),
  },
  ...toolScenarios,
  {
    name: 'tool-bash',
    match: 'TOOL_BASH',
    reply: () => ({
      kind: 'tool_use',
      name: 'Bash',
      text: 'I will run the test suite.',
      input: { command: 'rm -rf ./build-output && echo cleaned', description: 'Remove the build output' },
    }),
  },
  {
    name: 'tool-write',
    match: 'TOOL_WRITE',
    reply: () => ({
      kind: 'tool_use',
      name: 'Write',
      text: 'I will write the notes file.',
      input: { file_path: '/tmp/tmux-orc-fake-notes.txt', content: 'hello from the fake API\n' },
    }),
  },
  {
    name: 'err-stream',
    match: 'ERR_STREAM',
    reply: () => ({
      kind: 'text',
      text: 'Starting the work now, reading the files first.',
      chunks: 4,
      chunkDelayMs: 250,
      streamError: { type: 'overloaded_error', message: 'Overloaded' },
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
        thinking: Array.from({ length: chunks }, (_, i) => `Considering option ${i + 1}.`).join(' '),
        text: sayText(r.promptText) ?? 'I thought about it. Done.',
        chunks,
        chunkDelayMs: 250,
      };
    },
  },
  {
    name: 'slow',
    match: /\bSLOW\b|\bSLOW:\d+/,
    reply: (r) => slowText(secondsAfter('SLOW', r.promptText, 20), sayText(r.promptText)),
  },
  { name: 'say', match: /\bSAY:/, reply: (r) => ({ kind: 'text', text: sayText(r.promptText) ?? '' }) },
  { name: 'default', match: () => true, reply: () => ({ kind: 'text', text: 'Hello from the fake API. Done.' }) },
];
