import { TestkitError } from '../testkit-error.js';
import { GEMINI_BUSY, GEMINI_READY, GEMINI_RETRY_DIALOG, type GeminiScreenCase, type GeminiScreenCaseContext, geminiReady, geminiReplied, geminiShellPrompt, geminiSubmitted } from './gemini-screen-case.js';
import { HELLO_REPLY, TOOL_RAN } from './gemini-work-cases.js';
import { processTree } from './process-tree.js';

/** Kills the Gemini CLI processes of the pane (launcher and the node it re-spawned), as a crash would. */
async function killGemini({ pane, sandbox }: GeminiScreenCaseContext): Promise<void> {
  const shellPid = Number((await sandbox.tmux('display-message', '-p', '-t', pane.paneId, '#{pane_pid}')).trim());
  const below = (await processTree(shellPid)).filter((pid) => pid !== shellPid);
  if (below.length === 0) throw new TestkitError('SPAWN_FAILED', `Expected Gemini CLI processes under pane shell ${shellPid}, got none`);
  for (const pid of below.reverse()) process.kill(pid, 'SIGKILL');
}

/** Gemini CLI failing, limited, compacting, gone, and its yolo mode: the other recorded screens. */
export const geminiFailureCases: readonly GeminiScreenCase[] = [
  {
    state: 'error',
    name: 'http400-invalid-key',
    description: 'prompt `ERR400`: HTTP 400 `API key not valid` (not retried): `✕ [API Error: …]`.',
    drive: async ({ pane }) => geminiSubmitted(pane, 'ERR400 please', (s) => /✕/.test(s) && GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), 40_000),
  },
  {
    state: 'rate_limited',
    name: 'http429-daily-quota',
    description: 'prompt `ERR429_DAILY`: HTTP 429 RESOURCE_EXHAUSTED with a per-day QuotaFailure: the "Usage limit reached" dialog (Keep trying / Stop).',
    drive: async ({ pane }) => geminiSubmitted(pane, 'ERR429_DAILY please', GEMINI_RETRY_DIALOG, 60_000),
  },
  {
    state: 'rate_limited',
    name: 'http429-stopped',
    description: 'prompt `ERR429_DAILY`, then `2. Stop` chosen in the usage-limit dialog: what the failed turn leaves.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'ERR429_DAILY please', GEMINI_RETRY_DIALOG, 60_000);
      await pane.press('Down');
      // Keys sent in one burst can reach the dialog as one input: Enter waits for the moved selection.
      await pane.waitForScreen(/● 2\. Stop/, { timeoutMs: 5000 });
      await pane.press('Enter');
      return pane.waitForScreen((s) => !GEMINI_RETRY_DIALOG.test(s) && GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'compacting',
    name: 'compress',
    description: 'prompt `hello`, then `/compress`; the fake API streams the state snapshot for 6 s; captured while it runs.',
    drive: async ({ pane }) => {
      await geminiReplied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/compress');
      return pane.waitForScreen(/Compressing chat history/, { timeoutMs: 10_000 });
    },
  },
  {
    state: 'idle',
    name: 'compressed',
    description: 'prompt `hello`, then `/compress`, captured after it finished.',
    drive: async ({ pane }) => {
      await geminiReplied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/compress');
      await pane.waitForScreen(/Compressing chat history/, { timeoutMs: 10_000 });
      return pane.waitForScreen((s) => !/Compressing chat history/.test(s) && GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), { timeoutMs: 30_000 });
    },
  },
  {
    state: 'crashed',
    name: 'exited-to-shell',
    description: 'prompt `hello`, then `/quit`: Gemini CLI exits and the pane is back at the `$ ` shell prompt.',
    drive: async ({ pane }) => {
      await geminiReplied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/quit');
      return geminiShellPrompt(pane);
    },
  },
  {
    state: 'crashed',
    name: 'killed-to-shell',
    description: 'prompt `hello`, then the Gemini CLI processes are killed with SIGKILL: its last screen stays, the shell prompt follows.',
    drive: async (context) => {
      await geminiReplied(context.pane, 'hello', HELLO_REPLY);
      await killGemini(context);
      return geminiShellPrompt(context.pane);
    },
  },
  {
    state: 'crashed',
    name: 'pane-dead',
    description: 'Gemini CLI run as the pane command itself with remain-on-exit; prompt `hello`, then `/quit`: `pane_dead` = 1.',
    start: { onExit: 'exit', remainOnExit: true },
    drive: async ({ pane }) => {
      await geminiReplied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/quit');
      // The CLI prints its session summary and cleans up first: seconds on a loaded machine.
      for (let tries = 0; tries < 300; tries += 1) {
        if ((await pane.info()).dead) return pane.capture();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new TestkitError('SCREEN_TIMEOUT', `Expected pane ${pane.paneId} to be dead after /quit, got a live pane:\n${await pane.capture()}`);
    },
  },
  {
    state: 'fresh',
    name: 'yolo',
    description: 'started with `--approval-mode yolo`, no prompt given yet.',
    start: { approvalMode: 'yolo' },
    drive: async ({ pane }) => geminiReady(pane),
  },
  {
    state: 'idle',
    name: 'yolo-tool-ran',
    description: '`--approval-mode yolo`, prompt `TOOL_SHELL clean up`: the command runs without asking; the reply after it is finished.',
    start: { approvalMode: 'yolo' },
    drive: async ({ pane }) => geminiReplied(pane, 'TOOL_SHELL clean up', TOOL_RAN),
  },
];
