import type { TmuxSandbox } from '@tmux-orc/testkit';
import { simAgentCommand } from '@tmux-orc/testkit';
import { listPanes, type TmuxRunner } from '@tmux-orc/tmux-pool';
import type { MonitoredPane } from '../monitoring-strategy.js';
import { claudeScreensDir } from './claude-screens.js';

/**
 * Starts simulated agents that draw recorded Claude Code screens (`screens[i]`), each marked
 * `@tmux-orc-agent claude-code`, and waits until every one has drawn its screen.
 */
export async function spawnClaudeFleet(sandbox: TmuxSandbox, screens: readonly string[], windowName = (i: number) => `Claude-${i}`) {
  const agents = await sandbox.spawnAgents(screens.length, {
    session: 'fleet',
    command: (i) => simAgentCommand({ screensDir: claudeScreensDir, screen: screens[i] ?? 'idle-replied-120x40' }),
    windowName,
  });
  for (const agent of agents) {
    await sandbox.tmux('set-option', '-p', '-t', agent.paneId, '@tmux-orc-agent', 'claude-code');
    await sandbox.waitForScreen(agent.paneId, (screen) => screen.trim() !== '');
  }
  return agents;
}

/** Discovery as the monitor does it, reduced to what tests need: every pane but the sandbox's own. */
export async function discoverPanes(runner: TmuxRunner): Promise<MonitoredPane[]> {
  const panes = await listPanes(runner);
  return panes
    .filter((pane) => pane.session !== '_sandbox')
    .map((pane) => ({ ...pane, role: pane.windowName.toLowerCase() === 'pm' ? 'pm' : 'agent', name: pane.windowName.replace(/^Claude-/, '') }));
}

/** A runner wrapper that counts the tmux commands it forwards, by command name. */
export function countingRunner<R extends TmuxRunner>(runner: R) {
  const counts = new Map<string, number>();
  const counted: TmuxRunner & { readonly transport?: 'control' | 'exec' } = {
    run(args, options) {
      const name = args[0] ?? '';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return runner.run(args, options);
    },
    get transport() {
      return (runner as { transport?: 'control' | 'exec' }).transport;
    },
  };
  return { runner: counted, count: (name: string) => counts.get(name) ?? 0, reset: () => counts.clear() };
}
