import type { Logger } from '@tmux-orc/tmux-pool';
import type { HookSighting } from '../shared/hook-sighting.js';
import { screenAgrees } from './claude-hooks.js';

/** Options of {@link createHookDisagreements}. */
export interface HookDisagreementsOptions {
  /**
   * How long (ms) a hook's implied state may differ from the screen's before it is logged: the
   * debounce plus one cycle, since a `Stop` is followed by a screen that reads `idle` only once it
   * stayed unchanged for the debounce.
   */
  readonly afterMs: number;
  readonly logger: Logger;
}

/** An agent whose last hook and screen disagree, for how long. */
export interface Disagreement {
  readonly since: number;
  readonly logged: boolean;
}

/**
 * Watches hook sightings against the screen. The screen decides the state; a hook that keeps
 * disagreeing (hooks miss Esc interrupts and rejected prompts) is logged once per disagreement —
 * when it has lasted `afterMs` — not once per cycle. Agreeing again, or a new hook, ends it.
 */
export interface HookDisagreements {
  /** A new hook for the agent: any running disagreement is over. */
  sighted(agentId: string): void;
  /** After a cycle: compares each agent's sighting with its screen state at wall time `now`. */
  check(agents: readonly { readonly id: string; readonly target: string; readonly state: string }[], sightings: ReadonlyMap<string, HookSighting>, now: number): void;
  /** The agent's running disagreement, if any. */
  get(agentId: string): Disagreement | undefined;
}

/** Creates a {@link HookDisagreements}. */
export function createHookDisagreements(options: HookDisagreementsOptions): HookDisagreements {
  const running = new Map<string, Disagreement>();
  return {
    sighted(agentId) {
      running.delete(agentId);
    },
    check(agents, sightings, now) {
      const listed = new Set(agents.map((agent) => agent.id));
      for (const id of running.keys()) if (!listed.has(id)) running.delete(id);
      for (const agent of agents) {
        const sighting = sightings.get(agent.id);
        if (sighting === undefined || screenAgrees(sighting.implies, agent.state)) {
          running.delete(agent.id);
          continue;
        }
        const disagreement = running.get(agent.id) ?? { since: now, logged: false };
        if (!disagreement.logged && now - disagreement.since >= options.afterMs) {
          options.logger.warn('hook and screen disagree; the screen decides', {
            agent: agent.id,
            target: agent.target,
            hook: sighting.event,
            hook_at: sighting.at,
            hook_implies: sighting.implies,
            screen_state: agent.state,
            disagreeing_ms: now - disagreement.since,
          });
          running.set(agent.id, { ...disagreement, logged: true });
        } else running.set(agent.id, disagreement);
      }
    },
    get: (agentId) => running.get(agentId),
  };
}
