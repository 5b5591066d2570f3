import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { WallClock } from '@tmux-orc/clock';
import type { NotificationMemory } from '../state-file.js';

/** Why a notification a channel's filter let through was not sent. */
export type Suppression = 'cooldown' | 'budget';

/** A channel's rules on what it sent: cooldowns, the per-agent budget and escalations. */
export interface NotificationPolicy {
  /**
   * Admits a notification about agent `key` in `state` (starting its cooldown), or says why not: the
   * same agent and state within `cooldown` (escalations skip this), or `max_per_agent` messages
   * already sent about the agent within `max_per_agent_window`. At most one admitted notification
   * per agent waits in the roll-up (a newer one replaces it), so it takes one slot of the budget.
   */
  admit(key: string, state: string, escalated: boolean): Suppression | 'send';
  /** Records that a message about agent `key` left now: the budget counts send times, as receivers see them. */
  recordSent(key: string): void;
  /** True when the agent has been in `state` since `sinceMs` for `escalate_after`, and that stay was not escalated yet. */
  escalationDue(key: string, state: string, sinceMs: number): boolean;
  /** Records that the stay since `sinceMs` was escalated (sent, or suppressed by the budget): never again. */
  markEscalated(key: string, state: string, sinceMs: number): void;
  /** Forgets what can no longer change a decision, so the memory follows the fleet, not uptime. */
  prune(): void;
}

/**
 * Creates the {@link NotificationPolicy} of one channel. It keeps its memory in `memory()` (the
 * channel's part of `state.json`, read each call), so a restarted monitor sends nothing twice.
 */
export function createNotificationPolicy(policy: NotificationChannelConfig['policy'], clock: WallClock, memory: () => NotificationMemory): NotificationPolicy {
  const cooldownMs = policy.cooldown * 1000;
  const windowMs = policy.max_per_agent_window * 1000;
  const recent = (times: readonly number[] | undefined, now: number): number[] => (times ?? []).filter((at) => now - at < windowMs);

  return {
    admit(key, state, isEscalation) {
      const now = clock.now();
      const { last, sent } = memory();
      const lastAt = last[key]?.[state];
      if (!isEscalation && lastAt !== undefined && now - lastAt < cooldownMs) return 'cooldown';
      const times = recent(sent[key], now);
      if (times.length >= policy.max_per_agent) return 'budget';
      (last[key] ??= {})[state] = now;
      return 'send';
    },
    recordSent(key) {
      const { sent } = memory();
      sent[key] = [...recent(sent[key], clock.now()), clock.now()];
    },
    escalationDue(key, state, sinceMs) {
      if (policy.escalate_after === null) return false;
      return clock.now() - sinceMs >= policy.escalate_after * 1000 && memory().escalated[key] !== `${state}@${sinceMs}`;
    },
    markEscalated(key, state, sinceMs) {
      memory().escalated[key] = `${state}@${sinceMs}`;
    },
    prune() {
      const now = clock.now();
      const { last, sent, escalated } = memory();
      for (const [key, states] of Object.entries(last)) {
        for (const [state, at] of Object.entries(states)) if (now - at >= cooldownMs) delete states[state];
        if (Object.keys(states).length === 0) delete last[key];
      }
      for (const [key, times] of Object.entries(sent)) {
        const kept = recent(times, now);
        if (kept.length === 0) delete sent[key];
        else sent[key] = kept;
      }
      // An escalated stay matters while the agent may still be in it; a week bounds every stay worth remembering.
      for (const [key, stay] of Object.entries(escalated)) if (now - Number(stay.split('@')[1]) > 7 * 86_400_000) delete escalated[key];
    },
  };
}
