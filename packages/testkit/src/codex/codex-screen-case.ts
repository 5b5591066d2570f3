import { execa } from 'execa';
import type { RecordedState } from '../claude-code/screen-cases.js';
import { TestkitError } from '../testkit-error.js';
import type { TmuxSandbox } from '@tmux-orc/sim-fleet';
import type { CodexPane, StartCodexOptions } from './start-codex.js';

/** What a case's `drive` gets: the running pane and its sandbox. */
export interface CodexScreenCaseContext {
  readonly pane: CodexPane;
  readonly sandbox: TmuxSandbox;
}

/** One Codex screen to produce: how to start Codex, what to type, and when the screen is ready. */
export interface CodexScreenCase {
  readonly state: RecordedState;
  /** Kebab-case case name; the file is `<state>-<name>-<cols>x<rows>.txt`. */
  readonly name: string;
  /** How the screen is produced, for the fixtures README. */
  readonly description: string;
  /** Extra options of `startCodex`. */
  readonly start?: Partial<Pick<StartCodexOptions, 'maxRetries' | 'onExit' | 'remainOnExit' | 'rateLimitNudge' | 'mcpServer'>>;
  /** Drives the pane into the state and resolves the screen to record. */
  readonly drive: (context: CodexScreenCaseContext) => Promise<string>;
}

/** The composer is ready and nothing runs. */
export const CODEX_READY = /\? for shortcuts/u;
/** A request is in flight (the status indicator offers to interrupt). */
export const CODEX_BUSY = /esc to interrupt\)/u;
/** Text with crash and error words while nothing is wrong. */
export const CODEX_ALARMING_REPLY = '3 tests failed, 12 passed. I killed the process on port 3000; the shell printed Terminated. Error: expected 200, got 500.';

/** Waits (up to 30 s) until Codex shows its composer with nothing running. */
export async function ready(pane: CodexPane): Promise<string> {
  return pane.waitForScreen(CODEX_READY, { timeoutMs: 30_000 });
}

/** Once Codex is ready, submits `prompt` and waits for `until`. */
export async function submitted(pane: CodexPane, prompt: string, until: RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
  await ready(pane);
  await pane.submit(prompt);
  return pane.waitForScreen(until, { timeoutMs });
}

/** A screen test: `text` is shown, the composer is ready, and no request runs. */
export function idleWith(text: string): (screen: string) => boolean {
  return (screen) => screen.includes(text) && CODEX_READY.test(screen) && !CODEX_BUSY.test(screen);
}

/** Process id of the pane shell's child (Codex), to kill it like a crash would. */
export async function codexPid({ pane, sandbox }: CodexScreenCaseContext): Promise<number> {
  const shellPid = (await sandbox.tmux('display-message', '-p', '-t', pane.paneId, '#{pane_pid}')).trim();
  const { stdout } = await execa('ps', ['-o', 'pid=', '--ppid', shellPid]);
  const pid = Number(stdout.trim().split(/\s+/u)[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new TestkitError('SPAWN_FAILED', `Expected a child process of pane shell ${shellPid}, got \`${stdout}\``);
  return pid;
}

/** Waits (up to 10 s) until the pane's command has exited, then captures what it left. */
export async function untilDead(pane: CodexPane): Promise<string> {
  for (let attempt = 0; attempt < 100 && !(await pane.info()).dead; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  return pane.capture();
}
