import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { serverAnswers } from './__fixtures__/server-answers.js';
import { tempDir } from './__fixtures__/temp-dir.js';
import { isProcessRunning } from './process-running.js';
import { createTmuxSandbox } from './tmux-sandbox.js';

describe('createTmuxSandbox', () => {
  test('starts a private server that kill() really ends, idempotently', async () => {
    const sandbox = await createTmuxSandbox();
    expect(sandbox.socketName).toMatch(/^tmux-orc-test-[0-9a-f]{12}$/);
    expect(sandbox.server).toEqual({ socketName: sandbox.socketName });
    expect(serverAnswers(sandbox.socketName)).toBe(true);
    expect(await sandbox.tmux('list-sessions', '-F', '#{session_name}')).toBe('_sandbox');

    await Promise.all([sandbox.kill(), sandbox.kill()]);
    await sandbox.kill();

    expect(serverAnswers(sandbox.socketName)).toBe(false);
    expect(isProcessRunning(sandbox.serverPid)).toBe(false);
    expect(existsSync(sandbox.socketPath)).toBe(false);
    await expect(sandbox.capture('%0')).rejects.toMatchObject({ code: 'SANDBOX_KILLED' });
  });

  test('`await using` kills the server at the end of the block', async () => {
    let socketName = '';
    {
      await using sandbox = await createTmuxSandbox();
      socketName = sandbox.socketName;
      expect(serverAnswers(socketName)).toBe(true);
    }
    expect(serverAnswers(socketName)).toBe(false);
  });

  test('two sandboxes never share a server', async () => {
    await using first = await createTmuxSandbox();
    await using second = await createTmuxSandbox();
    expect(first.socketName).not.toBe(second.socketName);
    await first.newSession('only-in-first');
    expect(await second.tmux('list-sessions', '-F', '#{session_name}')).toBe('_sandbox');
  });

  test('uses no user config: small history, remain-on-exit off, /bin/sh, the requested size', async () => {
    await using sandbox = await createTmuxSandbox({ width: 100, height: 30 });
    expect(await sandbox.tmux('show-options', '-gv', 'history-limit')).toBe('200');
    expect(await sandbox.tmux('show-options', '-gv', 'remain-on-exit')).toBe('off');
    expect(await sandbox.tmux('show-options', '-gv', 'default-shell')).toBe('/bin/sh');
    const { paneId } = await sandbox.newSession('work');
    expect(await sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_width}x#{pane_height}')).toBe('100x30');
  });

  test('rejects a bad size naming the option and the value', async () => {
    await expect(createTmuxSandbox({ width: 0 })).rejects.toThrow('Expected `width` to be a positive integer, got `0`');
  });

  test('newSession and newWindow run a command with env and cwd', async () => {
    await using sandbox = await createTmuxSandbox();
    const dir = tempDir('tmux-orc-testkit-');
    const show = 'printf "%s in %s\\n" "$GREETING" "$PWD"; exec cat';
    const session = await sandbox.newSession('work', { window: 'first', command: show, env: { GREETING: 'hello session' }, cwd: dir });
    const window = await sandbox.newWindow('work', 'second', { command: show, env: { GREETING: 'hello window' }, cwd: dir });

    await sandbox.waitForScreen(session.paneId, (screen) => screen.includes(`hello session in ${dir}`));
    await sandbox.waitForScreen(window.paneId, (screen) => screen.includes(`hello window in ${dir}`));
    expect(await sandbox.tmux('list-windows', '-t', 'work', '-F', '#{window_name}')).toBe('first\nsecond');
  });

  test('remain-on-exit is off by default and on per window when asked', async () => {
    await using sandbox = await createTmuxSandbox();
    await sandbox.newSession('work', { window: 'keeper', command: 'exec cat' });
    const kept = await sandbox.newWindow('work', 'kept', { command: 'exit 3', remainOnExit: true });
    const gone = await sandbox.newWindow('work', 'gone', { command: 'sleep 0.2; exit 4' });
    const session = await sandbox.newSession('crashing', { command: 'exit 5', remainOnExit: true });

    await expect.poll(() => sandbox.tmux('list-windows', '-t', 'work', '-F', '#{window_name}'), { timeout: 5000 }).toBe('keeper\nkept');
    // tmux 3.3a may not have collected an exit status yet (a SIGCHLD missed while its utempter
    // helper ran); another child exiting makes it reap: the same nudge listPanes gives.
    await sandbox.tmux('run-shell', 'true');
    expect(await sandbox.tmux('display-message', '-p', '-t', kept.paneId, '#{pane_dead} #{pane_dead_status}')).toBe('1 3');
    expect(await sandbox.tmux('display-message', '-p', '-t', session.paneId, '#{pane_dead} #{pane_dead_status}')).toBe('1 5');
    // The window asking for remain-on-exit did not stay the current one.
    expect(await sandbox.tmux('display-message', '-p', '-t', 'work', '#{window_name}')).toBe('keeper');
    expect(gone.paneId).toMatch(/^%\d+$/);
  });

  test('sendLine types text literally, even text that ends in ; or looks like a key name', async () => {
    await using sandbox = await createTmuxSandbox();
    const { paneId } = await sandbox.newSession('work', { command: 'exec cat' });
    await sandbox.sendLine(paneId, 'Enter C-c echo hi;');
    const screen = await sandbox.waitForScreen(paneId, /echo hi;\n/);
    expect(screen.split('\n').filter((line) => line === 'Enter C-c echo hi;')).toHaveLength(2); // tty echo + cat
  });

  test('waitForScreen times out with the last screen in the error', async () => {
    await using sandbox = await createTmuxSandbox();
    const { paneId } = await sandbox.newSession('work', { command: 'echo nothing to see; exec cat' });
    await sandbox.waitForScreen(paneId, /nothing to see/);
    const error: unknown = await sandbox.waitForScreen(paneId, /never shown/, { timeoutMs: 200 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SCREEN_TIMEOUT' });
    expect(String(error)).toContain('a screen matching /never shown/');
    expect(String(error)).toContain('nothing to see');
  });

  test('a failing tmux command names the command and what tmux said', async () => {
    await using sandbox = await createTmuxSandbox();
    await expect(sandbox.newWindow('no-such-session', 'w')).rejects.toThrow(/new-window .*can't find session: no-such-session/);
  });
});

