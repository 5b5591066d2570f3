import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the built CLI the tests spawn, as a user would run it. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const bin = join(root, 'apps/cli/dist/bin.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || entry.parentPath.includes('__fixtures__')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const packages = ['apps/cli', 'packages/config', 'packages/tmux-pool', 'packages/health-checker', 'packages/layered-cache', 'packages/strategies', 'packages/monitor', 'packages/sim-fleet', 'packages/clock'];

/** Builds the CLI and its workspace dependencies when a source is newer than its build. */
export function buildCliIfStale(): void {
  // Test files run in parallel: one builds, the others wait for it (a build rewrites dist/ in place).
  // The lock lives in this checkout: another clone's build never holds this one's tests up.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const lock = join(root, '.tmp', 'cli-build.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 280_000) throw new Error(`Expected ${lock} to be released within 280 s; remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    buildIfStale();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildIfStale(): void {
  const stale = packages.some((pkg) => {
    const dist = join(root, pkg, 'dist');
    if (!existsSync(dist)) return true;
    const built = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.js'));
    const oldest = Math.min(...built.map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
    return built.length === 0 || oldest < newestSource(join(root, pkg, 'src'));
  });
  if (!stale) return;
  try {
    execFileSync('pnpm', ['--filter', 'tmux-orc...', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`pnpm --filter tmux-orc... build failed:\n${String(stdout)}\n${String(stderr)}`, { cause: error });
  }
}

/** One finished run of the CLI. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temp directory with a private TMUX_ORC_HOME, and the CLI run against it. */
export interface CliHome {
  readonly dir: string;
  readonly home: string;
  readonly env: Record<string, string>;
  run(args: readonly string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<Run>;
  /** Stops any daemon of this home (`monitor stop`, then SIGKILL), and removes the directory. */
  cleanup(): Promise<void>;
}

function cleanEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].startsWith('TMUX_ORC_') && e[1] !== undefined && e[0] !== 'FORCE_COLOR' && e[0] !== 'TMUX' && e[0] !== 'TMUX_PANE'));
}

/** Makes a {@link CliHome}. */
export async function createCliHome(): Promise<CliHome> {
  const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-cli-'));
  const home = join(dir, 'home');
  const env = { ...cleanEnv(), TMUX_ORC_HOME: home, NO_COLOR: '1' };
  const run = (args: readonly string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Run> =>
    new Promise((done) => {
      execFile(process.execPath, [bin, ...args], { cwd: dir, env: { ...env, ...options.env }, timeout: options.timeoutMs ?? 60_000 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      });
    });
  return {
    dir,
    home,
    env,
    run,
    async cleanup() {
      const lock = join(home, 'monitor.lock');
      const pid = existsSync(lock) ? Number(readFileSync(lock, 'utf8').trim()) : NaN;
      if (existsSync(lock)) await run(['monitor', 'stop', '--timeout', '10']);
      if (Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone: the normal case
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Strips ANSI escapes (colors, cursor moves) from terminal output. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Starts the CLI without waiting for it to end (for `monitor run`, `demo`, `logs -f`). */
export function spawnCli(home: CliHome, args: readonly string[]) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: home.dir, env: home.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitFor(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
      const started = Date.now();
      while (!test()) {
        if (Date.now() - started > timeoutMs) throw new Error(`Expected ${what} within ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
