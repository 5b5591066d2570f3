import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it } from 'vitest';
import { PaneLister } from './pane-lister.js';
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

describe('PaneLister on a real tmux server', () => {
  it('reads a command again once its pane printed, and keeps it for panes that stayed quiet', async () => {
    const sandbox = await useTmuxSandbox();
    const shell = await sandbox.newWindow(sandbox.defaultSession, 'shell', { command: 'exec sh' });
    const quiet = await sandbox.newWindow(sandbox.defaultSession, 'quiet', { command: 'exec sleep 600' });
    const pool = createTmuxConnectionPool({ server: sandbox.server });
    try {
      const runner = recording(pool);
      const lister = new PaneLister(runner, { commandRefreshMs: 60_000 });
      const first = await lister.list();
      expect(first.find((pane) => pane.id === shell.paneId)?.currentCommand).toBe('sh');
      expect(first.find((pane) => pane.id === quiet.paneId)?.currentCommand).toBe('sleep');
      expect(runner.sent[0]?.[3]).toContain('#{pane_current_command}');
      expect(runner.sent[0]?.[3]).not.toContain('#{?');

      await sandbox.sendLine(shell.paneId, 'exec tail -f /dev/null');
      await expect.poll(async () => (await lister.list()).find((pane) => pane.id === shell.paneId)?.currentCommand, { timeout: 5000 }).toBe('tail');
      const later = await lister.list();
      expect(later.find((pane) => pane.id === quiet.paneId)?.currentCommand).toBe('sleep');
      // After the first, listings ask the command only of panes that printed.
      expect(runner.sent.at(-1)?.[3]).toMatch(/#\{\?#\{e\|>=:#\{window_activity\},\d+\},#\{pane_current_command\},/);
    } finally {
      await pool.close();
    }
  });

  it('asks a pane it has not seen, even when the pane printed before the last listing', async () => {
    const sandbox = await useTmuxSandbox();
    const pool = createTmuxConnectionPool({ server: sandbox.server });
    try {
      const runner = recording(pool);
      // A clock a minute ahead: no pane's activity counts as new after the first listing.
      const lister = new PaneLister(runner, { commandRefreshMs: 600_000, clock: { now: () => Date.now() + 60_000 } });
      await lister.list();
      const added = await sandbox.newWindow(sandbox.defaultSession, 'added', { command: 'exec sleep 600' });
      // The window's shell execs sleep a moment after it opens (a loaded CI once listed it as `sh`).
      for (let i = 0; i < 50 && (await sandbox.tmux('display-message', '-p', '-t', added.paneId, '#{pane_current_command}')).trim() !== 'sleep'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const panes = await lister.list();
      expect(panes.find((pane) => pane.id === added.paneId)?.currentCommand).toBe('sleep');
      expect(runner.sent.filter((args) => args[0] === 'display-message').map((args) => args[3])).toEqual([added.paneId]);
    } finally {
      await pool.close();
    }
  });

  it('reads every command again each commandRefreshMs', async () => {
    const sandbox = await useTmuxSandbox();
    const pool = createTmuxConnectionPool({ server: sandbox.server });
    try {
      const runner = recording(pool);
      const lister = new PaneLister(runner, { commandRefreshMs: 0 });
      await lister.list();
      await lister.list();
      expect(runner.sent.filter((args) => args[0] === 'list-panes').every((args) => !(args[3] ?? '').includes('#{?'))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('reads user options asked for, and rejects a name that is not one', async () => {
    const sandbox = await useTmuxSandbox();
    const agent = await sandbox.newWindow(sandbox.defaultSession, 'agent', { command: 'exec sleep 600' });
    await sandbox.tmux('set-option', '-p', '-t', agent.paneId, '@tmux-orc-role', 'pm');
    const pool = createTmuxConnectionPool({ server: sandbox.server });
    try {
      const panes = await new PaneLister(pool, { userOptions: ['@tmux-orc-role', '@unset'] }).list();
      expect(panes.find((pane) => pane.id === agent.paneId)?.userOptions).toEqual({ '@tmux-orc-role': 'pm', '@unset': null });
      await expect(new PaneLister(pool, { userOptions: ['@x}#{pane_id'] }).list()).rejects.toThrow(/userOptions.*@x\}#\{pane_id/);
    } finally {
      await pool.close();
    }
  });
});
