import { crashRuleSpecs, detectorRules, type RuleSpec, titleWorkingSpec } from '../detector-rule.js';

/** Codex's rules, in the order `classifyCodex` tries them. */
export const codexRuleSpecs = [
  ...crashRuleSpecs,
  { name: 'killed-leftover-prompt', states: ['crashed'], looksFor: 'a shell command in the pane and a bare `$`/`#` prompt left mid-screen (Codex killed, its screen not cleared)' },
  { name: 'empty-screen', states: ['unknown'], looksFor: 'nothing on the screen' },
  { name: 'choice-dialog', states: ['waiting_input'], looksFor: 'a key hint (`Press enter to confirm`, `enter to submit`) under a `›`-selected numbered option' },
  { name: 'reconnecting', states: ['error', 'rate_limited'], looksFor: 'the status indicator says `Reconnecting... 2/5` (a usage limit under it is a rate limit)' },
  { name: 'compacting', states: ['compacting'], looksFor: 'the status indicator says `• Compacting context`' },
  { name: 'status-interrupt', states: ['active'], looksFor: 'a status indicator with `esc to interrupt` above the composer' },
  { name: 'truncated-status', states: ['active'], looksFor: 'the newest status header cut with `…` (its `esc to interrupt` cut with it)' },
  { name: 'error-cell', states: ['error', 'rate_limited'], looksFor: "a `■ …` error cell in the newest turn (`You've hit your usage limit` is a rate limit)" },
  { name: 'no-composer', states: ['unknown'], looksFor: 'no `›` composer near the bottom' },
  { name: 'typed-text', states: ['queued_message'], looksFor: "text in the composer that is not one of Codex's placeholder prompts" },
  { name: 'fresh-banner', states: ['fresh'], looksFor: 'the `>_ OpenAI Codex` banner and no history cell' },
  { name: 'quiet-composer', states: ['no_activity'], looksFor: 'an empty composer and no status indicator (also while text streams)', ambiguous: true },
  titleWorkingSpec,
] as const satisfies readonly RuleSpec[];

/** A rule name of {@link codexRuleSpecs}. */
export type CodexRule = (typeof codexRuleSpecs)[number]['name'];

/** Codex's rules with their ids. */
export const codexRules = detectorRules('codex', codexRuleSpecs);
