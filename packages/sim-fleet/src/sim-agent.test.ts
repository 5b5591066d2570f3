import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from './__fixtures__/temp-dir.js';
import { simAgentCommand, simAgentPath, simAgentProcessName, simAgentScreensDir } from './sim-agent.js';
import { type TmuxSandbox, createTmuxSandbox } from './tmux-sandbox.js';

function screen(name: string): string {
  return readFileSync(join(simAgentScreensDir, `${name}.txt`), 'utf8').trimEnd();
}

async function windowActivity(sandbox: TmuxSandbox, paneId: string): Promise<number> {
  return Number(await sandbox.tmux('display-message', '-p', '-t', paneId, '#{window_activity}'));
}

async function cpuTicks(sandbox: TmuxSandbox, paneId: string): Promise<number> {
  const pid = await sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_pid}');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

describe('sim-agent.sh', () => {
  test('ships next to the module, with its screens', () => {
    expect(existsSync(simAgentPath)).toBe(true);
    expect(simAgentPath).toMatch(/\/bin\/sim-agent\.sh$/);
    expect(existsSync(join(simAgentScreensDir, 'shell-prompt.txt'))).toBe(true);
  });

  test('draws the initial screen, then switches screens on request without showing the typed command', async () => {
    await using sandbox = await createTmuxSandbox();
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand({ screen: 'idle' }) });
    expect((await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('idle'))).trimEnd()).toBe(screen('idle'));

    await sandbox.sendLine(paneId, 'screen working');
    expect((await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('working'))).trimEnd()).toBe(screen('working'));

    await sandbox.sendLine(paneId, 'screen waiting-input');
    const waiting = await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('waiting-input'));
    expect(waiting).not.toContain('screen waiting-input');
  });

  test('reproduces a full-height screen exactly: unicode, leading blanks, backslashes, % and no scrolling', async () => {
    await using sandbox = await createTmuxSandbox({ width: 80, height: 24 });
    const dir = tempDir('tmux-orc-screens-');
    const rows = [
      'first row must stay on screen',
      '╭──────────────────────────────────────╮',
      '│ ❯ 100% done \\n not a newline  -n -e │',
      '╰──────────────────────────────────────╯',
      '    indented by four spaces',
      ...Array.from({ length: 18 }, (_, i) => `row ${String(i + 6)}`),
      '? for shortcuts                                     last row, 24 of 24',
    ];
    expect(rows).toHaveLength(24);
    writeFileSync(join(dir, 'full.txt'), `${rows.join('\n')}\n`);
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand({ screensDir: dir, screen: 'full' }) });
    const drawn = await sandbox.waitForScreen(paneId, /last row, 24 of 24/);
    expect(drawn.split('\n').map((row) => row.trimEnd())).toEqual(rows);
  });

  test('takes its screens dir and initial screen from the environment', async () => {
    await using sandbox = await createTmuxSandbox();
    const dir = tempDir('tmux-orc-screens-');
    writeFileSync(join(dir, 'hello.txt'), 'hello from the env screen\n');
    const { paneId } = await sandbox.newSession('team', {
      command: `exec /bin/sh '${simAgentPath}'`,
      env: { SIM_AGENT_SCREENS_DIR: dir, SIM_AGENT_SCREEN: 'hello' },
    });
    await sandbox.waitForScreen(paneId, /^hello from the env screen$/m);
  });

  test('finds screens in a directory whose name needs quoting', async () => {
    await using sandbox = await createTmuxSandbox();
    const dir = join(tempDir('tmux-orc-screens-'), "it's a dir; $HOME");
    mkdirSync(dir);
    writeFileSync(join(dir, 'odd.txt'), 'odd screen drawn\n');
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand({ screensDir: dir, screen: 'odd' }) });
    await sandbox.waitForScreen(paneId, /odd screen drawn/);
  });

  test('says so when a screen or a command is unknown', async () => {
    await using sandbox = await createTmuxSandbox();
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand() });
    await sandbox.sendLine(paneId, 'screen no-such-screen');
    await sandbox.waitForScreen(paneId, /^sim-agent: no screen no-such-screen \(expected /m);
    await sandbox.sendLine(paneId, 'dance now');
    await sandbox.waitForScreen(paneId, /^sim-agent: unknown command: dance now$/m);
  });

  test('print N prints N lines of work and moves window_activity', async () => {
    await using sandbox = await createTmuxSandbox();
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand() });
    await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('idle'));
    const before = await windowActivity(sandbox, paneId);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // window_activity counts seconds

    await sandbox.sendLine(paneId, 'print 30');
    const printed = await sandbox.waitForScreen(paneId, /work: step 30 of 30/);
    expect(printed).toContain('work: step 29 of 30');
    expect(printed).not.toContain('work: step 31');
    expect(await windowActivity(sandbox, paneId)).toBeGreaterThan(before);
  });

  test('exit CODE ends the agent with that code (pane_dead_status with remain-on-exit)', async () => {
    await using sandbox = await createTmuxSandbox();
    // tmux 3.3a sometimes never sets pane_dead_status (seen under load in CI), so the code is also
    // recorded by a wrapping shell, which cannot lose it.
    const codeFile = join(tempDir('tmux-orc-sim-exit-'), 'code');
    const command = `(${simAgentCommand()}); echo $? > ${codeFile}`;
    const { paneId } = await sandbox.newSession('team', { command, remainOnExit: true });
    await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('idle'));
    await sandbox.sendLine(paneId, 'exit 42');
    await expect.poll(() => (existsSync(codeFile) ? readFileSync(codeFile, 'utf8').trim() : ''), { timeout: 10_000 }).toBe('42');
    await expect.poll(() => sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_dead}'), { timeout: 5000 }).toBe('1');
    const status = await sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_dead_status}');
    expect(['', '0']).toContain(status);
  });

  test('stream keeps moving window_activity until the next command, idle agents do not', async () => {
    await using sandbox = await createTmuxSandbox();
    const busy = await sandbox.newSession('busy', { command: simAgentCommand() });
    const idle = await sandbox.newSession('idle', { command: simAgentCommand() });
    await sandbox.waitForScreen(busy.paneId, (s) => s.trimEnd() === screen('idle'));
    await sandbox.waitForScreen(idle.paneId, (s) => s.trimEnd() === screen('idle'));
    const idleActivity = await windowActivity(sandbox, idle.paneId);
    const busyStart = await windowActivity(sandbox, busy.paneId);

    await sandbox.sendLine(busy.paneId, 'stream');
    // Two seconds later than the start: it kept printing, it did not just print once.
    await expect.poll(() => windowActivity(sandbox, busy.paneId), { timeout: 6000, interval: 200 }).toBeGreaterThanOrEqual(busyStart + 2);
    expect(await windowActivity(sandbox, idle.paneId)).toBe(idleActivity);

    await sandbox.sendLine(busy.paneId, 'screen idle');
    await sandbox.waitForScreen(busy.paneId, (s) => s.trimEnd() === screen('idle'));
    await new Promise((resolve) => setTimeout(resolve, 600)); // three stream periods
    expect((await sandbox.capture(busy.paneId)).trimEnd()).toBe(screen('idle'));
    const children = await sandbox.tmux('display-message', '-p', '-t', busy.paneId, '#{pane_pid}');
    expect(readFileSync(`/proc/${children}/task/${children}/children`, 'utf8').trim()).toBe('');
  });

  test('uses no CPU while idle', async () => {
    await using sandbox = await createTmuxSandbox();
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand() });
    await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('idle'));
    const before = await cpuTicks(sandbox, paneId);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await cpuTicks(sandbox, paneId)).toBe(before);
  });

  test('runs under an agent CLI name, not a shell, when asked, and records what is typed into it with --record', async () => {
    await using sandbox = await createTmuxSandbox();
    const record = join(tempDir('tmux-orc-sim-record-'), "pm's log");
    const { paneId } = await sandbox.newSession('team', { command: simAgentCommand({ record, processName: simAgentProcessName }) });
    await sandbox.waitForScreen(paneId, (s) => s.trimEnd() === screen('idle'));
    expect((await sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_current_command}')).trim()).toBe(simAgentProcessName);
    await sandbox.sendLine(paneId, '[tmux-orc] dev (team:1) idle 5m; a $(b) `c` line');
    await sandbox.sendLine(paneId, 'print 1');
    await sandbox.waitForScreen(paneId, /work: step 1 of 1/);
    expect(readFileSync(record, 'utf8')).toBe('[tmux-orc] dev (team:1) idle 5m; a $(b) `c` line\nprint 1\n');
    expect(await sandbox.capture(paneId)).not.toMatch(/unknown command/);
  });
});

