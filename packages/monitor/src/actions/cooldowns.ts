import type { ActionContext } from './agent-view.js';

/**
 * True when an agent may be reported in `state` now: never reported in it, or its cooldown
 * (`notifications.cooldowns[state]`) has passed. A cooldown of 0 means "on a change of state
 * only": no reminder while the agent stays in it.
 */
export function isReportDue(ctx: ActionContext, stateKey: string, state: string, changedNow: boolean): boolean {
  const cooldowns: Readonly<Record<string, number>> = ctx.config.notifications.cooldowns;
  const cooldownMs = (cooldowns[state] ?? 0) * 1000;
  const last = ctx.state.reported[stateKey]?.[state];
  if (last === undefined) return true;
  if (cooldownMs === 0) return changedNow;
  return ctx.clock.now() - last >= cooldownMs;
}

/** Records that an agent was reported in `state` now. */
export function markReported(ctx: ActionContext, stateKey: string, state: string): void {
  const reported = (ctx.state.reported[stateKey] ??= {});
  reported[state] = ctx.clock.now();
}
