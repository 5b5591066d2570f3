import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyActionState, pruneActionState, readActionState, writeActionState } from './state-file.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-monitor-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state file', () => {
  it('round-trips and leaves no temp file behind', async () => {
    const path = join(dir, 'nested', 'state.json');
    const state = emptyActionState();
    state.reported['%1'] = { idle: 1234 };
    state.restarts['%2'] = [1, 2];
    await writeActionState(path, state);
    expect((await readActionState(path)).state).toEqual(state);
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('starts fresh without a file, and fresh with a problem on a damaged one', async () => {
    expect(await readActionState(join(dir, 'none.json'))).toEqual({ state: emptyActionState() });
    const path = join(dir, 'state.json');
    await writeFile(path, '{"version": 1, "reported": ');
    const read = await readActionState(path);
    expect(read.state).toEqual(emptyActionState());
    expect(read.problem).toMatch(/state\.json to be JSON/);
    await writeFile(path, '{"version": 7}');
    expect((await readActionState(path)).problem).toMatch(/version 2 monitor state, got \{"version": 7\}/);
  });

  it('drops a version 1 state: its counters were keyed by pane ids a restarted tmux server reuses', async () => {
    const path = join(dir, 'v1.json');
    await writeFile(path, JSON.stringify({ version: 1, reported: { '%3': { idle: 5 } }, restarts: {}, resubmits: {}, pausedUntil: {}, alerts: {} }));
    const read = await readActionState(path);
    expect(read.state).toEqual(emptyActionState());
    expect(read.problem).toMatch(/version 1 monitor state, keyed by pane ids .* dropped/);
  });

  it('replaces the file whole: a reader sees the old or the new state, never half', async () => {
    const path = join(dir, 'state.json');
    await writeActionState(path, emptyActionState());
    const big = emptyActionState();
    for (let i = 0; i < 2000; i++) big.reported[`%${i}`] = { idle: i };
    await Promise.all([writeActionState(path, big), ...Array.from({ length: 20 }, () => readFile(path, 'utf8').then((t) => JSON.parse(t)))]);
    expect(Object.keys(JSON.parse(await readFile(path, 'utf8')).reported)).toHaveLength(2000);
  });

  it('never reads or writes through a symbolic link planted as state.json; the file it writes is 0600', async () => {
    const victim = join(dir, 'victim');
    await writeFile(victim, '{"version": 1, "reported": {"%9": {"idle": 1}}}', { mode: 0o600 });
    const path = join(dir, 'state.json');
    await symlink(victim, path);
    const read = await readActionState(path);
    expect(read.state).toEqual(emptyActionState());
    expect(read.problem).toMatch(/cannot read .*state\.json: .*ELOOP/);
    await writeActionState(path, emptyActionState());
    expect(await readFile(victim, 'utf8')).toBe('{"version": 1, "reported": {"%9": {"idle": 1}}}');
    expect((await lstat(path)).isSymbolicLink()).toBe(false);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('prunes what can no longer change a decision', () => {
    const state = emptyActionState();
    state.reported = { '%1': { idle: 0, waiting_input: 90_000 }, '%2': { idle: 10 } };
    state.restarts = { '%1': [0, 3_000_000], '%2': [1] };
    state.resubmits = { '%1': { count: 1, lastAt: 0 }, '%2': { count: 2, lastAt: 95_000 } };
    state.pausedUntil = { '%1': 5_000, '%2': 200_000 };
    pruneActionState(state, 3_650_000, 3_600_000);
    expect(state.reported).toEqual({ '%1': { waiting_input: 90_000 } });
    expect(state.restarts).toEqual({ '%1': [3_000_000] });
    expect(state.resubmits).toEqual({ '%2': { count: 2, lastAt: 95_000 } });
    expect(state.pausedUntil).toEqual({ '%2': 200_000 });
  });
});
