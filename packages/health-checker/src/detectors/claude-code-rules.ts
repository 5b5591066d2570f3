import { crashRuleSpecs, detectorRules, type RuleSpec, titleWorkingSpec } from '../detector-rule.js';

/** Claude Code's rules, in the order `classifyClaudeCode` tries them. */
export const claudeCodeRuleSpecs = [
  ...crashRuleSpecs,
  { name: 'empty-screen', states: ['unknown'], looksFor: 'nothing on the screen' },
  { name: 'choice-dialog', states: ['waiting_input'], looksFor: 'a numbered (or first-run) choice list with `❯` on the selected option that offers to refuse or shows a dialog\'s key hints' },
  { name: 'transcript-view', states: ['waiting_input', 'active'], looksFor: 'the ctrl+o transcript view footer: `dialog waiting · Showing detailed transcript` or `working · …`' },
  { name: 'api-retrying', states: ['error', 'rate_limited'], looksFor: 'the newest status line says `… · retrying in 4s · attempt 5/10` (`429 …` is a rate limit)' },
  { name: 'compacting', states: ['compacting'], looksFor: 'the newest status line says `Compacting conversation…`' },
  { name: 'typed-while-busy', states: ['queued_message'], looksFor: 'text typed into the box while a status line, `esc to interrupt` or `⎿ Queued` says a turn runs' },
  { name: 'status-working', states: ['active'], looksFor: 'the newest status line is a spinner, a verb and `…` (`✶ Gusting… (4s · ↓ 79 tokens)`)' },
  { name: 'background-agents', states: ['active'], looksFor: 'the newest status line says `Waiting for 1 background agent to finish`' },
  { name: 'footer-interrupt', states: ['active'], looksFor: '`esc to interrupt` in the footer under the box' },
  { name: 'queued-by-claude', states: ['active'], looksFor: 'a message Claude Code queued itself (`⎿ Queued`) above the box' },
  { name: 'turn-outcome', states: ['error', 'rate_limited'], looksFor: "the latest turn ended with Claude Code's own `● API Error: …`, `⎿ Invalid API key` or a usage-limit notice" },
  { name: 'typed-text', states: ['queued_message'], looksFor: 'text typed into the box and never sent (not a hint Claude Code writes there)' },
  { name: 'turn-completed', states: ['no_activity'], looksFor: 'the newest status line is a finished turn, a past-tense verb and its duration (`✻ Cooked for 3m 1s`)' },
  { name: 'no-prompt-box', states: ['unknown'], looksFor: 'no prompt box (the `────` rules around `❯`) on the screen' },
  { name: 'fresh-banner', states: ['fresh'], looksFor: 'the start banner and no turn in the transcript' },
  { name: 'quiet-prompt', states: ['no_activity'], looksFor: 'the prompt box with no sign of work above or under it', ambiguous: true },
  titleWorkingSpec,
] as const satisfies readonly RuleSpec[];

/** A rule name of {@link claudeCodeRuleSpecs}. */
export type ClaudeCodeRule = (typeof claudeCodeRuleSpecs)[number]['name'];

/** Claude Code's rules with their ids. */
export const claudeCodeRules = detectorRules('claude-code', claudeCodeRuleSpecs);
