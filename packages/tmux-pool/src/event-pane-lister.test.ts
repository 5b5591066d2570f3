import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EventPaneLister } from './event-pane-lister.js';
import type { EventPaneListerOptions, PaneChange } from './event-pane-lister-options.js';
import { createTmuxConnectionPool } from './pool.js';
import type { TmuxRunner } from './runner.js';

/** Forwards to `runner`, keeping every argv sent. */
function recording(runner: TmuxRunner): TmuxRunner & { sent: string[][] } {
  const sent: string[][] = [];
  return {
    sent,
    run: (args, options) => {
      sent.push([...args]);
      return runner.run(args, options);
    },
  };
}

/** The `list-panes` commands among `sent`, as `-a` or the target they named. */
function listings(sent: readonly string[][]): string[] {
  return sent.filter((args) => args[0] === 'list-panes').map((args) => (args[1] === '-a' ? '-a' : String(args[2])));
}

/**
 * A `tmux` that answers a subscription as tmux 3.0–3.1 do: it runs the real tmux, but turns the
 * control line `"refresh-client" "-B" …` into a flag refresh-client lacks, so tmux refuses it with
 * `%error` (`unknown flag`), as a tmux before 3.2 (no `-B`) refuses the real one.
 */
async function tmuxWithoutSubscriptions(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-old-tmux-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'tmux');
  // Only a control client's stdin goes through sed: other commands (the probe) must not wait on it.
  const rewrite = `sed -u 's/^"refresh-client" "-B" /"refresh-client" "-Y" /' | exec tmux "$@"`;
  await writeFile(path, `#!/bin/sh\ncase " $* " in *" -C "*) ${rewrite} ;; *) exec tmux "$@" ;; esac\n`);
  await chmod(path, 0o755);
  return path;
}

/** A pool and an event lister on the sandbox's server, both closed when the test ends; `changes` keeps what `onChange` heard. */
async function setUp(options: Partial<EventPaneListerOptions> = {}) {
  const sandbox = await useTmuxSandbox();
  const pool = createTmuxConnectionPool({ server: sandbox.server, commandTimeoutMs: 1000 });
  const runner = recording(pool);
  const changes: PaneChange[] = [];
  const lister = new EventPaneLister(runner, { server: sandbox.server, fullListingMs: 600_000, commandTimeoutMs: 1000, onChange: (change) => changes.push(change), ...options });
  onTestFinished(async () => {
    await lister.close();
    await pool.close();
  });
  return { sandbox, runner, lister, changes };
}

