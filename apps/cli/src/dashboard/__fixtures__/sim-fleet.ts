import { join } from 'node:path';
import { simAgentCommand, simAgentScreensDir, type TmuxSandbox } from '@tmux-orc/testkit';

/** The recorded Claude Code screens the sim agents draw. */
export const screensDir = join(simAgentScreensDir, 'claude-code');

/** Marks panes as Claude Code agents (the sim agent runs as `sh`), 150 per tmux call. */
export async function markClaudeCode(sandbox: TmuxSandbox, panes: readonly string[]): Promise<void> {
  for (let i = 0; i < panes.length; i += 150) {
    const args = panes.slice(i, i + 150).flatMap((pane, j) => [...(j === 0 ? [] : [';']), 'set-option', '-p', '-t', pane, '@tmux-orc-agent', 'claude-code']);
    await sandbox.tmux(...args);
  }
}

/** Makes a sim agent draw another recorded screen (its stdin takes `screen NAME`). */
export async function drawScreen(sandbox: TmuxSandbox, pane: string, screen: string): Promise<void> {
  await sandbox.tmux('send-keys', '-t', pane, '-l', `screen ${screen}`);
  await sandbox.tmux('send-keys', '-t', pane, 'Enter');
}

/** A team in session `team`: a PM, an idle developer, one asking for approval, one stuck on an API error. */
export async function startTeam(sandbox: TmuxSandbox): Promise<{ pm: string; dev: string; qa: string; ops: string }> {
  const { paneId: pm } = await sandbox.newSession('team', { window: 'Claude-pm', command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
  const { paneId: dev } = await sandbox.newWindow('team', 'Claude-dev', { command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
  const { paneId: qa } = await sandbox.newWindow('team', 'Claude-qa', { command: simAgentCommand({ screensDir, screen: 'waiting_input-bash-approval' }) });
  const { paneId: ops } = await sandbox.newWindow('team', 'Claude-ops', { command: simAgentCommand({ screensDir, screen: 'error-http529-retrying' }) });
  await markClaudeCode(sandbox, [pm, dev, qa, ops]);
  await sandbox.waitForScreen(qa, /Do you want to proceed/);
  return { pm, dev, qa, ops };
}
