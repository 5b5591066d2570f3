import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { WallClock } from '@tmux-orc/clock';
import type { Logger } from '@tmux-orc/tmux-pool';
import { createHookQueue } from '../actions/hook-queue.js';
import type { NotificationMemory } from '../state-file.js';
import type { AgentNotification } from './agent-notification.js';
import type { ChannelSender } from './channel-sender.js';
import type { ChannelStats } from './channel-stats.js';
import { composeMessage } from './notification-message.js';
import { createNotificationPolicy, type NotificationPolicy, type Suppression } from './notification-policy.js';
import { createRollupBuffer } from './rollup-buffer.js';

/** Messages of one channel waiting to be sent while one is in flight; more are dropped (logged, counted). */
export const maxQueuedMessages = 50;

/** One configured channel at run time: its policy, roll-up buffer, send queue and counters. */
export interface ChannelRuntime {
  readonly name: string;
  readonly config: NotificationChannelConfig;
  readonly policy: NotificationPolicy;
  /** Counts a notification the policy or the quiet rule kept back. */
  suppress(reason: Suppression | 'quiet'): void;
  /** Adds an admitted notification about the agent with state key `key` to the roll-up. */
  add(note: AgentNotification, key: string): void;
  /** Sends the roll-up when its window has passed (or now, with `force`). */
  flush(force: boolean): void;
  /** Resolves when every message handed to the sender has its outcome. */
  idle(): Promise<void>;
  stats(): ChannelStats;
}

/** Creates a {@link ChannelRuntime}; `signal` aborts its deliveries when the monitor stops; `memory` is its part of `state.json`. */
export function createChannelRuntime(
  config: NotificationChannelConfig,
  name: string,
  sender: ChannelSender,
  clock: WallClock,
  logger: Logger,
  signal: AbortSignal,
  memory: () => NotificationMemory,
): ChannelRuntime {
  const policy = createNotificationPolicy(config.policy, clock, memory);
  const rollup = createRollupBuffer(config.policy.rollup_window * 1000, clock);
  const queue = createHookQueue(1, maxQueuedMessages, logger, 'notification');
  const inFlight = new Set<Promise<void>>();
  const counts = { sent: 0, dropped: 0, retries: 0, fallbacks: 0 };
  const suppressed = { cooldown: 0, budget: 0, quiet: 0 };

  return {
    name,
    config,
    policy,
    suppress: (reason) => void (suppressed[reason] += 1),
    add: (note, key) => rollup.add(note, key),
    flush(force) {
      if (rollup.size === 0 || !(force || rollup.due())) return;
      const entries = rollup.take();
      for (const { key } of entries) policy.recordSent(key);
      const message = composeMessage(name, entries.map((entry) => entry.note), clock.now());
      const job = queue.submit(message.title, async () => {
        const outcome = await sender.send(message, signal);
        counts[outcome.delivered ? 'sent' : 'dropped'] += 1;
        counts.retries += outcome.retries;
        if (outcome.fallback) counts.fallbacks += 1;
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    stats: () => ({
      channel: name,
      type: config.type,
      ...counts,
      dropped: counts.dropped + queue.stats().dropped,
      suppressed: { ...suppressed },
      pending: rollup.size,
    }),
  };
}
