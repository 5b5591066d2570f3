import { crashRuleSpecs, detectorRules, type RuleSpec } from '../detector-rule.js';

/** Aider's rules, in the order `classifyAider` tries them. */
export const aiderRuleSpecs = [
  ...crashRuleSpecs,
  { name: 'empty-screen', states: ['unknown'], looksFor: 'nothing on the screen' },
  { name: 'confirm-prompt', states: ['waiting_input'], looksFor: '`… (Y)es/(N)o … [Yes]:` on the bottom line' },
  { name: 'retrying', states: ['error', 'rate_limited'], looksFor: 'no prompt and `Retrying in N seconds...` (after `litellm.RateLimitError` a rate limit)' },
  { name: 'waiting-spinner', states: ['active'], looksFor: 'no prompt and `Waiting for <model>` (or a repo scan) near the bottom' },
  { name: 'no-prompt', states: ['no_activity'], looksFor: 'no prompt and no sign of work on the bottom lines', ambiguous: true },
  { name: 'error-above-prompt', states: ['error', 'rate_limited'], looksFor: 'a litellm/API error just above the `> ` prompt' },
  { name: 'typed-text', states: ['queued_message'], looksFor: 'text after the `> ` prompt' },
  { name: 'fresh-header', states: ['fresh'], looksFor: 'the `Aider v…` header, one prompt and no token report' },
  { name: 'at-prompt', states: ['no_activity'], looksFor: 'an empty `> ` prompt on the bottom line', ambiguous: true },
] as const satisfies readonly RuleSpec[];

/** A rule name of {@link aiderRuleSpecs}. */
export type AiderRule = (typeof aiderRuleSpecs)[number]['name'];

/** Aider's rules with their ids. */
export const aiderRules = detectorRules('aider', aiderRuleSpecs);
