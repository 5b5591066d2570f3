import { type TmuxSandbox, simAgentCommand } from '@tmux-orc/sim-fleet';
import { demoScreensDir } from './demo-screens.js';

/** One simulated agent of the demo. */
export interface DemoAgent {
  readonly paneId: string;
  readonly name: string;
}

/** The demo's team: a PM and its agents, in one session of a private tmux server. */
export interface DemoFleet {
  readonly session: string;
  readonly pm: DemoAgent;
  readonly agents: readonly DemoAgent[];
}

/**
 * Starts the PM and `count` simulated agents, each in a `Claude-<name>` window marked with the
 * `@tmux-orc-agent` option (so discovery and the claude-code detector find them explicitly).
 */
export async function createDemoFleet(sandbox: TmuxSandbox, count: number): Promise<DemoFleet> {
  const session = 'demo';
  const screensDir = demoScreensDir();
  const { paneId: pmPane } = await sandbox.newSession(session, {
    window: 'Claude-pm',
    command: simAgentCommand({ screensDir, screen: 'idle-replied' }),
  });
  const spawned = await sandbox.spawnAgents(count, {
    session,
    command: (i) => simAgentCommand({ screensDir, screen: i % 3 === 0 ? 'fresh-started' : 'active-streaming' }),
    windowName: (i) => `Claude-dev${i + 1}`,
  });
  const marks = [pmPane, ...spawned.map((agent) => agent.paneId)].flatMap((paneId, i) => [
    ...(i === 0 ? [] : [';']),
    'set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code',
  ]);
  await sandbox.tmux(...marks);
  return {
    session,
    pm: { paneId: pmPane, name: 'pm' },
    agents: spawned.map((agent, i) => ({ paneId: agent.paneId, name: `dev${i + 1}` })),
  };
}
