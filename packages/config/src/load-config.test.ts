import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

let home: string;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-config-'));
  home = join(dir, 'home');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(path: string, text: string): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

describe('loadConfig layers', () => {
  it('returns the built-in defaults when nothing is configured, every key sourced `default`', async () => {
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home } });
    expect(config.monitoring.async.pool).toMatchObject({ min_size: 1, max_size: 4 });
    expect(config.profile).toBeNull();
    expect(config.logging.directory).toBe(join(home, 'logs'));
    expect(Object.values(sources).every((s) => s === 'default')).toBe(true);
    expect(sources['monitoring.async.pool.max_size']).toBe('default');
    expect(sources['notifications.cooldowns.idle']).toBe('default');
    expect(sources['recovery.start_commands.claude']).toBe('default');
    expect(sources['servers']).toBe('default');
  });

  it('takes home from TMUX_ORC_HOME, else ~/.tmux-orchestrator under HOME', async () => {
    expect((await loadConfig({ env: { TMUX_ORC_HOME: home } })).home).toBe(home);
    const fallback = await loadConfig({ env: { HOME: dir } });
    expect(fallback.home).toBe(join(dir, '.tmux-orchestrator'));
    expect(fallback.homeSource).toBe('default');
    expect((await loadConfig({ env: { HOME: dir, TMUX_ORC_HOME: '~/orc' } })).home).toBe(join(dir, 'orc'));
  });

  it('treats an empty or comment-only home config.yaml as defaults', async () => {
    await write(join(home, 'config.yaml'), '# nothing yet\n');
    const { config, files } = await loadConfig({ env: { TMUX_ORC_HOME: home } });
    expect(files).toEqual([join(home, 'config.yaml')]);
    expect(config.monitoring.check_interval).toBe(10);
    await write(join(home, 'config.yaml'), '');
    expect((await loadConfig({ env: { TMUX_ORC_HOME: home } })).config.monitoring.check_interval).toBe(10);
  });

  it('applies a profile from the home file, below the file itself', async () => {
    const file = await write(
      join(home, 'config.yaml'),
      'profile: medium\nmonitoring:\n  async:\n    cache:\n      default_ttl: 5\n',
    );
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home } });
    expect(config.profile).toBe('medium');
    expect(config.monitoring.async.pool).toMatchObject({ min_size: 8, max_size: 20 });
    expect(config.monitoring.async.cache).toMatchObject({ max_size: 1500, default_ttl: 5 });
    expect(sources['monitoring.async.pool.min_size']).toBe('profile:medium');
    expect(sources['monitoring.async.cache.default_ttl']).toBe(`file:${file}`);
    expect(sources['profile']).toBe(`file:${file}`);
  });

  it('lets --config override the home file, and its profile win', async () => {
    await write(join(home, 'config.yaml'), 'profile: small\nmonitoring:\n  check_interval: 20\n  debounce: 3\n');
    const extra = await write(join(dir, 'extra.yaml'), 'profile: large\nmonitoring:\n  check_interval: 30\n');
    const { config, sources, files } = await loadConfig({ env: { TMUX_ORC_HOME: home }, configFile: extra });
    expect(files).toEqual([join(home, 'config.yaml'), extra]);
    expect(config.monitoring.check_interval).toBe(30);
    expect(config.monitoring.debounce).toBe(3);
    expect(sources['monitoring.debounce']).toBe(`file:${join(home, 'config.yaml')}`);
    expect(sources['monitoring.check_interval']).toBe(`file:${extra}`);
    expect(config.monitoring.async.pool.max_size).toBe(35);
    expect(sources['monitoring.async.pool.max_size']).toBe('profile:large');
  });

  it('resolves a relative --config against cwd', async () => {
    await write(join(dir, 'rel.yaml'), 'monitoring:\n  max_failures: 9\n');
    const { config } = await loadConfig({ env: { TMUX_ORC_HOME: home }, configFile: 'rel.yaml', cwd: dir });
    expect(config.monitoring.max_failures).toBe(9);
  });

  it('replaces lists instead of merging them', async () => {
    await write(join(home, 'config.yaml'), 'servers:\n  - socket_name: work\n  - socket_path: /tmp/s\n');
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home } });
    expect(config.servers).toEqual([{ socket_name: 'work' }, { socket_path: '/tmp/s' }]);
    expect(sources['servers']).toBe(`file:${join(home, 'config.yaml')}`);
  });

  it('adds record entries to the defaults (start_commands)', async () => {
    await write(join(home, 'config.yaml'), 'recovery:\n  start_commands:\n    shell: bash -l\n');
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home } });
    expect(config.recovery.start_commands).toMatchObject({ claude: 'claude', shell: 'bash -l' });
    expect(sources['recovery.start_commands.shell']).toBe(`file:${join(home, 'config.yaml')}`);
    expect(sources['recovery.start_commands.claude']).toBe('default');
  });

  it('passes strategy_options through as written, nested values and all', async () => {
    await write(join(home, 'config.yaml'), 'monitoring:\n  async:\n    strategy: adaptive\n    strategy_options:\n      staleness: 30\n      always_capture_states: [error, crashed]\n');
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home } });
    expect(config.monitoring.async.strategy_options).toEqual({ staleness: 30, always_capture_states: ['error', 'crashed'] });
    expect(sources['monitoring.async.strategy_options.staleness']).toBe(`file:${join(home, 'config.yaml')}`);
  });

  it('resolves a relative logging.directory against home', async () => {
    await write(join(home, 'config.yaml'), 'logging:\n  directory: my-logs\n');
    expect((await loadConfig({ env: { TMUX_ORC_HOME: home } })).config.logging.directory).toBe(join(home, 'my-logs'));
  });
});