describe('EventPaneLister on a real tmux server', () => {
  it('lists every pane once, then re-reads only the pane tmux says printed', async () => {
    const { sandbox, runner, lister, changes } = await setUp();
    const shell = await sandbox.newWindow(sandbox.defaultSession, 'shell', { command: 'exec sh' });
    const quiet = await sandbox.newWindow(sandbox.defaultSession, 'quiet', { command: 'exec sleep 600' });
    const first = await lister.list();
    expect(first.map((pane) => pane.id)).toEqual(expect.arrayContaining([shell.paneId, quiet.paneId]));
    expect(lister.stats()).toMatchObject({ mode: 'events', fallbackReason: null, fullListings: 1 });
    // New panes are read again for a few seconds (activity has whole seconds); once settled, quiet
    // panes cost no listing at all and come back as they were.
    await expect
      .poll(
        async () => {
          runner.sent.length = 0;
          expect((await lister.list()).map((pane) => pane.id).sort()).toEqual(first.map((pane) => pane.id).sort());
          return listings(runner.sent);
        },
        { timeout: 8000, interval: 500 },
      )
      .toEqual([]);
    // Settled and unchanged: the same frozen array, so a caller learns "nothing changed" from it alone.
    const settled = await lister.list();
    expect(await lister.list()).toBe(settled);
    expect(Object.isFrozen(settled)).toBe(true);
    const quietRecord = settled.find((pane) => pane.id === quiet.paneId);

    runner.sent.length = 0;
    changes.length = 0;
    await sandbox.sendLine(shell.paneId, 'exec tail -f /dev/null');
    await expect.poll(async () => (await lister.list()).find((pane) => pane.id === shell.paneId)?.currentCommand, { timeout: 8000, interval: 300 }).toBe('tail');
    // The change names the pane that printed, and only it: a caller can tell whose screen moved.
    expect(changes).toContainEqual({ paneIds: [shell.paneId], structural: false });
    expect(changes.flatMap((change) => change.paneIds)).not.toContain(quiet.paneId);
    expect(listings(runner.sent)).not.toContain('-a');
    expect(listings(runner.sent)).toContain(shell.paneId);
    expect(listings(runner.sent)).not.toContain(quiet.paneId);
    expect(lister.stats().fullListings).toBe(1);
    // A new array for the pane that changed; the quiet pane keeps its record.
    const after = await lister.list();
    expect(after).not.toBe(settled);
    expect(after.find((pane) => pane.id === quiet.paneId)).toBe(quietRecord);
  });

  it('keeps every unchanged record, and the array itself, through a full listing', async () => {
    const { sandbox, lister } = await setUp({ fullListingMs: 1 });
    const quiet = await sandbox.newWindow(sandbox.defaultSession, 'quiet', { command: 'exec sleep 600' });
    // Past the seconds a new pane is re-read in, two full listings in a row find nothing changed.
    await expect
      .poll(
        async () => {
          const before = await lister.list();
          return (await lister.list()) === before;
        },
        { timeout: 8000, interval: 500 },
      )
      .toBe(true);
    expect(lister.stats().fullListings).toBeGreaterThanOrEqual(2);
    const before = await lister.list();
    await sandbox.tmux('rename-window', '-t', quiet.paneId, 'renamed');
    const after = await lister.list();
    expect(after).not.toBe(before);
    expect(after.find((pane) => pane.id === quiet.paneId)?.windowName).toBe('renamed');
  });

  it('lists every pane again after a window is added, killed or renamed, in any session', async () => {
    const { sandbox, lister, changes } = await setUp();
    await lister.list();
    const other = await sandbox.newSession('other');
    await expect.poll(() => changes.some((change) => change.structural), { timeout: 8000, interval: 100 }).toBe(true);
    await expect.poll(async () => (await lister.list()).map((pane) => pane.id), { timeout: 8000, interval: 300 }).toContain(other.paneId);
    const added = await sandbox.newWindow('other', 'added', { command: 'exec sleep 600' });
    await expect.poll(async () => (await lister.list()).map((pane) => pane.id), { timeout: 8000, interval: 300 }).toContain(added.paneId);
    await sandbox.tmux('rename-window', '-t', added.paneId, 'renamed');
    await expect.poll(async () => (await lister.list()).find((pane) => pane.id === added.paneId)?.windowName, { timeout: 8000, interval: 300 }).toBe('renamed');
    await sandbox.tmux('kill-pane', '-t', added.paneId);
    await expect.poll(async () => (await lister.list()).map((pane) => pane.id), { timeout: 8000, interval: 300 }).not.toContain(added.paneId);
  });

  it('reports a pane that died (remain-on-exit) without a structural notification', async () => {
    const { sandbox, lister } = await setUp();
    const dying = await sandbox.newWindow(sandbox.defaultSession, 'dying', { command: 'exec sleep 600' });
    await sandbox.tmux('set-option', '-w', '-t', dying.paneId, 'remain-on-exit', 'on');
    expect((await lister.list()).find((pane) => pane.id === dying.paneId)?.dead).toBe(false);
    await sandbox.tmux('respawn-pane', '-k', '-t', dying.paneId, 'exit 3');
    await expect.poll(async () => (await lister.list()).find((pane) => pane.id === dying.paneId)?.deadStatus, { timeout: 8000, interval: 300 }).toBe(3);
  });

  it('falls back to listing every pane every call when subscriptions are off', async () => {
    const { sandbox, runner, lister } = await setUp({ subscriptions: false });
    await lister.list();
    await lister.list();
    expect(listings(runner.sent)).toEqual(['-a', '-a']);
    expect(lister.stats()).toMatchObject({ mode: 'polling', fallbackReason: 'subscriptions turned off', fullListings: 2 });
    // No control client of its own: only the pool's.
    const clients = (await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim().split('\n').filter(Boolean);
    expect(clients).toHaveLength(1);
  });

  it('falls back to polling, with the reason, on a tmux that refuses subscriptions (before 3.2)', async () => {
    const { sandbox, runner, lister } = await setUp({ tmuxPath: await tmuxWithoutSubscriptions() });
    const shell = await sandbox.newWindow(sandbox.defaultSession, 'shell', { command: 'exec sh' });
    expect((await lister.list()).map((pane) => pane.id)).toContain(shell.paneId);
    await sandbox.sendLine(shell.paneId, 'exec tail -f /dev/null');
    // Still right without notifications: every call lists every pane.
    await expect.poll(async () => (await lister.list()).find((pane) => pane.id === shell.paneId)?.currentCommand, { timeout: 8000, interval: 300 }).toBe('tail');
    expect(new Set(listings(runner.sent))).toEqual(new Set(['-a']));
    expect(lister.stats()).toMatchObject({ mode: 'polling', fallbackReason: expect.stringMatching(/^tmux refused `refresh-client -B` \(subscriptions need tmux >= 3\.2\): .*unknown flag -Y/) });
    // The refused client was closed, and no other is tried: only the pool's client is attached.
    await expect.poll(async () => (await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim().split('\n').filter(Boolean).length, { timeout: 8000, interval: 200 }).toBe(1);
  });

  it('subscribes again after its client is killed, and after the server restarts', async () => {
    const { sandbox, runner, lister } = await setUp();
    const shell = await sandbox.newWindow(sandbox.defaultSession, 'shell', { command: 'exec sh' });
    await lister.list();
    // Kill every client: the lister's and the pool's.
    await sandbox.tmux('detach-client', '-a', '-s', sandbox.defaultSession);
    for (const pid of (await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim().split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
    await sandbox.sendLine(shell.paneId, 'exec tail -f /dev/null');
    await expect.poll(async () => (await lister.list()).find((pane) => pane.id === shell.paneId)?.currentCommand, { timeout: 8000, interval: 300 }).toBe('tail');
    expect(lister.stats().mode).toBe('events');

    await sandbox.tmux('kill-server').catch(() => '');
    await expect(lister.list()).rejects.toThrow();
    const reborn = await sandbox.newSession('reborn', { command: 'exec sh' });
    await expect.poll(async () => (await lister.list().catch(() => [])).map((pane) => pane.id), { timeout: 8000, interval: 300 }).toEqual([reborn.paneId]);
    runner.sent.length = 0;
    await sandbox.sendLine(reborn.paneId, 'exec tail -f /dev/null');
    await expect.poll(async () => (await lister.list()).find((pane) => pane.id === reborn.paneId)?.currentCommand, { timeout: 8000, interval: 300 }).toBe('tail');
    // Seen through the new subscription: the pane that printed was re-read on its own.
    expect(listings(runner.sent)).toContain(reborn.paneId);
  });

  it('reports a stalled server within a ping and its timeout, without making a list wait for tmux', async () => {
    const { sandbox, lister } = await setUp();
    onTestFinished(() => {
      try {
        process.kill(sandbox.serverPid, 'SIGCONT');
      } catch {
        // The server is gone already.
      }
    });
    // Settled first, so no pane is re-read through the pool: only the lister's own ping can tell.
    await expect.poll(async () => lister.list(), { timeout: 8000, interval: 500 }).toBe(await lister.list());
    process.kill(sandbox.serverPid, 'SIGSTOP');
    const seen: string[] = [];
    try {
      await expect
        .poll(
          async () => {
            const started = performance.now();
            const outcome = await lister.list().then(
              () => 'answered',
              (error: unknown) => String((error as { code?: unknown }).code),
            );
            seen.push(`${outcome} in ${Math.round(performance.now() - started)} ms`);
            return outcome;
          },
          // A ping goes out within a second of silence, and times out after commandTimeoutMs (1 s).
          { timeout: 4000, interval: 100 },
        )
        .toBe('TMUX_TIMEOUT');
    } finally {
      process.kill(sandbox.serverPid, 'SIGCONT');
    }
    // While the ping waited, lists answered from the snapshot at once (tmux had nothing new to say).
    expect(seen.filter((line) => line.startsWith('answered')).every((line) => Number(/in (\d+) ms/.exec(line)?.[1]) < 500), seen.join(', ')).toBe(true);
    await expect.poll(async () => (await lister.list().catch(() => undefined)) !== undefined, { timeout: 8000, interval: 300 }).toBe(true);
    expect(lister.stats().mode).toBe('events');
  });
});
