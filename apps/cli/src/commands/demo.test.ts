import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale, createCliHome, plain, spawnCli, type CliHome } from '../__fixtures__/cli-harness.js';
import type { StatusJson } from '../shared/status-json.js';

let homes: CliHome[] = [];
let killers: (() => void)[] = [];
beforeAll(() => buildCliIfStale(), 300_000);
afterEach(async () => {
  for (const kill of killers) kill();
  killers = [];
  await Promise.all(homes.map((home) => home.cleanup()));
  homes = [];
});

function tmuxAnswers(socketName: string): Promise<boolean> {
  return new Promise((resolve) => execFile('tmux', ['-L', socketName, 'list-sessions'], (error) => resolve(error === null)));
}

function serverName(stderr: string): string {
  const name = /private tmux server -L (tmux-orc-test-[0-9a-f]+)/.exec(stderr)?.[1];
  if (name === undefined) throw new Error(`Expected the demo to print its -L name, got:\n${stderr}`);
  return name;
}

describe('tmux-orc demo', { timeout: 120_000 }, () => {
  it('with --cycles runs the monitor on simulated agents, prints its -L name and leaves no tmux server behind', async () => {
    const home = await createCliHome();
    homes.push(home);
    const run = spawnCli(home, ['demo', '--agents', '3', '--cycles', '4', '--interval', '0.3']);
    killers.push(() => run.child.kill('SIGKILL'));
    const code = await run.exited;
    expect(code, run.stderr()).toBe(0);
    const name = serverName(run.stderr());
    expect(run.stderr()).toContain(`tmux-orc status --detailed -L ${name}`);
    const out = plain(run.stdout());
    expect(out).toMatch(new RegExp(`tmux-orc demo +-L ${name} +cycle 4 `));
    for (const agent of ['pm (pm)', 'dev1', 'dev2', 'dev3']) expect(out).toContain(`│ ${agent}`);
    expect(out).toMatch(/claude-code/);
    expect(await tmuxAnswers(name)).toBe(false);
    expect(existsSync(`/tmp/tmux-${process.getuid?.() ?? 0}/${name}`)).toBe(false);
    expect(readdirSync(home.home).filter((file) => file.endsWith('.sock'))).toEqual([]);
  });

  it('answers `status -L NAME` from another terminal, and SIGTERM removes everything', async () => {
    const home = await createCliHome();
    homes.push(home);
    const run = spawnCli(home, ['demo', '--agents', '2', '--interval', '0.3']);
    killers.push(() => run.child.kill('SIGKILL'));
    await run.waitFor(() => /cycle 2 /.test(run.stdout()), 'two demo cycles', 30_000);
    const name = serverName(run.stderr());
    const status = await home.run(['status', '--detailed', '--json', '-L', name]);
    expect(status.code, status.stderr).toBe(0);
    const body = JSON.parse(status.stdout) as StatusJson;
    expect(body.source).toBe('demo');
    expect(body.agents.map((a) => a.name).sort()).toEqual(['dev1', 'dev2', 'pm']);
    expect(body.agents.every((a) => a.detector === 'claude-code')).toBe(true);
    expect(body.detailed?.cycles.count).toBeGreaterThanOrEqual(2);
    const text = plain((await home.run(['status', '--detailed', '-L', name])).stdout);
    expect(text).toMatch(/from the demo/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toMatch(/stopped; the demo tmux server and its socket are gone/);
    expect(await tmuxAnswers(name)).toBe(false);
    expect(readdirSync(home.home).filter((file) => file.endsWith('.sock'))).toEqual([]);
  });
});