describe('loadConfig environment', () => {
  it('applies every TMUX_ORC_* variable above the files and names it as the source', async () => {
    await write(
      join(home, 'config.yaml'),
      'monitoring:\n  async:\n    enabled: true\n    cache:\n      default_ttl: 5\n',
    );
    const { config, sources } = await loadConfig({
      env: {
        TMUX_ORC_HOME: home,
        TMUX_ORC_ASYNC_DISABLED: '1',
        TMUX_ORC_FORCE_SYNC: 'yes',
        TMUX_ORC_POOL_SIZE: '2',
        TMUX_ORC_CACHE_TTL: '12.5',
        TMUX_ORC_DEBUG_ASYNC: 'true',
        TMUX_ORC_PERF_LOGGING: 'on',
      },
    });
    expect(config.monitoring.async.enabled).toBe(false);
    expect(config.monitoring.async.pool.transport).toBe('exec');
    expect(config.monitoring.async.pool.max_size).toBe(2);
    expect(config.monitoring.async.cache.default_ttl).toBe(12.5);
    expect(config.logging).toMatchObject({ debug_async: true, performance: true });
    expect(sources).toMatchObject({
      'monitoring.async.enabled': 'env:TMUX_ORC_ASYNC_DISABLED',
      'monitoring.async.pool.transport': 'env:TMUX_ORC_FORCE_SYNC',
      'monitoring.async.pool.max_size': 'env:TMUX_ORC_POOL_SIZE',
      'monitoring.async.cache.default_ttl': 'env:TMUX_ORC_CACHE_TTL',
      'logging.debug_async': 'env:TMUX_ORC_DEBUG_ASYNC',
      'logging.performance': 'env:TMUX_ORC_PERF_LOGGING',
    });
  });

  it('ignores empty variables and treats false values as false', async () => {
    const { config, sources } = await loadConfig({
      env: { TMUX_ORC_HOME: home, TMUX_ORC_POOL_SIZE: '', TMUX_ORC_ASYNC_DISABLED: 'off' },
    });
    expect(config.monitoring.async.pool.max_size).toBe(4);
    expect(sources['monitoring.async.pool.max_size']).toBe('default');
    expect(config.monitoring.async.enabled).toBe(true);
    expect(sources['monitoring.async.enabled']).toBe('env:TMUX_ORC_ASYNC_DISABLED');
  });

  it('lowers a profile min_size that TMUX_ORC_POOL_SIZE undercuts', async () => {
    await write(join(home, 'config.yaml'), 'profile: large\n');
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home, TMUX_ORC_POOL_SIZE: '6' } });
    expect(config.monitoring.async.pool).toMatchObject({ min_size: 6, max_size: 6 });
    expect(sources['monitoring.async.pool.min_size']).toBe('env:TMUX_ORC_POOL_SIZE');
  });
});

describe('loadConfig CLI overrides', () => {
  it('wins over environment, files and profile', async () => {
    await write(join(home, 'config.yaml'), 'profile: small\nmonitoring:\n  check_interval: 20\n');
    const { config, sources } = await loadConfig({
      env: { TMUX_ORC_HOME: home, TMUX_ORC_POOL_SIZE: '7' },
      argvOverrides: {
        monitoring: { check_interval: 2, async: { pool: { max_size: 9 } } },
        servers: [{ socket_name: 'ci' }],
        profile: undefined,
      },
    });
    expect(config.monitoring.check_interval).toBe(2);
    expect(config.monitoring.async.pool.max_size).toBe(9);
    expect(config.servers).toEqual([{ socket_name: 'ci' }]);
    expect(sources['monitoring.check_interval']).toBe('cli');
    expect(sources['monitoring.async.pool.max_size']).toBe('cli');
    expect(sources['servers']).toBe('cli');
    expect(sources['monitoring.async.pool.min_size']).toBe('profile:small');
  });

  it('chooses the profile given on the command line over the files', async () => {
    await write(join(home, 'config.yaml'), 'profile: small\n');
    const { config, sources } = await loadConfig({ env: { TMUX_ORC_HOME: home }, argvOverrides: { profile: 'medium' } });
    expect(config.monitoring.async.pool.max_size).toBe(20);
    expect(sources['profile']).toBe('cli');
    expect(sources['monitoring.async.pool.max_size']).toBe('profile:medium');
  });
});
