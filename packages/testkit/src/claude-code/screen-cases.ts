import { execa } from 'execa';
import { TestkitError } from '../testkit-error.js';
import type { TmuxSandbox } from '@tmux-orc/sim-fleet';
import { backgroundCases, dialogCases } from './dialog-screen-cases.js';
import { exitCases } from './exit-screen-cases.js';
import { ALARMING_REPLY, APPROVAL, BUSY, HELLO_REPLY, READY, idleWith, ready, replied, submitted } from './screen-case-steps.js';
import type { ClaudeCodePane, ClaudePermissionMode, StartClaudeCodeOptions } from './start-claude-code.js';

/** The agent states of tmux-orc that a recorded screen stands for. */
export type RecordedState =
  | 'fresh'
  | 'active'
  | 'idle'
  | 'waiting_input'
  | 'queued_message'
  | 'error'
  | 'rate_limited'
  | 'compacting'
  | 'crashed';

/** What a case's `drive` gets: the running pane and its sandbox. */
export interface ScreenCaseContext {
  readonly pane: ClaudeCodePane;
  readonly sandbox: TmuxSandbox;
}

/** One screen to produce: how to start Claude Code, what to type, and when the screen is ready. */
export interface ScreenCase {
  readonly state: RecordedState;
  /** Kebab-case case name; the file is `<state>-<name>-<cols>x<rows>.txt`. */
  readonly name: string;
  /** How the screen is produced, for the fixtures README. */
  readonly description: string;
  /** Extra options of `startClaudeCode` (retries, what happens on exit). */
  readonly start?: Partial<Pick<StartClaudeCodeOptions, 'maxRetries' | 'onExit' | 'remainOnExit' | 'permissionMode' | 'firstRunDialogs'>>;
  /** Drives the pane into the state and resolves the screen to record. */
  readonly drive: (context: ScreenCaseContext) => Promise<string>;
}

export { ALARMING_REPLY, APPROVAL, BUSY, READY } from './screen-case-steps.js';

async function shellPrompt(pane: ClaudeCodePane): Promise<string> {
  return pane.waitForScreen(/^\$ /m, { timeoutMs: 15_000 });
}

