import { expect } from 'vitest';
import type { LiveCase } from './live-expectations.js';

/**
 * What the health checker must say on each testkit Claude Code screen case run live
 * (`claude-code-live-detection.test.ts`, on every installed Claude Code version).
 */
export const claudeCodeLiveCases: readonly LiveCase[] = [
  { key: 'fresh-started', expect: { kind: 'reaches', state: 'fresh', holds: true } },
  // An agent at work is never idle or crashed, checked every cycle for two debounce windows.
  { key: 'active-streaming', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-thinking', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-waiting-for-first-token', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-alarming-text', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle', 'error'] },
  { key: 'idle-replied', expect: { kind: 'idle' } },
  { key: 'idle-alarming-text', expect: { kind: 'idle' }, never: ['error'] },
  // An API error of an earlier turn stays on screen above the answered one: history, not an error.
  { key: 'idle-after-error', expect: { kind: 'idle' } },
  {
    key: 'waiting_input-bash-approval',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Do you want to proceed?', options: expect.arrayContaining(['1. Yes']) } },
  },
  {
    key: 'waiting_input-write-approval',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Do you want to create tmux-orc-fake-notes.txt?' } },
  },
  {
    key: 'queued_message-typed-not-sent',
    expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'fix the failing tests please' } },
  },
  {
    key: 'queued_message-typed-while-active',
    expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'then run the tests' } },
  },
  {
    key: 'error-http500-retrying',
    expect: { kind: 'reaches', state: 'error', detail: { message: expect.stringMatching(/^500 /u), attempt: expect.any(Number), maxAttempts: 10 } },
  },
  {
    key: 'error-http529-retrying',
    expect: { kind: 'reaches', state: 'error', detail: { message: expect.stringMatching(/^529 /u), attempt: expect.any(Number), maxAttempts: 10 } },
  },
  {
    key: 'error-http401-gave-up',
    expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: expect.stringMatching(/Invalid API key/u) } },
  },
  // The first retries of a 429 and of a 500 with a retry-after look the same: a retry loop (error).
  {
    key: 'error-http429-first-retry',
    expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: 'API error', retryIn: expect.stringMatching(/^\d+s$/u), attempt: 1 } },
    never: ['rate_limited'],
  },
  {
    key: 'error-http500-retry-after',
    expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: 'API error', attempt: 1 } },
    never: ['rate_limited'],
  },
  {
    key: 'rate_limited-http429-named-retry',
    expect: { kind: 'reaches', state: 'rate_limited', detail: { message: expect.stringMatching(/^429 /u), resetAt: expect.stringMatching(/^in \d+s$/u), attempt: 3 } },
  },
  {
    key: 'rate_limited-http429-unified',
    expect: { kind: 'reaches', state: 'rate_limited', holds: true, detail: { message: expect.stringMatching(/429/u) } },
  },
  { key: 'compacting-compact', expect: { kind: 'reaches', state: 'compacting' } },
  // A message sent while Claude Code works is queued by Claude Code itself: the agent is busy, and
  // the resubmit action must have nothing to press Enter for. (Before Enter, and while a prompt is
  // typed before any case's Enter, the text in the box is rightly queued_message; `holds` checks
  // every observation after the driver saw the state.)
  { key: 'active-submitted-while-active', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  // Dialogs besides tool approvals (issue 15): each waits for a person, at every cycle.
  {
    key: 'waiting_input-ask-user-question',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Which database should the service use?' } },
  },
  { key: 'waiting_input-exit-plan-mode', expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Exit plan mode?' } } },
  { key: 'waiting_input-approval-behind-transcript', expect: { kind: 'reaches', state: 'waiting_input', holds: true } },
  // First-run dialogs: unnumbered options (`❯ No (recommended)`), the keys `Enter to confirm · Esc to cancel`.
  {
    key: 'waiting_input-api-key-dialog',
    from: 'start',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Do you want to use this API key?', options: ['Yes', 'No (recommended)'] } },
  },
  {
    key: 'waiting_input-folder-trust-dialog',
    from: 'start',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { options: ['No, exit', 'Yes, I trust this folder'] } },
  },
  // A Bash result that prints `API Error: 401` is the tool's output, not the agent's error.
  { key: 'idle-tool-output-quotes-api-error', expect: { kind: 'idle' }, never: ['error', 'rate_limited'] },
  // Background work: shells left running do not keep the agent busy; a background agent does.
  // (Not `holds`: the footer drops its `← for agents` hint a few seconds later, a screen change
  // that restarts the debounce, as for any idle pane.)
  { key: 'idle-background-shell', expect: { kind: 'reaches', state: 'idle', detail: { background: '1 shell still running' } }, never: ['error'] },
  {
    key: 'active-background-agent',
    expect: { kind: 'reaches', state: 'active', holds: true, detail: { background: 'Waiting for 1 background agent to finish' } },
    never: ['idle'],
  },
  { key: 'crashed-exited-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh', exitStatus: null } } },
  { key: 'crashed-killed-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh' } } },
  // Only `$ ` on screen: the pane's @tmux-orc-agent option says an agent ran there.
  { key: 'crashed-exited-cleared-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh' } } },
  { key: 'crashed-pane-dead', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { exitStatus: 0 } } },
];
