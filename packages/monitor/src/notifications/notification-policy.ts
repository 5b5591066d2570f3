import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { WallClock } from '@tmux-orc/clock';

/** Why a notification a channel's filter let through was not sent. */
export type Suppression = 'cooldown' | 'budget';

/** A channel's memory of what it sent: cooldowns, the per-agent budget and escalations. */
export interface NotificationPolicy {
  /**
   * Admits a notification about agent `key` in `state` (and records it), or says why not: the same
   * agent and state within `cooldown` (escalations skip this), or `max_per_agent` already sent about
   * the agent within `max_per_agent_window`.
   */
  admit(key: string, state: string, escalated: boolean): Suppression | 'send';
  /** True when the agent has been in `state` since `sinceMs` for `escalate_after`, and that stay was not escalated yet. */
  escalationDue(key: string, state: string, sinceMs: number): boolean;
  /** Records that the stay since `sinceMs` was escalated (sent, or suppressed by the budget): never again. */
  markEscalated(key: string, state: string, sinceMs: number): void;
  /** Forgets what no longer matters (old send times), so memory follows the fleet, not uptime. */
  prune(): void;
}

/** Creates the {@link NotificationPolicy} of one channel. */
export function createNotificationPolicy(policy: NotificationChannelConfig['policy'], clock: WallClock): NotificationPolicy {
  const cooldownMs = policy.cooldown * 1000;
  const windowMs = policy.max_per_agent_window * 1000;
  const lastSent = new Map<string, number>();
  const sentTimes = new Map<string, number[]>();
  const escalated = new Map<string, string>();
  const recent = (key: string, now: number): number[] => (sentTimes.get(key) ?? []).filter((at) => now - at < windowMs);

  return {
    admit(key, state, isEscalation) {
      const now = clock.now();
      const last = lastSent.get(`${key}\u0000${state}`);
      if (!isEscalation && last !== undefined && now - last < cooldownMs) return 'cooldown';
      const times = recent(key, now);
      if (times.length >= policy.max_per_agent) return 'budget';
      sentTimes.set(key, [...times, now]);
      lastSent.set(`${key}\u0000${state}`, now);
      return 'send';
    },
    escalationDue(key, state, sinceMs) {
      if (policy.escalate_after === null) return false;
      return clock.now() - sinceMs >= policy.escalate_after * 1000 && escalated.get(key) !== `${state}@${sinceMs}`;
    },
    markEscalated(key, state, sinceMs) {
      escalated.set(key, `${state}@${sinceMs}`);
    },
    prune() {
      const now = clock.now();
      for (const [key, at] of lastSent) if (now - at >= cooldownMs) lastSent.delete(key);
      for (const [key] of sentTimes) {
        const times = recent(key, now);
        if (times.length === 0) sentTimes.delete(key);
        else sentTimes.set(key, times);
      }
    },
  };
}
