import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simAgentCommand, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { daemonStatus, faultConfig, startFaultDaemon, startServerOn, tmuxOn, useCliHome, waitUntil } from '../faults/__fixtures__/fault-daemon.js';
import type { DetailedJson } from '../shared/status-json.js';

beforeAll(() => buildCliIfStale(), 300_000);

/** A plugin strategy whose factory accepts its options and whose `observe` always throws. */
const throwingPlugin = `export function createStrategy() {
  return {
    specificationVersion: 'v1',
    name: 'throws-on-observe',
    description: 'fails every cycle',
    async observe() {
      throw new Error('the plugin lost its way');
    },
  };
}
`;

interface MonitorStatusJson {
  readonly running: boolean;
  readonly cycles: number;
  readonly cycle_failures: DetailedJson['cycle_failures'];
}

/** Waits until the daemon has failed `count` cycles in a row; resolves its `/status` failures. */
function failedInARow(home: Parameters<typeof daemonStatus>[0], count: number): Promise<DetailedJson['cycle_failures']> {
  return waitUntil(async () => {
    const failures = (await daemonStatus(home))?.detailed?.cycle_failures;
    return failures !== undefined && failures.consecutive >= count ? failures : undefined;
  }, `${count} failed cycles in a row`, 30_000);
}

describe('a daemon whose cycles keep failing', () => {
  it('says so in `monitor status` (exit 1) and `health` (exit 1), with the last error, its code, when and how many in a row', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const home = await useCliHome();
    const plugin = join(home.dir, 'throws-on-observe.mjs');
    await writeFile(plugin, throwingPlugin);
    await startFaultDaemon(home, sandbox.socketName, faultConfig().replace('  debounce: 1', `  debounce: 1\n  async:\n    strategy: ${plugin}`));

    const failures = await failedInARow(home, 2);
    expect(failures.last_error).toMatchObject({ code: 'STRATEGY_FAILED' });
    expect(failures.last_error?.message).toContain('the plugin lost its way');
    expect(failures.last_error?.message).toContain('throws-on-observe');
    expect(Date.parse(failures.last_error?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(failures.since ?? ''));

    const args = ['--config', 'faults.yaml', '-L', sandbox.socketName];
    const text = await home.run([...args, 'monitor', 'status']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/running \(pid \d+\), but its cycles fail/);
    expect(text.stdout).toMatch(/failing: \d+ cycles failed in a row since \S+; last at \S+: STRATEGY_FAILED: .*the plugin lost its way/);

    const json = JSON.parse((await home.run([...args, 'monitor', 'status', '--json'])).stdout) as MonitorStatusJson;
    expect(json.cycles).toBe(0);
    expect(json.cycle_failures.consecutive).toBeGreaterThanOrEqual(2);
    expect(json.cycle_failures.last_error?.code).toBe('STRATEGY_FAILED');

    const health = await home.run([...args, 'health']);
    expect(health.code).toBe(1);
    expect(health.stdout).toMatch(/❌ cycles: \d+ cycles failed in a row since .*STRATEGY_FAILED: .*the plugin lost its way/);
    expect(health.stdout).toContain('UNHEALTHY (metrics from the daemon)');
  });

  it('recovers: a server that is gone fails the cycles (TMUX_SERVER_GONE), and `monitor status` exits 0 again once it is back', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const home = await useCliHome();
    await startFaultDaemon(home, sandbox.socketName);
    const args = ['--config', 'faults.yaml', '-L', sandbox.socketName];
    await waitUntil(async () => ((await daemonStatus(home))?.detailed?.base_status.cycle_count ?? 0) >= 1 || undefined, 'a first cycle');
    expect((await home.run([...args, 'monitor', 'status'])).code).toBe(0);

    await tmuxOn(sandbox.socketName, ['kill-server']);
    const failures = await failedInARow(home, 2);
    expect(failures.last_error?.code).toBe('TMUX_SERVER_GONE');
    const down = await home.run([...args, 'monitor', 'status']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/failing: .*TMUX_SERVER_GONE/);
    const health = await home.run([...args, 'health', '--json']);
    expect(health.code).toBe(1);
    const checks = (JSON.parse(health.stdout) as { checks: { name: string; ok: boolean }[] }).checks;
    expect(checks.find((c) => c.name === 'cycles')?.ok).toBe(false);

    await startServerOn(sandbox.socketName);
    await tmuxOn(sandbox.socketName, ['new-session', '-d', '-s', 'team', '-n', 'Claude-dev', simAgentCommand()]);
    const back = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return status?.detailed?.cycle_failures.consecutive === 0 ? status.detailed.cycle_failures : undefined;
    }, 'the cycles to recover', 30_000);
    // The last error stays for whoever asks why it failed; the exit code follows the last cycle.
    expect(back.last_error?.code).toBe('TMUX_SERVER_GONE');
    expect((await home.run([...args, 'monitor', 'status'])).code).toBe(0);
  });
});
