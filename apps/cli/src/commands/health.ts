import type { LoadedConfig } from '@tmux-orc/config';
import { defaultThresholds, evaluateHealth, type HealthThresholds } from '../render/health-checks.js';
import type { CommandIo } from '../shared/command-io.js';
import { getStatus } from './status.js';

/** Threshold flags of `tmux-orc health`, as typed. */
export interface HealthOptions {
  readonly json?: boolean;
  readonly maxCycleMs?: string;
  readonly maxPoolUtilisation?: string;
  readonly minCacheHitRate?: string;
  readonly maxErrorRate?: string;
  readonly maxTimeouts?: string;
}

function readThresholds(options: HealthOptions, defaults: HealthThresholds): HealthThresholds | string {
  const read = (flag: string, text: string | undefined, fallback: number): number | string => {
    if (text === undefined) return fallback;
    const value = Number(text);
    return Number.isFinite(value) && value >= 0 ? value : `--${flag}: expected a number >= 0, got \`${text}\``;
  };
  const values = {
    maxCycleMs: read('max-cycle-ms', options.maxCycleMs, defaults.maxCycleMs),
    maxPoolUtilisation: read('max-pool-utilisation', options.maxPoolUtilisation, defaults.maxPoolUtilisation),
    minCacheHitRate: read('min-cache-hit-rate', options.minCacheHitRate, defaults.minCacheHitRate),
    maxErrorRate: read('max-error-rate', options.maxErrorRate, defaults.maxErrorRate),
    maxConnectionTimeouts: read('max-timeouts', options.maxTimeouts, defaults.maxConnectionTimeouts),
  };
  const problem = Object.values(values).find((v): v is string => typeof v === 'string');
  if (problem !== undefined) return problem;
  return { ...defaults, ...(values as Omit<HealthThresholds, 'minCacheReads'>) };
}

/** `tmux-orc health`: ✅/❌ per threshold; exit 1 when any fails, 2 on a bad flag. */
export async function runHealth(loaded: LoadedConfig, options: HealthOptions, io: CommandIo): Promise<number> {
  const limits = readThresholds(options, defaultThresholds(loaded.config));
  if (typeof limits === 'string') {
    io.stderr(`${limits}\n`);
    return 2;
  }
  const status = await getStatus(loaded, {});
  if (status.detailed === undefined) throw new Error('Expected the status to carry metrics (detailed), got none');
  const checks = evaluateHealth(status.detailed, status.cycle.ms, limits, loaded.config.monitoring.async.cache.enabled);
  const ok = checks.every((check) => check.ok);
  if (options.json === true) {
    io.stdout(`${JSON.stringify({ ok, source: status.source, checks }, null, 2)}\n`);
  } else {
    const lines = checks.map((check) => `${check.ok ? '✅' : '❌'} ${check.name}: ${check.message}`);
    const from = status.source === 'one-shot' ? 'one cycle run here (no daemon watches this server)' : `the ${status.source}`;
    io.stdout(`${lines.join('\n')}\n${ok ? 'healthy' : 'UNHEALTHY'} (metrics from ${from})\n`);
  }
  return ok ? 0 : 1;
}
