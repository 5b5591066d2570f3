import { existsSync } from 'node:fs';
import { TestkitError } from '../testkit-error.js';
import { codexTroubleCases } from './codex-trouble-cases.js';
import { mcpReadyFile } from './fake-mcp-server.js';
import { CODEX_ALARMING_REPLY, CODEX_BUSY, type CodexScreenCase, idleWith, ready, submitted } from './codex-screen-case.js';

/** Codex at work, finished, asking, or with a draft: the screens of an agent doing its job. */
const codexWorkCases: readonly CodexScreenCase[] = [
  { state: 'fresh', name: 'started', description: 'started, no prompt given yet.', drive: async ({ pane }) => ready(pane) },
  {
    state: 'active',
    name: 'streaming',
    description: 'prompt `SLOW:30`: text streamed for 30 s (Codex 0.171 shows no status line while text streams).',
    drive: async ({ pane }) => submitted(pane, 'SLOW:30 go', /Working\s+through\s+step\s+3\s+of/u),
  },
  {
    state: 'active',
    name: 'waiting-for-first-token',
    description: 'prompt `HANG`: the request is open, no token yet: `• Working (3s • esc to interrupt)`, the bullet blinking `•`/`◦`.',
    drive: async ({ pane }) => submitted(pane, 'HANG now', /Working \(\d+s • esc to interrupt\)/u),
  },
  {
    state: 'active',
    name: 'thinking',
    description:
      'prompt `THINK:30`: a reasoning summary streamed for 30 s, shown as the status header (`◦ Considering option 1. … (3s • esc to interrupt)`), captured once it is too long for the width: cut with `…`, the interrupt hint with it.',
    drive: async ({ pane }) => {
      await submitted(pane, 'THINK:30 plan it', /[•◦] Considering option 1\./u);
      // A few seconds of summary: too long for the width, cut with `…`.
      return pane.waitForScreen(/^[•◦] Considering option .*…$/mu);
    },
  },
  {
    state: 'active',
    name: 'follow-up-queued',
    description: 'prompt `SLOW:30`, then a follow-up typed and queued with Tab while it streams: `• Queued follow-up inputs` / `↳ then run the tests` (submitted, not typed text).',
    drive: async ({ pane }) => {
      await submitted(pane, 'SLOW:30 go', /Working\s+through\s+step\s+2\s+of/u);
      await pane.type('then run the tests');
      await pane.waitForScreen(/› then run the tests/u);
      await pane.press('Tab');
      return pane.waitForScreen(/Queued follow-up inputs/u);
    },
  },
  { state: 'idle', name: 'replied', description: 'a short answered turn.', drive: async ({ pane }) => submitted(pane, 'SAY: All done here.', idleWith('All done here.')) },
  {
    state: 'idle',
    name: 'alarming-text',
    description: 'an answered turn whose text says failed/killed/Terminated/Error.',
    drive: async ({ pane }) => submitted(pane, `SAY: ${CODEX_ALARMING_REPLY}`, idleWith('Terminated')),
  },
  {
    state: 'idle',
    name: 'interrupted',
    description: 'prompt `HANG`, then Esc: `■ Conversation interrupted - use /feedback …` above the composer.',
    drive: async ({ pane }) => {
      await submitted(pane, 'HANG now', CODEX_BUSY);
      await pane.press('Escape');
      return pane.waitForScreen(idleWith('Conversation interrupted'));
    },
  },
  {
    state: 'idle',
    name: 'after-error',
    description: 'prompt `ERR401` (no retries) gave up with `■ unexpected status 401 …`; then a turn answered below it.',
    start: { maxRetries: 0 },
    drive: async ({ pane }) => {
      await submitted(pane, 'ERR401 now', idleWith('401 Unauthorized'), 40_000);
      return submitted(pane, 'SAY: Recovered and done.', idleWith('Recovered and done.'));
    },
  },
  {
    state: 'waiting_input',
    name: 'exec-approval',
    description: 'prompt `TOOL_EXEC`: an `exec_command` with `require_escalated`: `Would you like to run the following command?`.',
    drive: async ({ pane }) => submitted(pane, 'TOOL_EXEC clean up', /Press enter to confirm or esc to cancel/u),
  },
  {
    state: 'waiting_input',
    name: 'plan-question',
    description: '`/plan`, then prompt `ASK_PLAN`: a `request_user_input` question, `› 1. Vitest (Recommended)`, `enter to submit answer | esc to interrupt`.',
    drive: async ({ pane }) => {
      // Once in CI the prompt went out in the default mode (footer `gpt-fake default`), where the
      // question tool is refused and the fake API answers `The command ran. Done.`: then ask again.
      const answers = (screen: string): number => screen.split('The command ran. Done.').length - 1;
      for (let attempt = 1; ; attempt += 1) {
        await ready(pane);
        const before = answers(await pane.capture());
        await pane.submit('/plan');
        await pane.waitForScreen(/Plan mode/u);
        const screen = await submitted(pane, 'ASK_PLAN which runner', (now) => /enter to submit answer/u.test(now) || (attempt < 3 && answers(now) > before));
        if (/enter to submit answer/u.test(screen)) return screen;
      }
    },
  },
  {
    state: 'waiting_input',
    name: 'mcp-permission',
    description:
      'prompt `MCP_CALL` with the fake MCP server registered: `Allow the tracker MCP server to run tool "delete_ticket"?`, `› 1. Allow`, `enter to submit | esc to cancel`.',
    start: { mcpServer: true },
    drive: async ({ pane }) => {
      await ready(pane);
      // Codex starts MCP servers in the background; a call before it listed their tools is refused.
      for (let attempt = 0; !existsSync(mcpReadyFile(pane.home)); attempt += 1) {
        if (attempt >= 150) throw new TestkitError('SCREEN_TIMEOUT', `Expected Codex to list the fake MCP server's tools within 15 s, got no ${mcpReadyFile(pane.home)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return submitted(pane, 'MCP_CALL delete it', /enter to submit \| esc to cancel/u);
    },
  },
  {
    state: 'waiting_input',
    name: 'rate-limit-nudge',
    description: 'prompt `USAGE_LIMIT` with the model nudge left on: `Approaching rate limits` / `› 1. Switch to …` / `enter select · esc back`.',
    start: { rateLimitNudge: true },
    drive: async ({ pane }) => submitted(pane, 'USAGE_LIMIT now', /enter select · esc back/u),
  },
  {
    state: 'queued_message',
    name: 'typed-not-sent',
    description: 'text typed into the composer, never submitted.',
    drive: async ({ pane }) => {
      await ready(pane);
      await pane.type('fix the failing tests please');
      return pane.waitForScreen(/› fix the failing tests please/u);
    },
  },
  {
    state: 'queued_message',
    name: 'typed-while-active',
    description: 'prompt `SLOW:30`, then text typed (not submitted) while it streams: `tab to queue message`.',
    drive: async ({ pane }) => {
      await submitted(pane, 'SLOW:30 go', /Working\s+through\s+step\s+2\s+of/u);
      await pane.type('then run the tests');
      return pane.waitForScreen(/› then run the tests/u);
    },
  },
];

/** Every Codex screen the suite records and checks live (`<state>-<name>`). */
export const codexScreenCases: readonly CodexScreenCase[] = [...codexWorkCases, ...codexTroubleCases];
