import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchMode } from './bench-modes.js';
import { cliBin, daemonStatus, rssKiB, run } from './daemon-client.js';
import { daemonConfig } from './daemon-config.js';
import { readCpuTimes } from './proc-stat.js';
import { subscribeTransitions } from './soak-events.js';
import { percentile, round } from './statistics.js';

/** How a mode is run as the real daemon (`tmux-orc monitor start`), to measure detection latency and idle cost. */
export interface LiveOptions {
  /** The daemon's check interval (ms). */
  readonly intervalMs: number;
  /** Idle agents whose screen is switched to an approval prompt, one after another. */
  readonly probes: readonly string[];
  /** How long a probe may stay unreported before it counts as missed (ms). */
  readonly probeTimeoutMs: number;
  /** Length of the idle-cost measurement (ms); 0 skips it. */
  readonly idleMs: number;
  /** Runs a tmux command on the bench server (to switch a probe's screen). */
  readonly tmux: (...args: string[]) => Promise<string>;
  readonly serverPid: number;
  /** `-L` name of the bench server, which the daemon watches. */
  readonly socketName: string;
  /** Agents on the server: probing starts once the daemon reports every one. */
  readonly agents: number;
}

/** Detection latency and the daemon's cost over a quiet stretch, in the benchmark's JSON shape. */
export interface LiveResult {
  /** Screen switched → the daemon's `/events` stream delivered the `waiting_input` transition (ms); no debounce involved. */
  readonly latency_ms: { readonly p50: number; readonly p95: number; readonly max: number; readonly probes: number; readonly missed: number };
  /**
   * Over `idleMs`: the daemon's CPU (with the tmux processes it waited for) and the tmux server's,
   * in % of one core; the daemon's cycles; its RSS (VmRSS) at the start and at most, in MB.
   */
  readonly idle: { readonly seconds: number; readonly cpu_pct: number; readonly tmux_cpu_pct: number; readonly cycles: number; readonly rss_start_mb: number; readonly rss_mb: number } | null;
}

const cpuMs = (pid: number): number => {
  const times = readCpuTimes(pid);
  return times === null ? 0 : times.selfMs + times.childrenMs;
};
const mb = (kib: number): number => round(kib / 1024, 1);

/** Polls `check` every 100 ms until it holds; throws `message` after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(message);
    await sleep(100);
  }
}

/**
 * Starts the real daemon configured as `mode` on the bench server, waits until it reports every
 * agent, waits for each probe to be `idle`, switches its screen at a random point of the interval and times the transition
 * on `/events`; then, if asked, measures its CPU and RSS over `idleMs`. The daemon is always stopped.
 */
export async function measureLive(mode: Exclude<BenchMode['name'], 'floor'>, options: LiveOptions): Promise<LiveResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-live-'));
  const home = join(dir, 'home');
  const socket = join(home, 'monitor.sock');
  const env = { ...process.env, TMUX_ORC_HOME: home, NO_COLOR: '1' };
  await writeFile(join(dir, 'config.yaml'), daemonConfig(mode, options.intervalMs));
  let pid: number | undefined;
  const waiting = new Map<string, (at: number) => void>();
  try {
    const started = await run(process.execPath, [cliBin, '--config', join(dir, 'config.yaml'), '-L', options.socketName, 'monitor', 'start', '--json'], env);
    if (started.code !== 0) throw new Error(`Expected \`tmux-orc monitor start\` (${mode}) to exit 0, got ${started.code}: ${started.stdout}${started.stderr}`);
    const daemonPid = (JSON.parse(started.stdout) as { pid: number }).pid;
    pid = daemonPid;
    const seen = async (): Promise<boolean> => ((await daemonStatus(socket).catch(() => undefined))?.agents.length ?? 0) >= options.agents;
    // A first exec cycle of 1000 agents takes minutes on a loaded machine: the bound grows with the fleet.
    const reportedWithin = Math.max(120_000, 20 * options.intervalMs, options.agents * 300);
    await until(seen, reportedWithin, `Expected the ${mode} daemon to report ${options.agents} agents within ${reportedWithin / 1000} s`);
    const stream = await subscribeTransitions(socket, (t) => {
      if (t.to === 'waiting_input') waiting.get(t.agentId)?.(performance.now());
    });
    try {
      const latencies: number[] = [];
      let missed = 0;
      for (const paneId of options.probes) {
        // Latency is measured from idle, as a user meets it: an agent seen first is `active` until the
        // debounce (10 s) finds its screen unchanged, and a change to an `active` pane waits for a tick.
        const idle = async (): Promise<boolean> => (await daemonStatus(socket).catch(() => undefined))?.agents.find((agent) => agent.id === paneId)?.state === 'idle';
        await until(idle, 30_000 + 5 * options.intervalMs, `Expected the ${mode} daemon to report probe ${paneId} idle`);
        await sleep(Math.random() * options.intervalMs);
        const since = performance.now();
        const reported = new Promise<number | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), options.probeTimeoutMs);
          waiting.set(paneId, (at) => (clearTimeout(timer), resolve(at - since)));
        });
        await options.tmux('send-keys', '-t', paneId, '-l', 'screen waiting_input-write-approval', ';', 'send-keys', '-t', paneId, 'Enter');
        const ms = await reported;
        waiting.delete(paneId);
        if (ms === undefined) missed += 1;
        else latencies.push(ms);
      }
      for (const paneId of options.probes) await options.tmux('send-keys', '-t', paneId, '-l', 'screen idle-replied', ';', 'send-keys', '-t', paneId, 'Enter');
      const stat = (p: number): number => round(percentile(latencies, p));
      const latency = { p50: stat(50), p95: stat(95), max: latencies.length === 0 ? Number.NaN : round(Math.max(...latencies)), probes: options.probes.length, missed };
      return { latency_ms: latency, idle: options.idleMs > 0 ? await measureIdle(daemonPid, socket, options) : null };
    } finally {
      stream.close();
    }
  } finally {
    if (pid !== undefined) {
      await run(process.execPath, [cliBin, 'monitor', 'stop', '--timeout', '20'], env);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // stopped
      }
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** The daemon's and the tmux server's CPU, its cycles and RSS over `idleMs`, after two intervals for the probes to settle. */
async function measureIdle(pid: number, socket: string, options: LiveOptions): Promise<NonNullable<LiveResult['idle']>> {
  await sleep(2 * options.intervalMs);
  const cycles = async (): Promise<number> => (await daemonStatus(socket)).detailed?.cycles.count ?? 0;
  const cyclesBefore = await cycles();
  const ours = cpuMs(pid);
  const theirs = readCpuTimes(options.serverPid)?.selfMs ?? 0;
  const rssStart = rssKiB(pid);
  let rssMax = rssStart;
  const started = performance.now();
  while (performance.now() - started < options.idleMs) {
    await sleep(Math.min(1000, options.idleMs));
    rssMax = Math.max(rssMax, rssKiB(pid));
  }
  const spent = performance.now() - started;
  const tmuxMs = (readCpuTimes(options.serverPid)?.selfMs ?? 0) - theirs;
  return {
    seconds: round(spent / 1000, 1),
    cpu_pct: round(((cpuMs(pid) - ours) / spent) * 100),
    tmux_cpu_pct: round((tmuxMs / spent) * 100),
    cycles: (await cycles()) - cyclesBefore,
    rss_start_mb: mb(rssStart),
    rss_mb: mb(rssMax),
  };
}
