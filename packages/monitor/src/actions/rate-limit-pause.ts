import { parseResetTime } from '../parse-reset-time.js';
import type { ActionContext, AgentView } from './agent-view.js';

/** True while an agent's rate-limit pause runs: nothing is reported about it. */
export function isPaused(ctx: ActionContext, stateKey: string): boolean {
  const until = ctx.state.pausedUntil[stateKey];
  return until !== undefined && ctx.clock.now() < until;
}

/**
 * Starts a pause for every agent that became `rate_limited`: until the reset time the screen shows
 * (`detail.resetAt`), or `notifications.rate_limit_pause` seconds when it shows none or one that
 * cannot be read. One pause per episode: an agent still limited after its pause is reported again
 * (by cooldown), not paused anew. Leaving `rate_limited` ends the episode. Other agents are untouched.
 */
export function updateRateLimitPauses(agents: readonly AgentView[], ctx: ActionContext): void {
  const now = ctx.clock.now();
  for (const agent of agents) {
    if (agent.result.state !== 'rate_limited') {
      delete ctx.state.pausedUntil[agent.stateKey];
      continue;
    }
    if (ctx.state.pausedUntil[agent.stateKey] !== undefined) continue;
    const resetAt = agent.result.detail.resetAt;
    const parsed = resetAt === undefined ? undefined : parseResetTime(resetAt, now);
    const until = parsed !== undefined && parsed > now ? parsed : now + ctx.config.notifications.rate_limit_pause * 1000;
    ctx.state.pausedUntil[agent.stateKey] = until;
    ctx.logger.info('rate limited: not reporting the agent until its reset', {
      agent: agent.agentId,
      resetAt: resetAt ?? null,
      until: new Date(until).toISOString(),
    });
  }
}
