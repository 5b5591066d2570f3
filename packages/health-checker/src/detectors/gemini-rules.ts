import { crashRuleSpecs, detectorRules, type RuleSpec, titleWorkingSpec } from '../detector-rule.js';

/** Gemini CLI's rules, in the order `classifyGemini` tries them. */
export const geminiRuleSpecs = [
  ...crashRuleSpecs,
  { name: 'empty-screen', states: ['no_activity'], looksFor: 'a blank capture: Ink clears the screen before a full redraw', ambiguous: true },
  { name: 'tool-confirmation', states: ['waiting_input'], looksFor: '`Allow execution of [Shell]?` / `Apply this change?` with `● 1. Allow once`, drawn instead of the composer' },
  { name: 'retry-dialog', states: ['rate_limited', 'error'], looksFor: 'the `Keep trying` / `Stop` dialog (a usage limit or quota in its message is a rate limit)' },
  { name: 'ask-user-dialog', states: ['waiting_input'], looksFor: 'a question with numbered choices and `Enter to select · … · Esc to cancel`' },
  { name: 'unknown-dialog', states: ['unknown'], looksFor: 'no composer and numbered options at the bottom: a dialog this detector does not know' },
  { name: 'redrawing', states: ['no_activity'], looksFor: 'no composer and no dialog: the CLI is between two frames', ambiguous: true },
  { name: 'waiting-confirmation', states: ['waiting_input'], looksFor: '`Waiting for user confirmation` above the composer (older releases)' },
  { name: 'typed-text', states: ['queued_message'], looksFor: 'text in the input line, not the `Type your message…` placeholder' },
  { name: 'loading-indicator', states: ['active'], looksFor: 'the loading indicator `(esc to cancel, 12s)` above the composer' },
  { name: 'compressing', states: ['compacting'], looksFor: '`⠋ Compressing chat history` above the composer' },
  { name: 'queued-by-gemini', states: ['active'], looksFor: 'a prompt Gemini CLI queued itself: `Queued (press ↑ to edit):`' },
  { name: 'turn-error', states: ['error', 'rate_limited'], looksFor: '`✕ [API Error: …]` in the latest turn (429 / quota words make it a rate limit)' },
  { name: 'fresh-start-screen', states: ['fresh'], looksFor: 'nothing but the logo, tips and start warnings above the composer' },
  { name: 'quiet-composer', states: ['no_activity'], looksFor: 'an empty composer and no sign of work above it', ambiguous: true },
  titleWorkingSpec,
] as const satisfies readonly RuleSpec[];

/** A rule name of {@link geminiRuleSpecs}. */
export type GeminiRule = (typeof geminiRuleSpecs)[number]['name'];

/** Gemini CLI's rules with their ids. */
export const geminiRules = detectorRules('gemini', geminiRuleSpecs);
