import type { Config } from '@tmux-orc/config';
import { type DetectorProof, detectorProofs, versionStanding } from '@tmux-orc/health-checker';
import { configuredServers } from '@tmux-orc/monitor';
import { ExecConnection, listPanes } from '@tmux-orc/tmux-pool';
import type { AgentJson, CliVersionJson, StatusJson } from '../shared/status-json.js';
import { agentCliBinaries } from './agent-cli-binaries.js';
import { probeCliVersion } from './cli-version-probe.js';
import { descendants, readProcessTable } from './process-tree.js';

/** Agent id → the pid of its pane's process, over every configured server of this machine that answers. */
async function panePids(config: Pick<Config, 'servers'>): Promise<Map<string, number>> {
  const pids = new Map<string, number>();
  // A server reached over SSH runs its panes' processes on its host, out of this /proc's sight.
  for (const { server, prefix } of configuredServers(config).filter((entry) => entry.host === null)) {
    const connection = new ExecConnection(server);
    try {
      for (const pane of await listPanes(connection)) if (pane.pid !== null) pids.set(`${prefix}${pane.id}`, pane.pid);
    } catch {
      // A server that is down has no versions to read; `status` reports it already.
    } finally {
      await connection.close();
    }
  }
  return pids;
}

/**
 * `status` with `cli_version` on each agent whose CLI version can be read on this machine: the
 * pane's processes (Linux /proc) are searched for the agent CLI of its detector, and the version
 * compared with the versions real screens prove (`newer` = newer than every proven one).
 */
export async function withCliVersions(status: StatusJson, config: Pick<Config, 'servers'>, proofs: readonly DetectorProof[] = detectorProofs): Promise<StatusJson> {
  if (!status.agents.some((agent) => agentCliBinaries[agent.detector] !== undefined)) return status;
  const [pids, table] = await Promise.all([panePids(config), readProcessTable()]);
  const asked = new Map<string, Promise<string | null>>();
  const agents: AgentJson[] = [];
  for (const agent of status.agents) {
    const cli = agentCliBinaries[agent.detector];
    const pid = agent.host === null ? pids.get(agent.id) : undefined;
    const probed = cli === undefined || pid === undefined ? null : await probeCliVersion(descendants(table, pid), cli, asked);
    if (probed === null) {
      agents.push(agent);
      continue;
    }
    const cliVersion: CliVersionJson = { version: probed.version, source: probed.source, standing: versionStanding(agent.detector, probed.version, proofs) };
    agents.push({ ...agent, cli_version: cliVersion });
  }
  return { ...status, agents };
}
