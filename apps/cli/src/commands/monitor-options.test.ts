import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../shared/command-io.js';
import type { MonitorFlags } from './monitor-flags.js';
import { loadMonitorConfig } from './monitor-options.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** Runs `loadMonitorConfig` in-process on a fresh home holding `yaml` as config.yaml. */
async function load(yaml: string, flags: MonitorFlags, env: Record<string, string> = {}, socketName?: string) {
  const home = mkdtempSync(join(tmpdir(), 'tmux-orc-options-'));
  homes.push(home);
  writeFileSync(join(home, 'config.yaml'), yaml);
  const stderr: string[] = [];
  const io: CommandIo = { env: { TMUX_ORC_HOME: home, ...env }, cwd: home, stdout: () => {}, stderr: (text) => stderr.push(text) };
  const loaded = await loadMonitorConfig(socketName === undefined ? {} : { socketName }, flags, io);
  return { loaded, stderr: stderr.join('') };
}

describe('loadMonitorConfig', () => {
  it('--pool-size below the configured min_size lowers min_size to it', async () => {
    const { loaded } = await load('monitoring:\n  async:\n    pool:\n      min_size: 3\n      max_size: 10\n', { poolSize: '2' });
    expect(loaded?.config.monitoring.async.pool).toMatchObject({ min_size: 2, max_size: 2 });
  });

  it('--pool-size above min_size keeps min_size, also one set by a profile', async () => {
    const { loaded } = await load('profile: large\n', { poolSize: '30' });
    expect(loaded?.config.monitoring.async.pool).toMatchObject({ min_size: 15, max_size: 30 });
  });

  it('--pool-size wins over TMUX_ORC_POOL_SIZE', async () => {
    const { loaded } = await load('', { poolSize: '3' }, { TMUX_ORC_POOL_SIZE: '8' });
    expect(loaded?.config.monitoring.async.pool.max_size).toBe(3);
  });

  it('applies -L and the monitor flags together, above the file and the environment', async () => {
    const { loaded } = await load('monitoring:\n  check_interval: 5\n', { interval: '2', async: false, strategy: 'polling', cache: false, all: true }, { TMUX_ORC_CACHE_TTL: '7' }, 'fleet');
    const config = loaded?.config;
    expect(config?.servers).toEqual([{ socket_name: 'fleet' }]);
    expect(config?.monitoring.check_interval).toBe(2);
    expect(config?.monitoring.async).toMatchObject({ enabled: false, strategy: 'polling', pool: { transport: 'exec' }, cache: { enabled: false, default_ttl: 7 } });
    expect(config?.discovery.include).toEqual(['*']);
    expect(loaded?.sources['monitoring.check_interval']).toBe('cli');
  });

  it('without flags the file is what counts', async () => {
    const { loaded } = await load('monitoring:\n  check_interval: 5\n', {});
    expect(loaded?.config.monitoring.check_interval).toBe(5);
    expect(loaded?.config.monitoring.async.pool.transport).toBe('control');
  });

  it('names a bad flag and loads nothing', async () => {
    expect(await load('', { poolSize: '0' })).toEqual({ loaded: undefined, stderr: '--pool-size: expected a positive integer, got `0`\n' });
    expect(await load('', { interval: 'soon' })).toEqual({ loaded: undefined, stderr: '--interval: expected a positive number, got `soon`\n' });
  });

  it('prints the problems of a bad file and loads nothing', async () => {
    const { loaded, stderr } = await load('monitoring:\n  check_interval: -1\n', { poolSize: '2' });
    expect(loaded).toBeUndefined();
    expect(stderr).toMatch(/check_interval/);
  });
});
