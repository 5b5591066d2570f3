import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from '@tmux-orc/config';
import { type SshHost, listProcesses, simAgentCommand, simAgentProcessName } from '@tmux-orc/testkit';

const fixtures = fileURLToPath(new URL('../../../health-checker/src/__fixtures__/claude-code-2.1.330/', import.meta.url));

/** A simulated Claude Code agent drawing one recorded screen. */
export const simAgent = (screen: string): string => simAgentCommand({ screensDir: fixtures, screen });

/** A simulated PM that writes every line typed into it to `file`. */
export const recordingPm = (file: string): string => simAgentCommand({ screensDir: fixtures, screen: 'idle-replied-120x40', record: file, processName: simAgentProcessName });

/** The `servers` entry of a test host, as a user would write it. */
export function hostEntry(host: SshHost): ServerConfig {
  return { socket_name: host.sandbox.socketName, host: host.ssh.host, port: host.ssh.port, ssh: { identity_file: host.ssh.identityFile, options: { ...host.ssh.options } } };
}

/** Sets up session `team` on `sandbox`-like `tmux`: a recording PM and one agent window. */
export async function teamWithPm(sandbox: SshHost['sandbox'], dir: string, label: string, agentWindow: string, screen: string): Promise<{ pmLog: string; agentPane: string }> {
  const pmLog = join(dir, `pm-${label}.log`);
  await sandbox.newSession('team', { window: 'pm', command: recordingPm(pmLog) });
  const agent = await sandbox.newWindow('team', agentWindow, { command: simAgent(screen) });
  return { pmLog, agentPane: agent.paneId };
}

/**
 * What this process runs towards SSH hosts now: its master connections (ssh renames them
 * `ssh: <control path> [mux]`), the ssh sessions naming `socketName`, and the remote `tmux -C`
 * clients of `socketName` (the hosts are on this machine, so their processes are visible here).
 */
export function sshChildren(socketName: string): { masters: number; sessions: number; controlClients: number } {
  const table = listProcesses().map((p) => ({ argv: p.argv, line: p.argv.join(' ') }));
  const masterDir = `/tmux-orc-ssh-${String(process.getuid?.() ?? 'u')}/${String(process.pid)}/`;
  return {
    masters: table.filter((p) => p.line.startsWith('ssh: ') && p.line.includes(masterDir)).length,
    sessions: table.filter((p) => p.argv[0] === 'ssh' && p.line.includes(masterDir) && p.line.includes(socketName)).length,
    controlClients: table.filter((p) => p.argv[0] === 'tmux' && p.argv.includes('-C') && p.argv.includes(socketName)).length,
  };
}
