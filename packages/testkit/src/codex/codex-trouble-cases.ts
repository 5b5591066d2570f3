import type { CodexPane } from './start-codex.js';
import { type CodexScreenCase, codexPid, idleWith, ready, submitted, untilDead } from './codex-screen-case.js';

/** Codex in trouble: API errors and retries, rate limits, compaction, and Codex gone. */
export const codexTroubleCases: readonly CodexScreenCase[] = [
  {
    state: 'error',
    name: 'http500-retrying',
    description: 'prompt `ERR500`: every request answers 500: `• Reconnecting... 1/2 (… esc to interrupt)` and `└ We’re currently experiencing high demand…`.',
    drive: async ({ pane }) => submitted(pane, 'ERR500 now', /Reconnecting\.\.\. \d\/\d/u),
  },
  {
    state: 'error',
    name: 'http500-gave-up',
    description: 'prompt `ERR500` with no retries: `■ We’re currently experiencing high demand, …`.',
    start: { maxRetries: 0 },
    drive: async ({ pane }) => submitted(pane, 'ERR500 now', idleWith('■ We’re currently experiencing high demand'), 40_000),
  },
  {
    state: 'error',
    name: 'http401-gave-up',
    description: 'prompt `ERR401` with no retries: `■ unexpected status 401 Unauthorized: …`.',
    start: { maxRetries: 0 },
    drive: async ({ pane }) => submitted(pane, 'ERR401 now', idleWith('401 Unauthorized'), 40_000),
  },
  {
    state: 'error',
    name: 'stream-failed',
    description: 'prompt `ERR_STREAM`: a 200 stream ending in `response.failed`: `■ stream disconnected before completion: …`.',
    drive: async ({ pane }) => submitted(pane, 'ERR_STREAM now', idleWith('stream disconnected')),
  },
  {
    state: 'rate_limited',
    name: 'http429-retrying',
    description: 'prompt `ERR429`: `• Server is busy, reconnecting 1/2 (…)` (after the request retries waited out `retry-after`) and `└ Exceeded retry limit, last status: 429 Too Many Requests`.',
    drive: async ({ pane }) => submitted(pane, 'ERR429 now', /429 Too Many Requests/u),
  },
  {
    state: 'rate_limited',
    name: 'http429-gave-up',
    description: 'prompt `ERR429` with no request retries: the stream retries run out, `■ exceeded retry limit, last status: 429 Too Many Requests …`.',
    start: { maxRetries: 0 },
    drive: async ({ pane }) => submitted(pane, 'ERR429 now', idleWith('429 Too Many Requests'), 60_000),
  },
  {
    state: 'rate_limited',
    name: 'usage-limit',
    description: 'prompt `USAGE_LIMIT` (429 `usage_limit_reached`): `■ You’ve hit your usage limit. Try again later.` and a `⚠ 5h limit` line.',
    drive: async ({ pane }) => submitted(pane, 'USAGE_LIMIT now', idleWith('usage limit')),
  },
  {
    state: 'compacting',
    name: 'compact',
    description: 'a turn, then `/compact` with the summary streamed over 6 s: `◦ Compacting context (0s • esc to interrupt)`.',
    drive: async ({ pane }) => {
      await submitted(pane, 'hello', idleWith('Hello from the fake API'));
      return compactOnceAllowed(pane);
    },
  },
  {
    state: 'crashed',
    name: 'quit-to-shell',
    description: 'a turn, then `/quit`: the shell prompt below `To continue this session, run: codex resume …`.',
    drive: async ({ pane }) => {
      await submitted(pane, 'hello', idleWith('Hello from the fake API'));
      await pane.submit('/quit');
      return pane.waitForScreen(/codex resume[\s\S]*^\$ /mu);
    },
  },
  {
    state: 'crashed',
    name: 'killed-to-shell',
    description: 'prompt `SLOW:30`, then Codex killed with SIGKILL: its last screen stays, `Killed` and the `$` prompt land mid-screen.',
    drive: async (context) => {
      await submitted(context.pane, 'SLOW:30 go', /Working\s+through\s+step\s+2\s+of/u);
      process.kill(await codexPid(context), 'SIGKILL');
      return context.pane.waitForScreen(/^\s*\$\s*$/mu);
    },
  },
  {
    state: 'crashed',
    name: 'pane-dead',
    description: 'Codex run as the pane command (remain-on-exit), `/quit`: the pane is dead with exit status 0.',
    start: { onExit: 'exit', remainOnExit: true },
    drive: async ({ pane }) => {
      await ready(pane);
      await pane.submit('/quit');
      return untilDead(pane);
    },
  },
];

const COMPACTING = /Compacting context \(/u;
const COMPACT_REFUSED = '/compact\' is disabled while a task is in progress';

/**
 * Submits `/compact` until Codex starts compacting. Codex can count a turn as running for a moment
 * after it drew the answer and the ready composer; it then refuses with `■ '/compact' is disabled
 * while a task is in progress.`, so the command is sent again (up to 5 times).
 */
async function compactOnceAllowed(pane: CodexPane): Promise<string> {
  const refusals = (screen: string): number => screen.split(COMPACT_REFUSED).length - 1;
  for (let attempt = 1; attempt < 5; attempt += 1) {
    const before = refusals(await pane.capture());
    await pane.submit('/compact');
    const screen = await pane.waitForScreen((now) => COMPACTING.test(now) || refusals(now) > before, { timeoutMs: 15_000 });
    if (COMPACTING.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await pane.submit('/compact');
  return pane.waitForScreen(COMPACTING);
}
