import { setTimeout as sleep } from 'node:timers/promises';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, vi } from 'vitest';
import { ControlModeConnection } from './control-mode-connection.js';
import type { ControlNotification } from './control-protocol.js';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
import { TmuxTimeoutError } from './errors/tmux-timeout-error.js';

function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ControlModeConnection on a real tmux server', () => {
  it('answers 1000 pipelined commands, each with its own reply, in order', async () => {
    const sandbox = await useTmuxSandbox();
    const connection = await ControlModeConnection.connect({ server: sandbox.server });
    try {
      const replies = await Promise.all(Array.from({ length: 1000 }, (_, i) => connection.run(['display-message', '-p', `reply ${i}`])));
      expect(replies).toEqual(Array.from({ length: 1000 }, (_, i) => [`reply ${i}`]));
      expect(connection.inFlight).toBe(0);
    } finally {
      await connection.close();
    }
  });

  it('rejects a failing command with tmux message and keeps serving the next ones', async () => {
    const sandbox = await useTmuxSandbox();
    const connection = await ControlModeConnection.connect({ server: sandbox.server });
    try {
      const failing = connection.run(['capture-pane', '-p', '-t', '%999']);
      const next = connection.run(['display-message', '-p', 'still here']);
      await expect(failing).rejects.toBeInstanceOf(TmuxCommandError);
      await expect(failing).rejects.toMatchObject({ isMissingTarget: true, command: ['capture-pane', '-p', '-t', '%999'] });
      await expect(next).resolves.toEqual(['still here']);
    } finally {
      await connection.close();
    }
  });

  it('surfaces notifications as events', async () => {
    const sandbox = await useTmuxSandbox();
    const connection = await ControlModeConnection.connect({ server: sandbox.server });
    const seen: ControlNotification[] = [];
    connection.onNotification((n) => seen.push(n));
    try {
      await sandbox.newSession('second');
      await sandbox.newWindow(sandbox.defaultSession, 'extra');
      await connection.run(['display-message', '-p', 'sync']);
      await sleep(100);
      const names = seen.map((n) => n.name);
      expect(names).toContain('sessions-changed');
      expect(names).toContain('window-add');
    } finally {
      await connection.close();
    }
  });

  it('reports a server with no sessions clearly instead of attaching', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.tmux('set-option', '-g', 'exit-empty', 'off');
    await sandbox.tmux('kill-session', '-a');
    await sandbox.tmux('kill-session');
    await expect(ControlModeConnection.connect({ server: sandbox.server })).rejects.toBeInstanceOf(TmuxNoSessionsError);
  });

  it('reports a server that is not running as gone', async () => {
    await expect(ControlModeConnection.connect({ server: { socketName: `tmux-orc-test-absent-${process.pid}` } })).rejects.toBeInstanceOf(
      TmuxServerGoneError,
    );
  });

  it('close() ends the tmux -C child', async () => {
    const sandbox = await useTmuxSandbox();
    const connection = await ControlModeConnection.connect({ server: sandbox.server });
    const pid = connection.pid;
    expect(isRunning(pid)).toBe(true);
    await connection.close();
    expect(isRunning(pid)).toBe(false);
    await expect(connection.run(['display-message', '-p', 'x'])).rejects.toBeInstanceOf(TmuxConnectionClosedError);
    expect((await sandbox.tmux('list-clients')).trim()).toBe('');
  });

  it('times a stalled server out, and does not hand the late reply to the next command', async () => {
    // The server reads a control client's stdin itself, so stopping the client stalls nothing:
    // stopping the server does.
    const sandbox = await useTmuxSandbox();
    const connection = await ControlModeConnection.connect({ server: sandbox.server, commandTimeoutMs: 300 });
    try {
      process.kill(sandbox.serverPid, 'SIGSTOP');
      const stalled = connection.run(['display-message', '-p', 'first']);
      await expect(stalled).rejects.toBeInstanceOf(TmuxTimeoutError);
      expect(connection.healthy).toBe(false);
      process.kill(sandbox.serverPid, 'SIGCONT');
      await expect(connection.run(['display-message', '-p', 'second'], { timeoutMs: 2000 })).resolves.toEqual(['second']);
    } finally {
      await connection.close();
    }
  });

  it('rejects commands at once after its client is killed, while the server lives on', async () => {
    const sandbox = await useTmuxSandbox();
    const connection = await ControlModeConnection.connect({ server: sandbox.server });
    process.kill(connection.pid ?? 0, 'SIGKILL');
    await vi.waitFor(() => expect(connection.healthy).toBe(false));
    await expect(connection.run(['display-message', '-p', 'never'])).rejects.toBeInstanceOf(TmuxConnectionClosedError);
    await expect(sandbox.tmux('display-message', '-p', 'server alive')).resolves.toContain('server alive');
    await connection.close();
  });
});
