import type { LoadedConfig } from '@tmux-orc/config';
import { callApi } from '../client/api-client.js';
import { runningDaemonPid } from '../shared/daemon-pid.js';
import { daemonPaths } from '../shared/daemon-paths.js';
import { describeCycleFailures } from '../render/cycle-failures.js';
import type { StatusJson } from '../shared/status-json.js';
import type { CommandIo } from '../shared/command-io.js';

/** Exit code of `monitor status` when no daemon runs (as LSB init scripts use 3). */
const notRunningExitCode = 3;
/** Exit code of `monitor status` when the daemon runs but its last cycle failed. */
const failingExitCode = 1;


/**
 * `tmux-orc monitor status`: is the daemon running, since when, what it watches, its last cycle.
 * Exit 0 when it runs and its last cycle did its work, 1 when it runs but its cycles fail (the
 * last error is printed), 3 when no daemon runs.
 */
export async function runMonitorStatus(loaded: LoadedConfig, options: { json?: boolean }, io: CommandIo): Promise<number> {
  const paths = daemonPaths(loaded);
  const pid = await runningDaemonPid(paths.lockFile);
  const answer = pid === null ? null : await callApi<StatusJson>(paths.socket, '/status');
  const status = answer?.ok === true ? answer.body : null;
  const detailed = status?.detailed;
  const failing = detailed === undefined ? null : describeCycleFailures(detailed.cycle_failures);
  const out = {
    running: pid !== null,
    pid,
    socket: paths.socket,
    log: paths.monitorLog,
    answering: status !== null,
    ...(answer !== null && !answer.ok ? { error: answer.message } : {}),
    ...(detailed === undefined
      ? {}
      : {
          started_at: detailed.process.started_at,
          cycles: detailed.base_status.cycle_count,
          last_cycle_ms: status?.cycle.ms ?? null,
          strategy: status?.cycle.strategy ?? null,
          transport: status?.cycle.transport ?? null,
          watching: status?.watching ?? [],
          agents: status?.agents.length ?? 0,
          summary: status?.summary ?? {},
          cycle_failures: detailed.cycle_failures,
        }),
  };
  if (options.json === true) {
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else if (pid === null) {
    io.stdout(`tmux-orc monitor: not running (socket ${paths.socket})\n`);
  } else {
    const lines = [`tmux-orc monitor: running (pid ${pid})${failing === null ? '' : ', but its cycles fail'}`, `  socket:  ${paths.socket}`, `  log:     ${paths.monitorLog}`];
    if (detailed !== undefined && status !== null) {
      const summary = Object.entries(status.summary).map(([state, n]) => `${n} ${state}`).join(', ') || 'none';
      lines.push(
        `  since:   ${detailed.process.started_at}`,
        `  cycles:  ${detailed.base_status.cycle_count} (last ${status.cycle.ms === null ? '-' : `${status.cycle.ms.toFixed(1)} ms`}, ${status.cycle.strategy ?? '-'} on ${status.cycle.transport ?? '-'})`,
        `  agents:  ${status.agents.length} (${summary})`,
      );
      if (failing !== null) lines.push(`  failing: ${failing}`);
    } else if (answer !== null && !answer.ok) {
      lines.push(`  API:     not answering (${answer.message})`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (pid === null) return notRunningExitCode;
  return failing === null ? 0 : failingExitCode;
}
