import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = join(root, 'apps/cli/dist/bin.js');

/** Newest modification time of the non-test TypeScript sources under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isStale(pkg: string, output: string): boolean {
  const built = join(root, pkg, output);
  return !existsSync(built) || statSync(built).mtimeMs < newestSource(join(root, pkg, 'src'));
}

beforeAll(() => {
  // Spawn the CLI as a user would; build it (and its workspace dependencies) only when stale.
  if (isStale('apps/cli', 'dist/commands/config.js') || isStale('packages/config', 'dist/index.js')) {
    try {
      execFileSync('pnpm', ['--filter', 'tmux-orc...', 'build'], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`pnpm --filter tmux-orc... build failed:\n${String(stdout)}\n${String(stderr)}`, { cause: error });
    }
  }
}, 300_000);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;
let home: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-cli-config-'));
  home = join(dir, 'home');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `tmux-orc …args` in `dir` with a private TMUX_ORC_HOME and no inherited TMUX_ORC_* variables. */
function tmuxOrc(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TMUX_ORC_')));
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: dir, env: { ...clean, TMUX_ORC_HOME: home, ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe('tmux-orc config validate', () => {
  it('exits 2 on a wrong type, naming the file, line, column and key', async () => {
    await writeFile(join(dir, 'bad.yaml'), '# tuning\nmonitoring:\n  check_interval: "fast"\n');
    const run = await tmuxOrc(['config', 'validate', 'bad.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `bad.yaml:3:19 monitoring.check_interval: expected a number, got the string \`fast\``,
    ]);
  });

  it('prints every problem, one per line', async () => {
    await writeFile(
      join(dir, 'many.yaml'),
      'monitoring:\n  max_failure: 3\n  async:\n    cache:\n      strategy: fifo\nservers:\n  - socket_name: ""\n',
    );
    const run = await tmuxOrc(['config', 'validate', 'many.yaml']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^many\.yaml:2:3 monitoring\.max_failure: .*did you mean `max_failures`\?/);
    expect(lines[1]).toMatch(/many\.yaml:5:17 monitoring\.async\.cache\.strategy: expected one of ttl, lru, lfu, got the string `fifo`$/);
    expect(lines[2]).toMatch(/many\.yaml:7:18 servers\.0\.socket_name: expected a non-empty string, got an empty string$/);
  });

  it('exits 0 on a valid file and ignores the environment for a named file', async () => {
    await writeFile(join(dir, 'good.yaml'), 'profile: small\nservers:\n  - socket_name: work\n');
    const run = await tmuxOrc(['config', 'validate', 'good.yaml'], { TMUX_ORC_POOL_SIZE: 'abc' });
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'good.yaml: valid\n' });
  });

  it('without FILE checks the effective configuration, environment included', async () => {
    const ok = await tmuxOrc(['config', 'validate']);
    expect(ok).toMatchObject({ code: 0, stdout: 'built-in defaults (no config file): valid\n' });
    const bad = await tmuxOrc(['config', 'validate'], { TMUX_ORC_POOL_SIZE: 'abc' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('TMUX_ORC_POOL_SIZE: expected a positive integer, got `abc`');
  });

  it('names the file and the OS reason when it cannot be read', async () => {
    const run = await tmuxOrc(['config', 'validate', 'missing.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toBe(
      `missing.yaml: cannot read the file: ENOENT: no such file or directory, open '${join(dir, 'missing.yaml')}'`,
    );
  });
});

describe('tmux-orc config init', () => {
  it('writes a commented config.yaml into TMUX_ORC_HOME that validates', async () => {
    const run = await tmuxOrc(['config', 'init', '--profile', 'large']);
    expect(run).toMatchObject({ code: 0, stdout: `wrote ${join(home, 'config.yaml')} (profile large)\n` });
    const text = await readFile(join(home, 'config.yaml'), 'utf8');
    expect(text).toMatch(/^# tmux-orc configuration/);
    expect(text).toContain('profile: large');
    const validate = await tmuxOrc(['config', 'validate', join(home, 'config.yaml')]);
    expect(validate.code).toBe(0);
  });

  it('refuses to overwrite without --force (exit 1), overwrites with it', async () => {
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'config.yaml'), 'profile: small\n');
    const refused = await tmuxOrc(['config', 'init']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${join(home, 'config.yaml')} already exists`);
    expect(await readFile(join(home, 'config.yaml'), 'utf8')).toBe('profile: small\n');
    const forced = await tmuxOrc(['config', 'init', '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(home, 'config.yaml'), 'utf8')).toContain('profile: null');
  });

  it('rejects an unknown profile', async () => {
    const run = await tmuxOrc(['config', 'init', '--profile', 'huge']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("argument 'huge' is invalid");
    expect(existsSync(join(home, 'config.yaml'))).toBe(false);
  });
});

describe('tmux-orc config show', () => {
  it('prints the effective configuration as YAML', async () => {
    const run = await tmuxOrc(['config', 'show']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^profile: null\nmonitoring:\n  check_interval: 10\n/);
    expect(run.stdout).toContain(`directory: ${join(home, 'logs')}`);
  });

  it('--sources --json tells where each value came from, flags and --config included', async () => {
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'config.yaml'), 'profile: small\n');
    await writeFile(join(dir, 'extra.yaml'), 'monitoring:\n  debounce: 2\n');
    const run = await tmuxOrc(['-L', 'work', '--config', 'extra.yaml', 'config', 'show', '--sources', '--json'], {
      TMUX_ORC_CACHE_TTL: '7',
    });
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout) as {
      home: string;
      files: string[];
      config: { servers: unknown; monitoring: { debounce: number } };
      sources: Record<string, string>;
    };
    expect(shown.home).toBe(home);
    expect(shown.files).toEqual([join(home, 'config.yaml'), join(dir, 'extra.yaml')]);
    expect(shown.config.servers).toEqual([{ socket_name: 'work' }]);
    expect(shown.config.monitoring.debounce).toBe(2);
    expect(shown.sources).toMatchObject({
      profile: `file:${join(home, 'config.yaml')}`,
      'monitoring.async.pool.max_size': 'profile:small',
      'monitoring.debounce': `file:${join(dir, 'extra.yaml')}`,
      'monitoring.async.cache.default_ttl': 'env:TMUX_ORC_CACHE_TTL',
      servers: 'cli',
      'monitoring.check_interval': 'default',
    });
  });

  it('--host puts the -L server (or the default one) on that SSH host, and rejects a host ssh would read as an option', async () => {
    const show = async (...flags: string[]) => JSON.parse((await tmuxOrc([...flags, 'config', 'show', '--json'])).stdout) as { config: { servers: unknown } };
    expect((await show('-L', 'work', '--host', 'me@box')).config.servers).toEqual([{ socket_name: 'work', host: 'me@box' }]);
    expect((await show('--host', 'box')).config.servers).toEqual([{ default: true, host: 'box' }]);
    const bad = await tmuxOrc(['--host', '-oProxyCommand=x', 'config', 'show']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('servers.0.host: expected a host such as `box` or `user@box` (no spaces, not starting with `-`)');
  });

  it('--sources prints one aligned row per key', async () => {
    const run = await tmuxOrc(['config', 'show', '--sources'], { TMUX_ORC_POOL_SIZE: '2' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`# home: ${home} (env:TMUX_ORC_HOME)`);
    expect(run.stdout).toMatch(/^monitoring\.async\.pool\.max_size +2 +env:TMUX_ORC_POOL_SIZE$/m);
    expect(run.stdout).toMatch(/^monitoring\.check_interval +10 +default$/m);
  });

  it('exits 2 and lists the problems when the configuration is invalid', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'logging:\n  level: loud\n');
    const run = await tmuxOrc(['--config', 'bad.yaml', 'config', 'show']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`bad.yaml:2:10 logging.level: expected one of debug, info, warn, error`);
  });
});
