import { detectorRules, type RuleSpec } from '../detector-rule.js';

/** The shell detector's rules, in the order `classifyShell` tries them. */
export const shellRuleSpecs = [
  { name: 'pane-dead', states: ['crashed'], looksFor: 'tmux says the pane is dead (remain-on-exit)' },
  { name: 'unknown-command', states: ['unknown'], looksFor: "a command in the foreground that is no shell and that no detector knows" },
  { name: 'at-prompt', states: ['no_activity'], looksFor: 'a shell in the foreground (its prompt, when one is found, is the evidence)', ambiguous: true },
] as const satisfies readonly RuleSpec[];

/** A rule name of {@link shellRuleSpecs}. */
export type ShellRule = (typeof shellRuleSpecs)[number]['name'];

/** The shell detector's rules with their ids. */
export const shellRules = detectorRules('shell', shellRuleSpecs);