/** Process id of the pane shell's child (Claude Code), to kill it like a crash would. */
async function claudePid(context: ScreenCaseContext): Promise<number> {
  const shellPid = (await context.sandbox.tmux('display-message', '-p', '-t', context.pane.paneId, '#{pane_pid}')).trim();
  const { stdout } = await execa('ps', ['-o', 'pid=', '--ppid', shellPid]);
  const pid = Number(stdout.trim().split(/\s+/)[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new TestkitError('SPAWN_FAILED', `Expected a child process of pane shell ${shellPid}, got \`${stdout}\``);
  return pid;
}

type OtherMode = Exclude<ClaudePermissionMode, 'default'>;

const MODE_NAMES: Record<OtherMode, string> = {
  bypassPermissions: 'bypass-permissions',
  acceptEdits: 'accept-edits',
  plan: 'plan-mode',
};

/** Fresh, idle and active screens in a permission mode other than `default`: their footers differ. */
function permissionModeCases(mode: OtherMode): ScreenCase[] {
  const name = MODE_NAMES[mode];
  const start = { permissionMode: mode };
  return [
    { state: 'fresh', name, description: `started with \`--permission-mode ${mode}\`, no prompt given yet.`, start, drive: async ({ pane }) => ready(pane) },
    {
      state: 'idle',
      name,
      description: `\`--permission-mode ${mode}\`, prompt \`hello\`: a short reply, finished.`,
      start,
      drive: async ({ pane }) => replied(pane, 'hello', HELLO_REPLY),
    },
    {
      state: 'active',
      name,
      description: `\`--permission-mode ${mode}\`, prompt \`SLOW:40 write the report\`: captured while the text streams.`,
      start,
      drive: async ({ pane }) => submitted(pane, 'SLOW:40 write the report', (s) => BUSY.test(s) && /step 8 of/.test(s)),
    },
  ];
}

/** Every screen the recorder writes and the live test checks. */
export const screenCases: readonly ScreenCase[] = [
  {
    state: 'fresh',
    name: 'started',
    description: 'Claude Code just started, no prompt given yet.',
    drive: async ({ pane }) => ready(pane),
  },
  {
    state: 'active',
    name: 'streaming',
    description: 'prompt `SLOW:40 write the report`: text streams for 40 s; captured while it streams.',
    drive: async ({ pane }) => submitted(pane, 'SLOW:40 write the report', (s) => BUSY.test(s) && /step 8 of/.test(s)),
  },
  {
    state: 'active',
    name: 'thinking',
    description: 'prompt `THINK:40 plan the refactor`: a thinking block streams for 40 s; captured while it streams.',
    drive: async ({ pane }) => submitted(pane, 'THINK:40 plan the refactor', (s) => BUSY.test(s) && /thinking\)/.test(s)),
  },
  {
    state: 'active',
    name: 'waiting-for-first-token',
    description: 'prompt `HANG`: the API sends message_start and then nothing; the spinner runs without a token count.',
    drive: async ({ pane }) => {
      await submitted(pane, 'HANG on a second', BUSY);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      return pane.waitForScreen(BUSY);
    },
  },
  {
    state: 'active',
    name: 'alarming-text',
    description: `prompt \`SLOW:40 SAY: ${ALARMING_REPLY}\`: the streamed reply contains crash/error words; captured while streaming.`,
    drive: async ({ pane }) => submitted(pane, `SLOW:40 SAY: ${ALARMING_REPLY}`, (s) => BUSY.test(s) && s.includes('Terminated') && /step 4 of/.test(s)),
  },
  {
    state: 'idle',
    name: 'replied',
    description: 'prompt `hello`: a short reply, finished.',
    drive: async ({ pane }) => replied(pane, 'hello', HELLO_REPLY),
  },
  {
    state: 'idle',
    name: 'alarming-text',
    description: `prompt \`SAY: ${ALARMING_REPLY}\`: the finished reply contains crash/error words.`,
    drive: async ({ pane }) => replied(pane, `SAY: ${ALARMING_REPLY}`, 'Terminated'),
  },
  {
    state: 'idle',
    name: 'compacted',
    description: 'prompt `hello`, then `/compact` (the fake API streams a summary for 6 s), captured after it finished.',
    drive: async ({ pane }) => {
      await replied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/compact');
      return pane.waitForScreen((s) => /Compacted/.test(s) && READY.test(s) && !BUSY.test(s), { timeoutMs: 30_000 });
    },
  },
  {
    state: 'waiting_input',
    name: 'bash-approval',
    description: 'prompt `TOOL_BASH clean up`: the API asks for a Bash tool call; Claude Code asks for approval.',
    drive: async ({ pane }) => submitted(pane, 'TOOL_BASH clean up', APPROVAL),
  },
  {
    state: 'waiting_input',
    name: 'write-approval',
    description: 'prompt `TOOL_WRITE save notes`: the API asks for a Write tool call; Claude Code asks for approval.',
    drive: async ({ pane }) => submitted(pane, 'TOOL_WRITE save notes', APPROVAL),
  },
  {
    state: 'queued_message',
    name: 'typed-not-sent',
    description: 'prompt `hello` answered, then `fix the failing tests please` typed into the box without Enter.',
    drive: async ({ pane }) => {
      await replied(pane, 'hello', HELLO_REPLY);
      await pane.type('fix the failing tests please');
      return pane.waitForScreen(/❯\s+fix the failing tests please/);
    },
  },
  {
    state: 'queued_message',
    name: 'typed-while-active',
    description: 'prompt `SLOW:40 write the report` streaming, and `then run the tests` typed into the box without Enter.',
    drive: async ({ pane }) => {
      await submitted(pane, 'SLOW:40 write the report', (s) => BUSY.test(s) && /step 2 of/.test(s));
      await pane.type('then run the tests');
      return pane.waitForScreen(/❯\s+then run the tests/);
    },
  },
  {
    state: 'active',
    name: 'submitted-while-active',
    description: 'prompt `SLOW:40 write the report` streaming, and `then run the tests` submitted with Enter while it streams: Claude Code queues it (`⎿  Queued`) and sends it itself when the turn ends; nothing waits for Enter.',
    drive: async ({ pane }) => {
      await submitted(pane, 'SLOW:40 write the report', (s) => BUSY.test(s) && /step 2 of/.test(s));
      await pane.type('then run the tests');
      await pane.waitForScreen(/❯\s+then run the tests/);
      await pane.press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return pane.capture();
    },
  },
  {
    state: 'error',
    name: 'http500-retrying',
    description: 'prompt `ERR500`: every request answers HTTP 500; Claude Code retries (captured at attempt 3).',
    drive: async ({ pane }) => submitted(pane, 'ERR500 please', /attempt 3\/10/, 30_000),
  },
  {
    state: 'error',
    name: 'http529-retrying',
    description: 'prompt `ERR529`: every request answers HTTP 529 overloaded; Claude Code retries (captured at attempt 3).',
    drive: async ({ pane }) => submitted(pane, 'ERR529 please', /attempt 3\/10/, 30_000),
  },
  {
    state: 'error',
    name: 'http401-retrying',
    description: 'prompt `ERR401`: every request answers HTTP 401 authentication_error; Claude Code retries (captured at attempt 3).',
    drive: async ({ pane }) => submitted(pane, 'ERR401 please', /attempt 3\/10/, 30_000),
  },
  {
    state: 'error',
    name: 'http500-gave-up',
    description: 'prompt `ERR500` with CLAUDE_CODE_MAX_RETRIES=1: the final error after the retries are used up.',
    start: { maxRetries: 1 },
    drive: async ({ pane }) => submitted(pane, 'ERR500 please', (s) => /API Error/.test(s) && READY.test(s) && !BUSY.test(s), 30_000),
  },
  {
    state: 'error',
    name: 'http529-gave-up',
    description: 'prompt `ERR529` with CLAUDE_CODE_MAX_RETRIES=1: the final error after the retries are used up.',
    start: { maxRetries: 1 },
    drive: async ({ pane }) => submitted(pane, 'ERR529 please', (s) => /API Error|Overloaded/.test(s) && READY.test(s) && !BUSY.test(s), 30_000),
  },
  {
    state: 'error',
    name: 'http401-gave-up',
    description: 'prompt `ERR401` with CLAUDE_CODE_MAX_RETRIES=1: the final authentication error.',
    start: { maxRetries: 1 },
    drive: async ({ pane }) => submitted(pane, 'ERR401 please', (s) => /API Error|api key|API key|login/i.test(s) && READY.test(s) && !BUSY.test(s), 30_000),
  },
  {
    state: 'error',
    name: 'http429-first-retry',
    description:
      'prompt `ERR429`: HTTP 429 with `retry-after: 30` and anthropic-ratelimit-* headers; Claude Code waits and retries. The first two retries do not name the status (`API error · retrying in 30s · attempt 1/10`), exactly as a 500 with a `retry-after` (`error-http500-retry-after`): a retry loop, not yet a known limit.',
    drive: async ({ pane }) => submitted(pane, 'ERR429 please', /retrying in \d+s/, 30_000),
  },
  {
    state: 'error',
    name: 'http500-retry-after',
    description: 'prompt `ERR500_RETRY_AFTER`: HTTP 500 with `retry-after: 30`; captured at the first retry (`API error · retrying in 30s · attempt 1/10`).',
    drive: async ({ pane }) => submitted(pane, 'ERR500_RETRY_AFTER please', /retrying in \d+s · attempt 1\//, 30_000),
  },
  {
    state: 'rate_limited',
    name: 'http429-named-retry',
    description: 'prompt `ERR429_SHORT`: HTTP 429 with `retry-after: 12`; from attempt 3 Claude Code names it (`429 This request would exceed the rate lim… · retrying in 11s · attempt 3/10`).',
    drive: async ({ pane }) => submitted(pane, 'ERR429_SHORT please', /429 .* · retrying in \d+s · attempt 3\//, 60_000),
  },
  {
    state: 'rate_limited',
    name: 'http429-gave-up',
    description: 'prompt `ERR429` with CLAUDE_CODE_MAX_RETRIES=0: the 429 shown as a final error.',
    start: { maxRetries: 0 },
    drive: async ({ pane }) => submitted(pane, 'ERR429 please', (s) => /429|rate limit/i.test(s) && READY.test(s) && !BUSY.test(s), 30_000),
  },
  {
    state: 'rate_limited',
    name: 'http429-unified',
    description: 'prompt `ERR429_UNIFIED`: HTTP 429 with subscription-style anthropic-ratelimit-unified-* headers (status rejected, reset in 1 h).',
    drive: async ({ pane }) => submitted(pane, 'ERR429_UNIFIED please', (s) => /429|limit/i.test(s) && READY.test(s) && !BUSY.test(s), 30_000),
  },
  {
    state: 'compacting',
    name: 'compact',
    description: 'prompt `hello`, then `/compact`; the fake API streams the summary for 6 s; captured while it runs.',
    drive: async ({ pane }) => {
      await replied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/compact');
      return pane.waitForScreen(/Compacting conversation/, { timeoutMs: 10_000 });
    },
  },
  {
    state: 'crashed',
    name: 'exited-to-shell',
    description: 'prompt `hello`, then `/exit`: Claude Code exits and the pane is back at the `$ ` shell prompt.',
    drive: async ({ pane }) => {
      await replied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/exit');
      return shellPrompt(pane);
    },
  },
  {
    state: 'crashed',
    name: 'killed-to-shell',
    description: 'prompt `hello`, then the Claude Code process is killed with SIGKILL: its last screen stays, the shell prompt follows.',
    drive: async (context) => {
      await replied(context.pane, 'hello', HELLO_REPLY);
      process.kill(await claudePid(context), 'SIGKILL');
      return shellPrompt(context.pane);
    },
  },
  {
    state: 'crashed',
    name: 'pane-dead',
    description: 'Claude Code run as the pane command itself with remain-on-exit; prompt `hello`, then `/exit`: `pane_dead` = 1.',
    start: { onExit: 'exit', remainOnExit: true },
    drive: async ({ pane }) => {
      await replied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/exit');
      for (let tries = 0; tries < 100; tries += 1) {
        if ((await pane.info()).dead) return pane.capture();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new TestkitError('SCREEN_TIMEOUT', `Expected pane ${pane.paneId} to be dead after /exit, got a live pane:\n${await pane.capture()}`);
    },
  },
  {
    state: 'idle',
    name: 'after-error',
    description: 'prompt `ERR500` with CLAUDE_CODE_MAX_RETRIES=0 (gives up at once), then `hello` answered: the old API error stays in the transcript above an idle prompt.',
    start: { maxRetries: 0 },
    drive: async ({ pane }) => {
      await submitted(pane, 'ERR500 please', (s) => /API Error/.test(s) && READY.test(s) && !BUSY.test(s), 30_000);
      await pane.submit('hello');
      return pane.waitForScreen(idleWith(HELLO_REPLY), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'idle',
    name: 'after-stream-error',
    description: 'prompt `ERR_STREAM go`: every try streams some text, then an `overloaded_error` event mid-answer; Claude Code sends the request twice, then shows the partial text as a finished turn, with no error on screen.',
    drive: async ({ pane }) => replied(pane, 'ERR_STREAM go', 'reading the files first.'),
  },
  {
    state: 'idle',
    name: 'after-approval',
    description: 'prompt `TOOL_BASH clean up`, approved with Enter (1. Yes): the command runs, the turn finishes.',
    drive: async ({ pane }) => {
      await submitted(pane, 'TOOL_BASH clean up', APPROVAL);
      await pane.press('Enter');
      return pane.waitForScreen(idleWith('The tool ran. Done.'), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'idle',
    name: 'approval-rejected',
    description: 'prompt `TOOL_BASH clean up`, the approval panel cancelled with Escape.',
    drive: async ({ pane }) => {
      await submitted(pane, 'TOOL_BASH clean up', APPROVAL);
      await pane.press('Escape');
      return pane.waitForScreen((s) => !APPROVAL.test(s) && READY.test(s) && !BUSY.test(s), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'idle',
    name: 'interrupted',
    description: 'prompt `SLOW:40 write the report`, interrupted with Escape while it streams.',
    drive: async ({ pane }) => {
      await submitted(pane, 'SLOW:40 write the report', (s) => BUSY.test(s) && /step 4 of/.test(s));
      await pane.press('Escape');
      return pane.waitForScreen((s) => READY.test(s) && !BUSY.test(s), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'idle',
    name: 'long-reply',
    description: 'prompt `SLOW:10 write it all`: a reply long enough to scroll the banner away, finished.',
    drive: async ({ pane }) => replied(pane, 'SLOW:10 write it all', 'step 40 of 40.'),
  },
  ...dialogCases,
  ...exitCases,
  ...backgroundCases,
  ...permissionModeCases('bypassPermissions'),
  ...permissionModeCases('acceptEdits'),
  ...permissionModeCases('plan'),
  {
    state: 'idle',
    name: 'bypass-permissions-tool-ran',
    description: '`--permission-mode bypassPermissions`, prompt `TOOL_BASH clean up`: the Bash tool runs without asking; the reply after it is finished.',
    start: { permissionMode: 'bypassPermissions' },
    drive: async ({ pane }) => replied(pane, 'TOOL_BASH clean up', 'The tool ran. Done.'),
  },
];
