import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from './defaults.js';
import { maxTimerSeconds } from './duration.js';
import { ConfigError, formatConfigProblem } from './errors.js';
import { loadConfig } from './load-config.js';
import type { ConfigOverrides } from './schema.js';

// Every duration key and its range in seconds; the README's key table states the same.
const bounds: Record<string, [min: number, max: number]> = {
  'monitoring.check_interval': [0.1, 86_400],
  'monitoring.debounce': [0, 86_400],
  'monitoring.async.pool.connection_timeout': [0.1, 600],
  'monitoring.async.pool.max_age': [1, 604_800],
  'monitoring.async.cache.default_ttl': [0, 86_400],
  ...Object.fromEntries(
    Object.keys(createDefaultConfig('/h').notifications.cooldowns).map((s) => [`notifications.cooldowns.${s}`, [0, 604_800]]),
  ),
  'notifications.hook_timeout': [0.1, 3600],
  'notifications.rate_limit_pause': [0, 604_800],
  'notifications.escalation.missing_agent.0': [0, 604_800],
  'notifications.escalation.team_idle.0': [0, 604_800],
  'recovery.resubmit_spacing': [0, 3600],
};

/** `{ a: { b: [v] } }` for `a.b.0`: lists hold the one value. */
function overrideAt(path: string, value: number): ConfigOverrides {
  const segments = path.split('.');
  const last = segments.at(-1) === '0' ? [value] : value;
  const keys = segments.at(-1) === '0' ? segments.slice(0, -1) : segments;
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), last) as ConfigOverrides;
}

async function problemsFor(path: string, value: number): Promise<string[]> {
  try {
    await loadConfig({ env: {}, readHomeFile: false, home: '/tmp/tmux-orc-no-home', argvOverrides: overrideAt(path, value) });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(formatConfigProblem);
  }
}

describe('duration bounds', () => {
  it('covers every numeric key of the defaults that is not a count', () => {
    const counts = ['max_failures', 'concurrency', 'hook_concurrency', 'min_size', 'max_size', 'max_attempts_per_hour', 'resubmit_attempts'];
    const durations: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.slice(0, 1).forEach((v, i) => walk(v, `${path}.${i}`));
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
      else if (typeof value === 'number' && !counts.includes(path.split('.').at(-1) ?? '')) durations.push(path);
    };
    walk(createDefaultConfig('/h'), '');
    expect(durations.sort()).toEqual(Object.keys(bounds).sort());
  });

  it('keeps every maximum under what setTimeout can wait', () => {
    for (const [, max] of Object.values(bounds)) expect(max * 1000).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(maxTimerSeconds).toBe(2147483.647);
  });

  it.each(Object.entries(bounds))('%s takes %j and rejects values outside, naming key, range and value', async (path, [min, max]) => {
    expect(await problemsFor(path, min)).toEqual([]);
    expect(await problemsFor(path, max)).toEqual([]);
    const expected = `expected a number of seconds from ${min} to ${max}`;
    expect(await problemsFor(path, max + 1)).toEqual([`cli ${path}: ${expected}, got \`${max + 1}\``]);
    expect(await problemsFor(path, 2 ** 31)).toEqual([`cli ${path}: ${expected}, got \`${2 ** 31}\``]);
    const below = min === 0 ? -1 : min / 100;
    expect(await problemsFor(path, below)).toEqual([`cli ${path}: ${expected}, got \`${below}\``]);
  });

  it('rejects `--interval 3000000` and `--interval 0.001` (setTimeout overflow, a spinning loop)', async () => {
    expect(await problemsFor('monitoring.check_interval', 3_000_000)).toEqual([
      'cli monitoring.check_interval: expected a number of seconds from 0.1 to 86400, got `3000000`',
    ]);
    expect(await problemsFor('monitoring.check_interval', 0.001)).toEqual([
      'cli monitoring.check_interval: expected a number of seconds from 0.1 to 86400, got `0.001`',
    ]);
  });

  it('bounds a duration set by the environment, naming the variable', async () => {
    const error = await loadConfig({ env: { TMUX_ORC_CACHE_TTL: '1e9' }, readHomeFile: false, home: '/tmp/tmux-orc-no-home' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map(formatConfigProblem)).toEqual([
      'TMUX_ORC_CACHE_TTL: expected a number of seconds from 0 to 86400, got `1000000000` (sets monitoring.async.cache.default_ttl)',
    ]);
  });
});
