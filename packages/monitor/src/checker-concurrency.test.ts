import { createDefaultConfig } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { checkerConcurrency } from './checker-concurrency.js';

const defaultConfig = createDefaultConfig('/tmp/tmux-orc-home');

function withOptions(strategy_options: Record<string, unknown>) {
  return { ...defaultConfig, monitoring: { ...defaultConfig.monitoring, async: { ...defaultConfig.monitoring.async, strategy_options } } };
}

describe('checkerConcurrency', () => {
  it('follows the concurrent strategy\'s concurrency option, else leaves the checker its default', () => {
    expect(checkerConcurrency(withOptions({ concurrency: 200 }))).toBe(200);
    expect(checkerConcurrency(withOptions({}))).toBeUndefined();
    expect(checkerConcurrency(withOptions({ concurrency: 'lots' }))).toBeUndefined();
    expect(checkerConcurrency(withOptions({ concurrency: 0 }))).toBeUndefined();
  });
});
