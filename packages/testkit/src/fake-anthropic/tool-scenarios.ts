import type { FakeScenario } from './fake-reply.js';

/**
 * Reply rows that make Claude Code show its dialogs and its background work, each a tool call
 * the real CLI handles itself (keywords are whole words of the last user prompt):
 *
 * | keyword | tool call | what Claude Code shows |
 * |---|---|---|
 * | `ASK_CHOICE` | `AskUserQuestion` (one question, two options) | the multiple-choice dialog: `❯ 1. PostgreSQL`, `Enter to select · ↑/↓ to navigate · Esc to cancel` |
 * | `PLAN_EXIT` | `ExitPlanMode` (in plan mode) | `Exit plan mode?` with `❯ 1. Yes, …` / `2. No` |
 * | `TOOL_QUOTE` | `Bash` printing `API Error: 401 …` and exiting 3 (needs approval) | after approval, `⎿  Error: Exit code 3` + the printed line in the transcript view (ctrl+o) |
 * | `BG_SHELL` | `Bash` `sleep 600` with `run_in_background` | `✻ Baked for 4s · done … · 1 shell still running` |
 * | `BG_AGENT` | `Agent` with `run_in_background`, prompt `SLOW:60 …` | `✻ Waiting for 1 background agent to finish` while the helper streams |
 */
export const toolScenarios: readonly FakeScenario[] = [
  {
    name: 'ask-choice',
    match: 'ASK_CHOICE',
    reply: () => ({
      kind: 'tool_use',
      name: 'AskUserQuestion',
      text: 'I need a decision.',
      input: {
        questions: [
          {
            question: 'Which database should the service use?',
            header: 'Database',
            multiSelect: false,
            options: [
              { label: 'PostgreSQL', description: 'Relational, strong consistency' },
              { label: 'SQLite', description: 'A file, no server' },
            ],
          },
        ],
      },
    }),
  },
  {
    name: 'plan-exit',
    match: 'PLAN_EXIT',
    reply: () => ({ kind: 'tool_use', name: 'ExitPlanMode', text: 'Here is the plan.', input: { plan: '1. Add the table\n2. Write the migration\n3. Run the tests' } }),
  },
  {
    name: 'tool-quote',
    match: 'TOOL_QUOTE',
    reply: () => ({
      kind: 'tool_use',
      name: 'Bash',
      text: 'Reading the other log.',
      input: { command: "printf 'API Error: 401 invalid x-api-key\\n'; exit 3", description: 'Show the other session log' },
    }),
  },
  {
    name: 'bg-shell',
    match: 'BG_SHELL',
    reply: () => ({ kind: 'tool_use', name: 'Bash', text: 'Starting the server.', input: { command: 'sleep 600', description: 'Run the dev server', run_in_background: true } }),
  },
  {
    name: 'bg-agent',
    match: 'BG_AGENT',
    reply: () => ({
      kind: 'tool_use',
      name: 'Agent',
      text: 'Starting a helper.',
      input: { description: 'Slow helper', prompt: 'SLOW:60 help me', subagent_type: 'general-purpose', run_in_background: true },
    }),
  },
];
