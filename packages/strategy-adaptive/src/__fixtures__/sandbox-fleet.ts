import { simAgentCommand, type TmuxSandbox } from '@tmux-orc/testkit';
import { listPanes, type TmuxRunner } from '@tmux-orc/tmux-pool';
import type { MonitoredPane } from '@tmux-orc/strategies';
import { claudeScreensDir } from './claude-screens.js';

/**
 * Starts simulated agents that draw recorded Claude Code screens (`screens[i]`), each marked
 * `@tmux-orc-agent claude-code`, and waits until every one has drawn its screen.
 */
export async function spawnClaudeFleet(sandbox: TmuxSandbox, screens: readonly string[], windowName: (i: number) => string) {
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
    .map((pane) => ({ ...pane, role: pane.windowName === 'pm' ? 'pm' : 'agent', name: pane.windowName.replace(/^Claude-/, '') }));
}

/** A runner wrapper that counts the `capture-pane` commands it forwards. */
export function captureCounter(runner: TmuxRunner & { readonly transport?: 'control' | 'exec' }) {
  let captures = 0;
  const counted: TmuxRunner & { readonly transport?: 'control' | 'exec' } = {
    run(args, options) {
      if (args[0] === 'capture-pane') captures += 1;
      return runner.run(args, options);
    },
    get transport() {
      return runner.transport;
    },
  };
  return { runner: counted, take: () => { const n = captures; captures = 0; return n; } };
}
