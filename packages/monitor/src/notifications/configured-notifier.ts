import type { Config } from '@tmux-orc/config';
import type { Logger } from '@tmux-orc/tmux-pool';
import type { MonitorClocks } from '../monitor-api.js';
import { createNotifier, type Notifier } from './create-notifier.js';

/**
 * The notifier of a monitor's config (`notifications.channels`). Says once, at creation, that
 * `notifications.hooks` is deprecated when some are configured (they still run).
 */
export function createConfiguredNotifier(config: Config, logger: Logger, clocks: MonitorClocks, env: Readonly<Record<string, string | undefined>> | undefined): Notifier {
  if (config.notifications.hooks.length > 0) {
    logger.warn('notifications.hooks is deprecated and still runs: move each hook to notifications.channels as { type: command, command, filter: { states: [<to>] } }', { hooks: config.notifications.hooks.length });
  }
  return createNotifier({ channels: config.notifications.channels, logger, clock: clocks.wall, timers: clocks.timers, ...(env === undefined ? {} : { env }) });
}
