export type { AdaptiveStrategyOptions } from './adaptive-options.js';
export { createAdaptiveStrategy, type AdaptiveStrategy } from './adaptive-strategy.js';
export { createStrategy } from './create-strategy.js';
