import { setTimeout as sleep } from 'node:timers/promises';
import { type SshHost, createSshHost, createTmuxSandbox, listProcesses } from '@tmux-orc/sim-fleet';
import { startBenchFleet } from './bench-fleet.js';
import { controlMode, type ModeOptions, type ModeSession } from './bench-modes.js';
import { percentile, round } from './statistics.js';

/** What `--hosts N --rtt MS` measures. */
export interface MultiHostOptions {
  readonly hosts: number;
  readonly agentsPerHost: number;
  /** Round trip added to every host by a delaying proxy (half of it each way). */
  readonly rttMs: number;
  readonly cycles: number;
  readonly spacingMs: number;
  readonly mode: ModeOptions;
}

/** p50/p95/max of some cycle times, in ms. */
export interface CycleTimes {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** The multi-host run, in the benchmark's JSON shape. */
export interface MultiHostReport {
  readonly hosts: number;
  readonly agents_per_host: number;
  readonly rtt_ms: number;
  readonly cycles: number;
  /** Every host observed in parallel, one cycle = the slowest host. */
  readonly multi_host_cycle_ms: CycleTimes;
  readonly per_host: readonly { readonly host: string; readonly cycle_ms: CycleTimes; readonly ssh_processes: number; readonly remote_control_clients: number }[];
  /** The same number of agents on one local server, measured in the same run, interleaved. */
  readonly local: { readonly agents: number; readonly cycle_ms: CycleTimes };
  /** The target: 1.5 × RTT + the local p50. */
  readonly target_ms: number;
}

function summarize(times: readonly number[]): CycleTimes {
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)) };
}

async function timed(session: ModeSession): Promise<number> {
  const started = performance.now();
  await session.cycle();
  return performance.now() - started;
}

/** ssh processes serving `host` (its master and sessions name its control directory), and its remote `tmux -C` clients. */
function processesOf(host: SshHost): { ssh: number; control: number } {
  const table = listProcesses().map((entry) => ({ argv: entry.argv, line: entry.argv.join(' ') }));
  return {
    ssh: table.filter((p) => (p.argv[0] === 'ssh' || p.line.startsWith('ssh: ')) && p.line.includes(host.ssh.controlDir)).length,
    control: table.filter((p) => p.argv[0] === 'tmux' && p.argv.includes('-C') && p.argv.includes(host.sandbox.socketName)).length,
  };
}

/**
 * Starts `hosts` real-sshd test hosts behind delaying proxies, each with `agentsPerHost` simulated
 * agents, and one local server with all of them again; measures control-mode cycles of the hosts
 * in parallel and of the local server, interleaved, in one run. Everything is stopped at the end.
 */
export async function runMultiHost(options: MultiHostOptions, onProgress: (label: string) => void = () => {}): Promise<MultiHostReport> {
  const hosts: SshHost[] = [];
  const local = await createTmuxSandbox({ width: 120, height: 40 });
  const sessions: ModeSession[] = [];
  try {
    onProgress('starting hosts');
    for (let i = 0; i < options.hosts; i += 1) hosts.push(await createSshHost({ delayMs: options.rttMs / 2, sandbox: { width: 120, height: 40 } }));
    onProgress('starting agents');
    const remoteAgents = await Promise.all(hosts.map((host) => startBenchFleet(host.sandbox, options.agentsPerHost)));
    const localAgents = await startBenchFleet(local, options.hosts * options.agentsPerHost);
    const remote = await Promise.all(hosts.map((host, i) => controlMode.setUp(host.server, remoteAgents[i] ?? [], options.mode)));
    const here = await controlMode.setUp(local.server, localAgents, options.mode);
    sessions.push(...remote, here);
    for (let i = 0; i < 2; i += 1) await Promise.all([...remote.map((s) => s.cycle()), here.cycle()]);
    const all: number[] = [];
    const perHost: number[][] = hosts.map(() => []);
    const localTimes: number[] = [];
    for (let cycle = 0; cycle < options.cycles; cycle += 1) {
      onProgress(`cycle ${String(cycle + 1)}/${String(options.cycles)}`);
      const started = performance.now();
      const each = await Promise.all(remote.map(timed));
      all.push(performance.now() - started);
      each.forEach((ms, i) => perHost[i]?.push(ms));
      await sleep(options.spacingMs);
      localTimes.push(await timed(here));
      await sleep(options.spacingMs);
    }
    const localCycle = summarize(localTimes);
    return {
      hosts: options.hosts,
      agents_per_host: options.agentsPerHost,
      rtt_ms: options.rttMs,
      cycles: options.cycles,
      multi_host_cycle_ms: summarize(all),
      per_host: hosts.map((host, i) => {
        const counted = processesOf(host);
        return { host: `${host.ssh.host}:${String(host.ssh.port)}`, cycle_ms: summarize(perHost[i] ?? []), ssh_processes: counted.ssh, remote_control_clients: counted.control };
      }),
      local: { agents: localAgents.length, cycle_ms: localCycle },
      target_ms: round(1.5 * options.rttMs + localCycle.p50),
    };
  } finally {
    await Promise.allSettled(sessions.map((session) => session.tearDown()));
    await Promise.allSettled(hosts.map((host) => host.stop()));
    await local.kill();
  }
}
