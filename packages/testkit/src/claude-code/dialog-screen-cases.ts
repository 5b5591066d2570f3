import { APPROVAL, BUSY, READY, approve, idleWith, ready, submitted } from './screen-case-steps.js';
import type { ScreenCase } from './screen-cases.js';

/** The transcript view (ctrl+o) replaces the box; its footer names it. */
const TRANSCRIPT_VIEW = /Showing detailed transcript/;

/**
 * Dialogs Claude Code shows besides tool approvals, each waiting for a person. Their rows in the
 * fake API's script are `toolScenarios` (`../fake-anthropic/tool-scenarios.ts`).
 */
export const dialogCases: readonly ScreenCase[] = [
  {
    state: 'waiting_input',
    name: 'ask-user-question',
    description:
      'prompt `ASK_CHOICE pick one`: the API calls the AskUserQuestion tool; Claude Code shows its multiple-choice dialog (options, `Enter to select · ↑/↓ to navigate · Esc to cancel`, no prompt box).',
    drive: async ({ pane }) => submitted(pane, 'ASK_CHOICE pick one', /Enter to select/),
  },
  {
    state: 'waiting_input',
    name: 'exit-plan-mode',
    description: '`--permission-mode plan`, prompt `PLAN_EXIT make a plan`: the API calls ExitPlanMode; Claude Code asks `Exit plan mode?` (`❯ 1. Yes, …`, `2. No`).',
    start: { permissionMode: 'plan' },
    drive: async ({ pane }) => submitted(pane, 'PLAN_EXIT make a plan', /Exit plan mode\?[\s\S]*❯ 1\./),
  },
  {
    state: 'waiting_input',
    name: 'approval-behind-transcript',
    description: 'prompt `TOOL_BASH clean up`, then ctrl+o while the approval panel shows: the transcript view hides the panel; its footer says `dialog waiting`.',
    drive: async ({ pane }) => {
      await submitted(pane, 'TOOL_BASH clean up', APPROVAL);
      await pane.press('C-o');
      return pane.waitForScreen(/dialog waiting/, { timeoutMs: 10_000 });
    },
  },
  {
    state: 'waiting_input',
    name: 'api-key-dialog',
    description:
      'started with the API key not yet approved: `Detected a custom API key in your environment`, `Do you want to use this API key?`, `    Yes` / `  ❯ No (recommended)` (no numbers), `Enter to confirm · Esc to cancel`.',
    start: { firstRunDialogs: ['api-key'] },
    drive: async ({ pane }) => pane.waitForScreen(/Do you want to use this API key\?[\s\S]*Enter to confirm/, { timeoutMs: 30_000 }),
  },
  {
    state: 'waiting_input',
    name: 'folder-trust-dialog',
    description:
      'started in a folder not yet trusted: `Accessing workspace:`, `Quick safety check: Is this a project you created or one you trust?`, ` ❯ No, exit` / `   Yes, I trust this folder` (no numbers), `Enter to confirm · Esc to cancel`.',
    start: { firstRunDialogs: ['folder-trust'] },
    drive: async ({ pane }) => pane.waitForScreen(/Yes, I trust this folder[\s\S]*Enter to confirm/, { timeoutMs: 30_000 }),
  },
  {
    state: 'idle',
    name: 'tool-output-quotes-api-error',
    description:
      "prompt `TOOL_QUOTE look`: an approved Bash command prints `API Error: 401 invalid x-api-key` and exits 3; then ctrl+o shows the transcript view with the tool's output (`⎿  Error: Exit code 3`, `API Error: 401 …`) above the answer.",
    drive: async ({ pane }) => {
      await submitted(pane, 'TOOL_QUOTE look', APPROVAL);
      await approve(pane);
      await pane.waitForScreen(idleWith('The tool ran. Done.'), { timeoutMs: 20_000 });
      await pane.press('C-o');
      return pane.waitForScreen((s) => TRANSCRIPT_VIEW.test(s) && /API Error: 401/.test(s), { timeoutMs: 10_000 });
    },
  },
];

/** Work that outlives a turn: background shells and background agents. */
export const backgroundCases: readonly ScreenCase[] = [
  {
    state: 'idle',
    name: 'background-shell',
    description:
      'prompt `BG_SHELL start it`: a Bash `sleep 600` started with run_in_background; the turn ends with `✻ Baked for 4s · done … · 1 shell still running` and the footer `1 shell · ↓ to manage` (no `? for shortcuts`).',
    drive: async ({ pane }) => {
      await ready(pane);
      await pane.submit('BG_SHELL start it');
      return pane.waitForScreen((s) => /shell still running/.test(s) && !BUSY.test(s), { timeoutMs: 20_000 });
    },
  },
  {
    state: 'active',
    name: 'background-agent',
    description:
      'prompt `BG_AGENT go`: the Agent tool starts a background helper that streams for 60 s; the main turn shows `✻ Waiting for 1 background agent to finish` with the footer `? for shortcuts` and the agents list under it.',
    drive: async ({ pane }) => submitted(pane, 'BG_AGENT go', (s) => /Waiting for 1 background agent/.test(s) && READY.test(s)),
  },
];
