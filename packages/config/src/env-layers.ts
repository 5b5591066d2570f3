import { quoteText } from './cut-text.js';
import type { ConfigProblem } from './errors.js';
import type { ConfigEnv } from './home.js';
import type { ConfigLayer } from './merge-layers.js';

type Parsed = { ok: true; value: unknown } | { ok: false; expected: string };

/** One environment variable that overrides one configuration key. */
export interface EnvBinding {
  readonly name: string;
  /** The key it sets. */
  readonly keyPath: readonly string[];
  /** What the variable does, for docs and `--help`. */
  readonly description: string;
  readonly parse: (raw: string) => Parsed;
}

const booleanWords: Readonly<Record<string, boolean>> = {
  '1': true, true: true, yes: true, on: true,
  '0': false, false: false, no: false, off: false,
};
const booleanExpected = 'a boolean (1/0, true/false, yes/no, on/off)';

function parseBoolean(raw: string): Parsed {
  const value = booleanWords[raw.trim().toLowerCase()];
  return value === undefined ? { ok: false, expected: booleanExpected } : { ok: true, value };
}

function mapBoolean(map: (flag: boolean) => unknown): (raw: string) => Parsed {
  return (raw) => {
    const parsed = parseBoolean(raw);
    return parsed.ok ? { ok: true, value: map(parsed.value === true) } : parsed;
  };
}

/** The environment variables `loadConfig` reads, in the order they are applied. */
export const envBindings: readonly EnvBinding[] = [
  {
    name: 'TMUX_ORC_ASYNC_DISABLED',
    keyPath: ['monitoring', 'async', 'enabled'],
    description: 'true turns the async (pooled, concurrent) monitor off: monitoring.async.enabled = false',
    parse: mapBoolean((disabled) => !disabled),
  },
  {
    name: 'TMUX_ORC_FORCE_SYNC',
    keyPath: ['monitoring', 'async', 'pool', 'transport'],
    description: 'true runs every tmux command as its own process (exec transport) instead of control mode',
    parse: mapBoolean((forced) => (forced ? 'exec' : 'control')),
  },
  {
    name: 'TMUX_ORC_POOL_SIZE',
    keyPath: ['monitoring', 'async', 'pool', 'max_size'],
    description: 'maximum pool connections (min_size is lowered to it when larger)',
    parse: (raw) =>
      /^\s*\d+\s*$/.test(raw) && Number(raw) > 0
        ? { ok: true, value: Number(raw) }
        : { ok: false, expected: 'a positive integer' },
  },
  {
    name: 'TMUX_ORC_CACHE_TTL',
    keyPath: ['monitoring', 'async', 'cache', 'default_ttl'],
    description: 'default cache time-to-live in seconds',
    parse: (raw) => {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isFinite(value) && value >= 0
        ? { ok: true, value }
        : { ok: false, expected: 'a number of seconds >= 0' };
    },
  },
  {
    name: 'TMUX_ORC_DEBUG_ASYNC',
    keyPath: ['logging', 'debug_async'],
    description: 'log the pool, cache and strategy internals at debug level',
    parse: parseBoolean,
  },
  {
    name: 'TMUX_ORC_PERF_LOGGING',
    keyPath: ['logging', 'performance'],
    description: 'write per-cycle timings to logs/performance.log',
    parse: parseBoolean,
  },
];

/**
 * One layer per set environment variable (unset and empty variables are ignored), and a problem
 * naming the variable for each value that does not parse.
 */
export function readEnvLayers(env: ConfigEnv): { layers: ConfigLayer[]; problems: ConfigProblem[] } {
  const layers: ConfigLayer[] = [];
  const problems: ConfigProblem[] = [];
  for (const binding of envBindings) {
    const raw = env[binding.name];
    if (raw === undefined || raw === '') continue;
    const source = `env:${binding.name}` as const;
    const parsed = binding.parse(raw);
    if (!parsed.ok) {
      problems.push({
        kind: 'invalid_env',
        keyPath: binding.keyPath.join('.'),
        expected: parsed.expected,
        actual: quoteText(raw),
        source,
        envVar: binding.name,
      });
      continue;
    }
    layers.push({ source, envVar: binding.name, data: nest(binding.keyPath, parsed.value) });
  }
  return { layers, problems };
}

function nest(path: readonly string[], value: unknown): Record<string, unknown> {
  let node: unknown = value;
  for (const key of [...path].reverse()) node = { [key]: node };
  return node as Record<string, unknown>;
}
