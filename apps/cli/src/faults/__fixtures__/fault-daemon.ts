import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createCliHome, type CliHome } from '../../__fixtures__/cli-harness.js';
import type { StatusJson } from '../../shared/status-json.js';

/** How the fault daemons find panes: the default `events`, or `list` with TMUX_ORC_FAULTS_DISCOVERY=list. */
export const faultsDiscovery: 'list' | 'events' = process.env['TMUX_ORC_FAULTS_DISCOVERY'] === 'list' ? 'list' : 'events';

/**
 * A config for fault tests: a fast loop, no action that would type into panes unless a test asks
 * for it. `extra` is appended YAML (top-level keys of its own).
 */
export function faultConfig(options: { interval?: number; maxFailures?: number; pm?: boolean; extra?: string } = {}): string {
  return [
    'monitoring:',
    `  check_interval: ${options.interval ?? 0.5}`,
    `  max_failures: ${options.maxFailures ?? 2}`,
    '  debounce: 1',
    // The default is `discovery: events` (adaptive, panes from tmux's notifications);
    // TMUX_ORC_FAULTS_DISCOVERY=list runs the fault tests with `list-panes -a` every cycle instead.
    ...(faultsDiscovery === 'list' ? ['  async:', '    discovery: list'] : []),
    'notifications:',
    `  pm_enabled: ${options.pm ?? false}`,
    'recovery:',
    '  restart_crashed: false',
    '  resubmit_attempts: 0',
    options.extra ?? '',
  ].join('\n');
}

/** A CLI home removed (and its daemon stopped, then SIGKILLed) when the test finishes. */
export async function useCliHome(): Promise<CliHome> {
  const home = await createCliHome();
  onTestFinished(() => home.cleanup());
  return home;
}

/** GET (or POST) on the daemon's Unix socket. Rejects when nothing listens. */
export function apiGet(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path}: no answer within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** The daemon's `GET /status`, or null while it does not answer. */
export async function daemonStatus(home: CliHome): Promise<StatusJson | null> {
  const answer = await apiGet(join(home.home, 'monitor.sock'), '/status').catch(() => null);
  return answer === null || answer.status !== 200 ? null : (JSON.parse(answer.body) as StatusJson);
}

/** Polls `probe` every 100 ms until it returns a value (not undefined or null); throws naming `what`. */
export async function waitUntil<T>(probe: () => Promise<T | null | undefined> | T | null | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Expected ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes `config.yaml` into the test's directory and starts the daemon on `-L socketName`; resolves its pid. */
export async function startFaultDaemon(home: CliHome, socketName: string, config = faultConfig()): Promise<number> {
  await writeFile(join(home.dir, 'faults.yaml'), config);
  const run = await home.run(['--config', 'faults.yaml', '-L', socketName, 'monitor', 'start', '--json']);
  if (run.code !== 0) throw new Error(`Expected monitor start to exit 0, got ${run.code}: ${run.stdout}${run.stderr}`);
  const out = JSON.parse(run.stdout) as { pid: number };
  return out.pid;
}

/** Waits until the daemon has run `count` more cycles than `after`; resolves that status. */
export function waitForCycle(home: CliHome, count: number, what = `cycle ${count}`, timeoutMs = 20_000): Promise<StatusJson> {
  return waitUntil(async () => {
    const status = await daemonStatus(home);
    return status !== null && (status.detailed?.base_status.cycle_count ?? 0) >= count ? status : undefined;
  }, what, timeoutMs);
}

/** Whether `pid` is a live process (not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

/** Resident memory of `pid` in KiB, from `/proc/<pid>/status` (VmRSS). */
export function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match?.[1] === undefined) throw new Error(`Expected a VmRSS line in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Runs `tmux -L socketName …args`; resolves stdout (rejects on a non-zero exit). */
export function tmuxOn(socketName: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('tmux', ['-L', socketName, ...args], { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`tmux ${args.join(' ')}: ${stderr}`, { cause: error }));
    });
  });
}

/** Pids of the clients attached to a server (the daemon's control-mode clients). */
/** Control clients one daemon keeps on a server: the pool's, and with events discovery the lister's subscribed one. */
export const daemonClients = faultsDiscovery === 'events' ? 2 : 1;

export async function clientPids(socketName: string): Promise<number[]> {
  const out = await tmuxOn(socketName, ['list-clients', '-F', '#{client_pid}']).catch(() => '');
  return out.split('\n').filter(Boolean).map(Number);
}

/**
 * Starts a tmux server on `socketName` (the sandbox's settings: no user config, `/bin/sh`) with one
 * session, and kills it when the test finishes. For a server that replaces a killed sandbox server.
 */
export async function startServerOn(socketName: string): Promise<number> {
  const out = await tmuxOn(socketName, [
    '-f', '/dev/null',
    'set-option', '-g', 'default-shell', '/bin/sh', ';',
    'set-option', '-s', 'exit-empty', 'off', ';',
    'new-session', '-d', '-s', '_sandbox', '-x', '80', '-y', '24', ';',
    'display-message', '-p', '#{pid}\t#{socket_path}',
  ]);
  const [pidText = '', socketPath = ''] = out.trim().split('\t');
  const pid = Number(pidText);
  onTestFinished(async () => {
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await rm(socketPath, { force: true });
  });
  return pid;
}
