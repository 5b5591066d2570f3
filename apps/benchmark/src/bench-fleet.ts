import { join } from 'node:path';
import type { MonitoredPane } from '@tmux-orc/strategies';
import { type TmuxSandbox, simAgentCommand, simAgentScreensDir } from '@tmux-orc/sim-fleet';
import { type PaneInfo, listPanes } from '@tmux-orc/tmux-pool';

/** A realistic mix: a few printing, most idle, some waiting for approval or working. */
export interface FleetMix {
  /** Share of agents printing continuously (moving window_activity), 0..1. */
  readonly printing: number;
  /** Share of agents showing an approval prompt, 0..1. */
  readonly waiting: number;
}

export const defaultMix: FleetMix = { printing: 0.05, waiting: 0.05 };

/** Which screen agent `index` of `count` draws, and whether it streams output. */
function roleOf(index: number, count: number, mix: FleetMix): { screen: string; streams: boolean } {
  const printing = Math.round(count * mix.printing);
  const waiting = Math.round(count * mix.waiting);
  if (index < printing) return { screen: 'active-streaming', streams: true };
  if (index < printing + waiting) return { screen: 'waiting_input-bash-approval', streams: false };
  return { screen: 'idle-replied', streams: false };
}

/** Starts `count` simulated agents drawing real Claude Code screens; returns them as monitored panes. */
export async function startBenchFleet(sandbox: TmuxSandbox, count: number, mix: FleetMix = defaultMix): Promise<MonitoredPane[]> {
  const screensDir = join(simAgentScreensDir, 'claude-code');
  const spawned = await sandbox.spawnAgents(count, {
    session: 'bench',
    windowsPerSession: 250,
    command: (i) => simAgentCommand({ screensDir, screen: roleOf(i, count, mix).screen }),
    windowName: (i) => `Claude-agent${i}`,
  });
  const ids = new Set(spawned.map((agent) => agent.paneId));
  for (const agent of spawned) {
    if (roleOf(agent.index, count, mix).streams) await sandbox.sendLine(agent.paneId, 'stream');
  }
  const panes = (await listPanes({ run: async (args) => (await sandbox.tmux(...args)).replace(/\n$/, '').split('\n') })).filter((pane) => ids.has(pane.id));
  return panes.map((pane) => asMonitored(pane));
}

/** A discovered pane as the strategies take it (every bench pane is an agent of the claude-code CLI). */
export function asMonitored(pane: PaneInfo): MonitoredPane {
  return { ...pane, agentOption: 'claude-code', role: 'agent', name: pane.windowName.replace(/^Claude-/, '') };
}
