import { spawn } from 'node:child_process';
import { closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LoadedConfig } from '@tmux-orc/config';
import { callApi } from '../client/api-client.js';
import { runningDaemonPid } from '../shared/daemon-pid.js';
import { daemonPaths } from '../shared/daemon-paths.js';
import type { CommandIo } from '../shared/command-io.js';
import { checkDetectors } from './detector-check.js';
import { strategyProblem } from './strategy-check.js';
import { describeEffectiveSettings } from './effective-settings.js';
import { ensurePrivateDirectory } from '../shared/private-directory.js';
import { openPrivateFile } from '../shared/private-file.js';
import { handedConfigText } from '../shared/handed-config.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Node's flags for the daemon, each for resident memory (a 100-agent daemon, `--live` style, CPU the
 * same within the noise):
 * - a young generation of 1 MB semi-spaces (Node 20 grows them to 16 MB): the daemon allocates a
 *   screen's worth of short-lived strings per capture, and V8 kept ~10–20 MB more for them (89–105 MB
 *   without, 79–84 MB with);
 * - one V8 background thread instead of Node's 4: fewer thread stacks and malloc arenas (~4 MB).
 */
export const daemonNodeFlags: readonly string[] = ['--max-semi-space-size=1', '--v8-pool-size=1'];

/**
 * The daemon's environment on top of the caller's: glibc's malloc keeps an arena per thread (up to
 * 8 per core); two are plenty for one JavaScript thread and a few helpers (~3 MB less resident).
 * A value the user set is kept.
 */
export function daemonEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return { MALLOC_ARENA_MAX: '2', ...env };
}

/** The detached daemon's entry: it reads its configuration from stdin (see `handedConfigText`). */
const daemonMainPath = fileURLToPath(new URL('../daemon-main.js', import.meta.url));

async function tail(file: string, lines: number): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * `tmux-orc monitor start`: starts the daemon detached (its own session, output to
 * `logs/daemon-output.log`) and waits until its API answers. A running daemon makes this a
 * no-op that says so (exit 0). `--dry-run` only prints what would run.
 */
export async function runMonitorStart(
  loaded: LoadedConfig,
  options: { dryRun?: boolean; json?: boolean },
  io: CommandIo,
): Promise<number> {
  const paths = daemonPaths(loaded);
  const say = (json: Record<string, unknown>, text: string): void => io.stdout(options.json === true ? `${JSON.stringify(json)}\n` : `${text}\n`);
  if (options.dryRun === true) {
    const settings = await describeEffectiveSettings(loaded);
    if (options.json === true) io.stdout(`${JSON.stringify({ dry_run: true, ...settings }, null, 2)}\n`);
    else io.stdout(`${settings.lines.join('\n')}\n(dry run: nothing started)\n`);
    return settings.problem === null ? 0 : 2;
  }
  const running = await runningDaemonPid(paths.lockFile);
  // A strategy or detector plugin that cannot load would fail every cycle of a daemon that said "started".
  const problem = running === null ? ((await strategyProblem(loaded.config, io.cwd)) ?? (await checkDetectors(loaded.config, io.cwd)).problem) : null;
  if (problem !== null) {
    io.stderr(`tmux-orc monitor: not started: ${problem}\n`);
    return 2;
  }
  if (running !== null) {
    say({ running: true, started: false, pid: running, socket: paths.socket }, `tmux-orc monitor: already running (pid ${running})`);
    return 0;
  }
  ensurePrivateDirectory(paths.home, 'tmux-orc home');
  ensurePrivateDirectory(paths.logDir, 'log directory');
  const out = openPrivateFile(paths.daemonOutput, 'append');
  const child = spawn(process.execPath, [...daemonNodeFlags, daemonMainPath], { detached: true, stdio: ['pipe', out, out], cwd: io.cwd, env: daemonEnv(io.env) });
  closeSync(out);
  // A daemon that died at once closes its stdin: the write then fails, and the exit below says why.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(handedConfigText(loaded));
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  child.unref();
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (exited !== undefined) break;
    const answer = await callApi<{ detailed?: { process?: { pid?: number } } }>(paths.socket, '/status', { timeoutMs: 1000 });
    if (answer.ok && answer.body.detailed?.process?.pid === child.pid) {
      say({ running: true, started: true, pid: child.pid, socket: paths.socket, log: paths.monitorLog }, `tmux-orc monitor: started (pid ${child.pid}), API on ${paths.socket}, log ${paths.monitorLog}`);
      return 0;
    }
    await sleep(100);
  }
  if (exited === 0) {
    // Another start won the race for the lock: that daemon is the one.
    const winner = await runningDaemonPid(paths.lockFile);
    say({ running: winner !== null, started: false, pid: winner, socket: paths.socket }, `tmux-orc monitor: already running (pid ${winner ?? '?'})`);
    return 0;
  }
  if (exited === undefined) child.kill('SIGTERM');
  io.stderr(`tmux-orc monitor: the daemon did not come up (${exited === undefined ? 'no answer on its socket within 15 s' : `exit code ${exited}`}); last output from ${paths.daemonOutput}:\n${await tail(paths.daemonOutput, 20)}\n`);
  return 1;
}
