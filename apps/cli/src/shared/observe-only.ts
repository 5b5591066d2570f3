import type { Config } from '@tmux-orc/config';

/**
 * The configuration with every action switched off: commands that only look (`status`, `health`,
 * `perf watch` without a daemon, the demo) must never message a PM, press Enter or restart an agent.
 */
export function observeOnly(config: Config): Config {
  return {
    ...config,
    notifications: { ...config.notifications, pm_enabled: false, hooks: [] },
    recovery: { ...config.recovery, restart_crashed: false, resubmit_attempts: 0 },
  };
}
