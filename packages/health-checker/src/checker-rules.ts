import { detectorRules, type RuleSpec } from './detector-rule.js';

/** The rules of verdicts no detector gave: the checker's own (detector `none`). */
export const checkerRules = detectorRules('none', [
  { name: 'pane-vanished', states: ['unknown'], looksFor: 'the pane was listed but gone when its screen was captured' },
  { name: 'check-failed', states: ['unknown'], looksFor: 'capturing the pane failed (the reason is the detail)' },
] as const satisfies readonly RuleSpec[]);
