import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox, type TmuxSandbox } from '@tmux-orc/testkit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCliIfStale, createCliHome, type CliHome } from '../__fixtures__/cli-harness.js';

let homes: CliHome[] = [];
beforeAll(() => buildCliIfStale(), 300_000);
afterEach(async () => {
  await Promise.all(homes.map((home) => home.cleanup()));
  homes = [];
});

/**
 * Waits for the command in `pane` to end and returns its exit status. tmux 3.3a sometimes never
 * sets pane_dead_status (seen under load in CI), so the wrapping shell records it in `codeFile`.
 */
async function exitCode(sandbox: TmuxSandbox, pane: string, codeFile: string): Promise<string> {
  for (let i = 0; i < 300; i += 1) {
    if (existsSync(codeFile)) {
      const code = readFileSync(codeFile, 'utf8').trim();
      if (code !== '') return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected the command in pane ${pane} to end within 30 s; the screen:\n${await sandbox.capture(pane)}`);
}

/** Runs `tmux-orc perf watch` in a pane of the sandbox it watches, as a user in a terminal would. */
async function watchInPane(sandbox: TmuxSandbox, home: CliHome): Promise<{ pane: string; codeFile: string }> {
  const codeFile = join(mkdtempSync(join(tmpdir(), 'tmux-orc-perf-exit-')), 'code');
  // `trap true INT`: Ctrl-C reaches the whole foreground group; the wrapping shell must outlive it
  // to record the status (a caught signal is reset to default in the child, so node still gets it).
  const command = `trap true INT; ${process.execPath} ${bin} -L ${sandbox.socketName} perf watch --interval 0.3; echo $? > ${codeFile}`;
  const { paneId } = await sandbox.newSession('watch', { window: 'perf', command, env: { TMUX_ORC_HOME: home.home, NO_COLOR: '1' }, remainOnExit: true, width: 120, height: 40 });
  return { pane: paneId, codeFile };
}

describe('tmux-orc perf watch', { timeout: 120_000 }, () => {
  it('draws pool, cache, cycles and agents in place, and q quits cleanly', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await createCliHome();
    homes.push(home);
    const { paneId: agent } = await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'active-streaming' }) });
    await sandbox.tmux('set-option', '-p', '-t', agent, '@tmux-orc-agent', 'claude-code');
    const { pane, codeFile } = await watchInPane(sandbox, home);
    const first = await sandbox.waitForScreen(pane, (screen) => /^ {2}\d+ run {3}last/m.test(screen) && /agents \(1\)/.test(screen), { timeoutMs: 20_000 });
    expect(first).toMatch(/^tmux-orc perf watch .*in-process monitor \(no daemon watches this server\)/m);
    expect(first).toMatch(/^pool$/m);
    expect(first).toMatch(/^ {2}transport control {3}open 1/m);
    expect(first).toMatch(/^ {2}pane_content +\[/m);
    expect(first).toMatch(/^ {2}active +1 +■$/m);
    // Redrawn in place: the title stays on the first line and appears once.
    expect(first.split('\n')[0]).toMatch(/^tmux-orc perf watch/);
    const later = await sandbox.waitForScreen(pane, (screen) => screen !== first, { timeoutMs: 10_000 });
    expect(later.match(/tmux-orc perf watch/g)).toHaveLength(1);

    await sandbox.tmux('send-keys', '-t', pane, 'q');
    expect(await exitCode(sandbox, pane, codeFile)).toBe('0');
    // The in-process monitor closed its control-mode client: only the sandbox's own clients remain.
    expect((await sandbox.tmux('list-clients', '-F', '#{client_control_mode}')).trim()).toBe('');
  });

  it('reads the daemon when one watches the server, and Ctrl-C quits', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await createCliHome();
    homes.push(home);
    expect((await home.run(['-L', sandbox.socketName, 'monitor', 'start', '--interval', '0.5'])).code).toBe(0);
    const { pane, codeFile } = await watchInPane(sandbox, home);
    const screen = await sandbox.waitForScreen(pane, /^ {2}\d+ run/m, { timeoutMs: 20_000 });
    expect(screen).toMatch(/^tmux-orc perf watch .* daemon .*monitor\.sock/m);
    await sandbox.tmux('send-keys', '-t', pane, 'C-c');
    expect(await exitCode(sandbox, pane, codeFile)).toBe('0');
  });
});
