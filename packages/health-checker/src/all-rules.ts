import { checkerRules } from './checker-rules.js';
import type { DetectorRule } from './detector-rule.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';

/** Every rule of the built-in detectors, then the checker's own (`none/…`), in each detector's order. */
export const allRules: readonly DetectorRule[] = [...builtinDetectors.flatMap((detector) => detector.rules ?? []), ...checkerRules];
