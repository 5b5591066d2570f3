import type { Config } from '@tmux-orc/config';

/** The monitor's time spans, derived from the config once (ms). */
export interface MonitorTimings {
  /** Between cycles: `monitoring.check_interval`. */
  readonly intervalMs: number;
  /** After a restart attempt before the agent is judged again: 30 s, or three cycles when longer. */
  readonly restartGraceMs: number;
  /**
   * After a server came back, its vanished agents are not called missing for this long (it may
   * still be rebuilding its windows): a minute, or three cycles when longer.
   */
  readonly missingGraceMs: number;
  /** How long `state.json` keeps what cannot change a decision any more: a day, or the longest cooldown. */
  readonly keepStateMs: number;
}

/** Derives the {@link MonitorTimings} of `config`. */
export function monitorTimings(config: Config): MonitorTimings {
  const intervalMs = config.monitoring.check_interval * 1000;
  return {
    intervalMs,
    restartGraceMs: Math.max(30_000, 3 * intervalMs),
    missingGraceMs: Math.max(60_000, 3 * intervalMs),
    keepStateMs: Math.max(86_400_000, ...Object.values(config.notifications.cooldowns).map((s) => s * 1000)),
  };
}
