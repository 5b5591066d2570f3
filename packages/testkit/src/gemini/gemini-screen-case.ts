import type { RecordedState } from '../claude-code/screen-cases.js';
import type { TmuxSandbox } from '@tmux-orc/sim-fleet';
import type { GeminiCliPane, StartGeminiCliOptions } from './start-gemini-cli.js';

/** What a case's `drive` gets: the running pane and its sandbox. */
export interface GeminiScreenCaseContext {
  readonly pane: GeminiCliPane;
  readonly sandbox: TmuxSandbox;
}

/** One Gemini CLI screen to produce: how to start the CLI, what to type, and when the screen is ready. */
export interface GeminiScreenCase {
  readonly state: RecordedState;
  /** Kebab-case case name; the file is `<state>-<name>-<cols>x<rows>.txt`. */
  readonly name: string;
  /** How the screen is produced, for the fixtures' FILES.md. */
  readonly description: string;
  /** Extra options of `startGeminiCli` (settings, approval mode, what happens on exit). */
  readonly start?: Partial<Pick<StartGeminiCliOptions, 'settings' | 'approvalMode' | 'onExit' | 'remainOnExit'>>;
  /** Drives the pane into the state and resolves the screen to record. */
  readonly drive: (context: GeminiScreenCaseContext) => Promise<string>;
}

/** The input line is drawn and empty (placeholder shown) and nothing runs. */
export const GEMINI_READY = /^ [>*]\s+Type your message or @path\/to\/file/m;
/** The loading indicator runs: `⠏ Thinking... (esc to cancel, 12s)`. */
export const GEMINI_BUSY = /\(esc to cancel, \d/;
/** A tool confirmation asks before a tool runs. */
export const GEMINI_APPROVAL = /(Allow execution of[^\n]*\?|Apply this change\?|Do you want to[^\n]*\?)[\s\S]*● 1\. Allow once/;
/** The dialog after a failed request (usage limit, high demand) offers `Keep trying` and `Stop`. */
export const GEMINI_RETRY_DIALOG = /● 1\. Keep trying[\s\S]*\d\. Stop/;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The banner: drawn once the CLI has initialised. Before that the input line is drawn alone, and
 * a prompt sent then is queued ("Initializing... Prompts will be queued.").
 */
export const GEMINI_BANNER = /Gemini CLI v\d/;
/** A submitted prompt waits in the CLI's queue. */
const QUEUED = /Queued \(press ↑ to edit\)/;

/** Waits for the empty input line with nothing running, as the CLI first draws it. */
export async function geminiDrawn(pane: GeminiCliPane, timeoutMs = 60_000): Promise<string> {
  return pane.waitForScreen((s) => GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), { timeoutMs });
}

/**
 * Waits for the initialised CLI: its banner and the empty input line, nothing running. 0.61
 * draws the banner (and the transcript) on the first render after it initialised, which only a
 * key press brings: a typed and erased `x` nudges it.
 */
export async function geminiReady(pane: GeminiCliPane, timeoutMs = 60_000): Promise<string> {
  const drawn = await geminiDrawn(pane, timeoutMs);
  if (GEMINI_BANNER.test(drawn)) return drawn;
  await pane.type('x');
  await pane.waitForScreen(/^ [>*]\s+x\s*$/m, { timeoutMs: 5000 });
  await pane.press('BSpace');
  return pane.waitForScreen((s) => GEMINI_BANNER.test(s) && GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), { timeoutMs });
}

/** A finished turn whose reply contains `text`. */
export function geminiIdleWith(text: string): (screen: string) => boolean {
  // Gemini CLI wraps replies itself (hard line breaks): compare with whitespace collapsed.
  return (screen) => screen.replace(/\s+/g, ' ').includes(text) && GEMINI_READY.test(screen) && !GEMINI_BUSY.test(screen) && !QUEUED.test(screen);
}

/** Submits `prompt` once the CLI is ready, then waits for `until`. */
export async function geminiSubmitted(pane: GeminiCliPane, prompt: string, until: RegExp | ((screen: string) => boolean), timeoutMs = 30_000): Promise<string> {
  await geminiReady(pane);
  // The input line takes keys a moment after it is drawn.
  await sleep(500);
  await pane.submit(prompt);
  return pane.waitForScreen(until, { timeoutMs });
}

/** Submits `prompt` and waits for the finished reply containing `reply`. */
export async function geminiReplied(pane: GeminiCliPane, prompt: string, reply: string): Promise<string> {
  return geminiSubmitted(pane, prompt, geminiIdleWith(reply));
}

/** Waits for the `$ ` prompt of the shell the pane returns to. */
export async function geminiShellPrompt(pane: GeminiCliPane): Promise<string> {
  return pane.waitForScreen(/^\$ /m, { timeoutMs: 20_000 });
}
