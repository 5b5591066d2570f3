import {
  GEMINI_APPROVAL,
  GEMINI_BUSY,
  GEMINI_READY,
  type GeminiScreenCase,
  geminiDrawn,
  geminiIdleWith,
  geminiReady,
  geminiReplied,
  geminiSubmitted,
} from './gemini-screen-case.js';

/** Text the agent prints that contains crash and error words while nothing is wrong. */
export const GEMINI_ALARMING_REPLY = '3 tests failed, 12 passed. I killed the process on port 3000; the shell printed Terminated. Error: expected 200, got 500.';
/** The fake API's default reply. */
export const HELLO_REPLY = 'Hello from the fake API. Done.';
/** The fake API's reply on the turn after a tool ran. */
export const TOOL_RAN = 'The tool ran. Done.';
/** Gemini CLI wraps replies itself (hard line breaks), so text is matched with whitespace collapsed. */
const collapsed = (s: string): string => s.replace(/\s+/g, ' ');
const streaming = (step: number) => (s: string) => GEMINI_BUSY.test(s) && new RegExp(`step ${step} of`).test(collapsed(s));

/** Gemini CLI at work or waiting for someone: fresh, active, idle, waiting_input, queued_message screens. */
export const geminiWorkCases: readonly GeminiScreenCase[] = [
  {
    state: 'fresh',
    name: 'started',
    description: 'Gemini CLI just started and drew its input line, no key pressed yet (0.61 draws no banner before the first key).',
    drive: async ({ pane }) => geminiDrawn(pane),
  },
  {
    state: 'fresh',
    name: 'initialised',
    description: 'Gemini CLI started, `x` typed and erased: the banner and tips are drawn, no prompt given yet.',
    drive: async ({ pane }) => geminiReady(pane),
  },
  {
    state: 'active',
    name: 'streaming',
    description: 'prompt `SLOW:40 write the report`: text streams for 40 s; captured while it streams.',
    drive: async ({ pane }) => geminiSubmitted(pane, 'SLOW:40 write the report', streaming(8)),
  },
  {
    state: 'active',
    name: 'thinking',
    description: 'prompt `THINK:40 plan the refactor`: thought parts stream for 40 s (their subject is the loading phrase); captured while they stream.',
    drive: async ({ pane }) => geminiSubmitted(pane, 'THINK:40 plan the refactor', (s) => GEMINI_BUSY.test(s) && /Considering option \d/.test(s)),
  },
  {
    state: 'active',
    name: 'waiting-for-first-token',
    description: 'prompt `HANG`: the API sends headers and then nothing; the loading indicator runs.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'HANG on a second', GEMINI_BUSY);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      return pane.waitForScreen(GEMINI_BUSY);
    },
  },
  {
    state: 'active',
    name: 'alarming-text',
    description: `prompt \`SLOW:40 SAY: ${GEMINI_ALARMING_REPLY}\`: the streamed reply contains crash/error words; captured while streaming.`,
    drive: async ({ pane }) => geminiSubmitted(pane, `SLOW:40 SAY: ${GEMINI_ALARMING_REPLY}`, (s) => streaming(4)(s) && collapsed(s).includes('Terminated')),
  },
  {
    state: 'active',
    name: 'submitted-while-active',
    description: 'prompt `SLOW:40 write the report` streaming, and `then run the tests` submitted with Enter while it streams.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'SLOW:40 write the report', streaming(2));
      await pane.submit('then run the tests');
      return pane.waitForScreen((s) => GEMINI_BUSY.test(s) && /Queued \(press ↑ to edit\)/.test(s));
    },
  },
  { state: 'idle', name: 'replied', description: 'prompt `hello`: a short reply, finished.', drive: async ({ pane }) => geminiReplied(pane, 'hello', HELLO_REPLY) },
  {
    state: 'idle',
    name: 'alarming-text',
    description: `prompt \`SAY: ${GEMINI_ALARMING_REPLY}\`: the finished reply contains crash/error words.`,
    drive: async ({ pane }) => geminiReplied(pane, `SAY: ${GEMINI_ALARMING_REPLY}`, 'Terminated'),
  },
  {
    state: 'idle',
    name: 'long-reply',
    description: 'prompt `SLOW:10 write it all`: a reply long enough to scroll the banner away, finished.',
    drive: async ({ pane }) => geminiReplied(pane, 'SLOW:10 write it all', 'step 40 of 40.'),
  },
  {
    state: 'idle',
    name: 'after-approval',
    description: 'prompt `TOOL_SHELL clean up`, approved with Enter (1. Allow once): the command runs, the turn finishes.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'TOOL_SHELL clean up', GEMINI_APPROVAL);
      await pane.press('Enter');
      return pane.waitForScreen(geminiIdleWith(TOOL_RAN), { timeoutMs: 30_000 });
    },
  },
  {
    state: 'idle',
    name: 'approval-rejected',
    description: 'prompt `TOOL_SHELL clean up`, the confirmation cancelled with Escape.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'TOOL_SHELL clean up', GEMINI_APPROVAL);
      await pane.press('Escape');
      return pane.waitForScreen((s) => !GEMINI_APPROVAL.test(s) && GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), { timeoutMs: 30_000 });
    },
  },
  {
    state: 'idle',
    name: 'interrupted',
    description: 'prompt `SLOW:40 write the report`, cancelled with Escape while it streams.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'SLOW:40 write the report', streaming(4));
      await pane.press('Escape');
      return pane.waitForScreen((s) => GEMINI_READY.test(s) && !GEMINI_BUSY.test(s), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'waiting_input',
    name: 'shell-approval',
    description: 'prompt `TOOL_SHELL clean up`: the API asks for a run_shell_command call; Gemini CLI asks for approval.',
    drive: async ({ pane }) => geminiSubmitted(pane, 'TOOL_SHELL clean up', GEMINI_APPROVAL),
  },
  {
    state: 'waiting_input',
    name: 'write-approval',
    description: 'prompt `TOOL_WRITE save notes`: the API asks for a write_file call; Gemini CLI shows the diff and asks.',
    drive: async ({ pane }) => geminiSubmitted(pane, 'TOOL_WRITE save notes', GEMINI_APPROVAL),
  },
  {
    state: 'waiting_input',
    name: 'ask-user',
    description: 'prompt `ASK which database`: the API calls ask_user with a two-option question; Gemini CLI shows the choice dialog.',
    drive: async ({ pane }) => geminiSubmitted(pane, 'ASK which database', /Which database should the service use\?[\s\S]*SQLite/),
  },
  {
    state: 'queued_message',
    name: 'typed-not-sent',
    description: 'prompt `hello` answered, then `fix the failing tests please` typed into the input without Enter.',
    drive: async ({ pane }) => {
      await geminiReplied(pane, 'hello', HELLO_REPLY);
      await pane.type('fix the failing tests please');
      return pane.waitForScreen(/^ >\s+fix the failing tests please/m);
    },
  },
  {
    state: 'queued_message',
    name: 'typed-while-active',
    description: 'prompt `SLOW:40 write the report` streaming, and `then run the tests` typed into the input without Enter.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'SLOW:40 write the report', streaming(2));
      await pane.type('then run the tests');
      return pane.waitForScreen(/^ >\s+then run the tests/m);
    },
  },
  {
    state: 'active',
    name: 'http500-retrying',
    description:
      'prompt `ERR500`: every request answers HTTP 500; Gemini CLI retries (for more than 5 minutes) and shows only its loading indicator (no retry line, also with `ui.errorVerbosity: full`); captured after 12 s.',
    drive: async ({ pane }) => {
      await geminiSubmitted(pane, 'ERR500 please', GEMINI_BUSY);
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      return pane.waitForScreen(GEMINI_BUSY);
    },
  },
];
