import type { TmuxSandbox } from '@tmux-orc/sim-fleet';
import type { DemoAgent } from './demo-fleet.js';
import { type DemoScreenState, demoScreens } from './demo-screens.js';

// What a real agent's day looks like: mostly working and idle, sometimes asking, rarely failing.
const nextStates: Record<DemoScreenState, readonly DemoScreenState[]> = {
  fresh: ['active'],
  active: ['active', 'idle', 'idle', 'waiting_input', 'queued_message', 'error', 'rate_limited', 'compacting'],
  idle: ['active', 'active', 'idle'],
  waiting_input: ['active', 'waiting_input'],
  queued_message: ['active'],
  error: ['active', 'error'],
  rate_limited: ['rate_limited', 'active'],
  compacting: ['idle', 'active'],
};

/** Moves simulated agents through plausible states, one random agent per step. */
export function createDemoDriver(sandbox: TmuxSandbox, agents: readonly DemoAgent[], random: () => number = Math.random) {
  const states = new Map<string, DemoScreenState>(agents.map((agent, i) => [agent.paneId, i % 3 === 0 ? 'fresh' : 'active']));
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  return {
    /** Switches one agent to its next state by typing `screen NAME` into its sim agent. */
    async step(): Promise<void> {
      const agent = pick(agents);
      if (agent === undefined) return;
      const current = states.get(agent.paneId) ?? 'active';
      const next = pick(nextStates[current]) ?? 'active';
      const screen = pick(demoScreens[next]) ?? 'idle-replied';
      states.set(agent.paneId, next);
      await sandbox.sendLine(agent.paneId, `screen ${screen}`).catch(() => {
        // The user may have killed the pane from another terminal: the monitor reports it.
      });
    },
  };
}
