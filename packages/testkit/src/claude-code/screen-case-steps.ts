import type { ClaudeCodePane } from './start-claude-code.js';

/**
 * The prompt box is ready and nothing runs: the footer offers shortcuts (manual mode) or names
 * the other permission mode with `(shift+tab to cycle)`.
 */
export const READY = /\? for shortcuts|\(shift\+tab to cycle\)/;
/** A request is in flight: the footer offers to interrupt it. */
export const BUSY = /esc to interrupt/;
/** A permission panel asks before a tool runs. */
export const APPROVAL = /Do you want to[^\n]*\?[\s\S]*❯ 1\. Yes/;

/** Text the agent prints that contains crash and error words while nothing is wrong. */
export const ALARMING_REPLY = '3 tests failed, 12 passed. I killed the process on port 3000; the shell printed Terminated. Error: expected 200, got 500.';

/** What the fake API answers a plain prompt such as `hello`. */
export const HELLO_REPLY = 'Hello from the fake API. Done.';

export function idleWith(text: string): (screen: string) => boolean {
  return (screen) => screen.includes(text) && READY.test(screen) && !BUSY.test(screen);
}

export async function ready(pane: ClaudeCodePane): Promise<string> {
  return pane.waitForScreen(READY, { timeoutMs: 30_000 });
}

export async function replied(pane: ClaudeCodePane, prompt: string, reply: string): Promise<string> {
  await ready(pane);
  await pane.submit(prompt);
  return pane.waitForScreen(idleWith(reply), { timeoutMs: 20_000 });
}

export async function submitted(pane: ClaudeCodePane, prompt: string, until: RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
  await ready(pane);
  await pane.submit(prompt);
  return pane.waitForScreen(until, { timeoutMs });
}

/**
 * Answers an approval dialog with Enter (its first option), pressing again when the dialog is
 * still drawn a few seconds later: on a loaded machine an Enter sent while the dialog is still
 * being set up can be lost.
 */
export async function approve(pane: ClaudeCodePane, attempts = 3): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await pane.press('Enter');
    try {
      await pane.waitForScreen((screen) => !APPROVAL.test(screen), { timeoutMs: 5_000 });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

