import type { LoadedConfig } from '@tmux-orc/config';
import { findLiveMonitor } from '../client/find-monitor.js';
import { withCliVersions } from '../client/agent-cli-versions.js';
import { oneShotStatus } from '../client/one-shot-status.js';
import type { StatusJson } from '../shared/status-json.js';
import { renderDetailedMetrics } from '../render/detailed-metrics.js';
import { renderHeldReports } from '../render/held-reports.js';
import { formatMs } from '../render/format-age.js';
import { renderStatusTable, renderSummary } from '../render/status-table.js';
import type { CommandIo } from '../shared/command-io.js';

/** Options of `tmux-orc status`. */
export interface StatusOptions {
  readonly detailed?: boolean;
  readonly all?: boolean;
  readonly json?: boolean;
  readonly wait?: boolean;
}

/** The daemon's (or a demo's) status when one watches this server, else one cycle run here. */
export async function getStatus(loaded: LoadedConfig, options: Pick<StatusOptions, 'all' | 'wait'>): Promise<StatusJson> {
  // `--all` changes discovery, so the daemon's view would not answer it; `--wait` asks for a fresh look.
  const live = options.all === true || options.wait === true ? null : await findLiveMonitor(loaded);
  const status = live?.status ?? (await oneShotStatus(loaded.config, { wait: options.wait === true }));
  return withCliVersions(status, loaded.config);
}

/** `tmux-orc status [--detailed] [--all] [--wait] [--json]`. Exit 1 when a tmux server cannot be reached. */
export async function runStatus(loaded: LoadedConfig, options: StatusOptions, io: CommandIo): Promise<number> {
  const status = await getStatus(loaded, options);
  const { detailed, watching: _watching, ...plain } = status;
  const down = (detailed?.servers ?? []).filter((server) => !server.up);
  for (const server of down) io.stderr(`tmux-orc status: tmux server ${server.server} cannot be reached: ${server.error ?? 'no answer'}\n`);
  if (options.json === true) {
    io.stdout(`${JSON.stringify(options.detailed === true ? { ...plain, detailed } : plain, null, 2)}\n`);
    return down.length > 0 ? 1 : 0;
  }
  // Nothing could be looked at: "0 agents" would read as an empty fleet. The errors above are the answer.
  if (status.agents.length === 0 && down.length > 0 && down.length === (detailed?.servers.length ?? 0)) return 1;
  const source = status.source === 'one-shot' ? (options.wait === true ? 'two cycles run here, one debounce apart' : 'one cycle run here (no daemon watches this server)') : `the ${status.source}`;
  const lines = [
    `${status.agents.length} agent${status.agents.length === 1 ? '' : 's'}: ${renderSummary(status.summary)}`,
    `cycle ${formatMs(status.cycle.ms)}, strategy ${status.cycle.strategy ?? '-'}, transport ${status.cycle.transport ?? '-'}; from ${source}`,
  ];
  if (status.agents.length > 0) lines.push(renderStatusTable(status.agents, Date.now()));
  lines.push(...renderHeldReports(status.held_reports ?? []));
  if (options.detailed === true && detailed !== undefined) lines.push(renderDetailedMetrics(detailed));
  io.stdout(`${lines.join('\n')}\n`);
  return down.length > 0 ? 1 : 0;
}
