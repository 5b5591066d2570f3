import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notificationChannelSchema } from '@tmux-orc/config';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { ExecConnection } from '@tmux-orc/tmux-pool';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../__fixtures__/agent-views.js';
import type { AgentNotification } from './agent-notification.js';
import { createDesktopSender } from './desktop-sender.js';
import { composeMessage } from './notification-message.js';
import { attachTerminal } from './__fixtures__/attached-terminal.js';

const note: AgentNotification = {
  agent: 'dev', agent_id: '%1', role: 'agent', session: 'web', window: 'Claude-dev', window_index: 1, pane: '%1', host: 'local',
  state: 'waiting_input', from: 'active', since: '2026-01-01T00:00:00.000Z', evidence: 'Allow #{session_name} 100%?', jump: "tmux switch-client -t 'web:1.0'", escalated: false, noted_at: '2026-01-01T00:00:30.000Z',
};
const message = composeMessage('desk', [note], 0);
const desktop = (method = 'auto') => {
  const channel = notificationChannelSchema.parse({ type: 'desktop', method });
  if (channel.type !== 'desktop') throw new Error(`Expected a desktop channel, got ${channel.type}`);
  return channel;
};

let dir = '';
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'tmux-orc-desktop-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A fake `notify-send` on PATH that records its arguments (NUL-separated) and exits with `status`. */
async function fakeNotifySend(status: number): Promise<{ path: string; calls: () => Promise<string[][]> }> {
  const log = join(dir, 'notify-send.log');
  await writeFile(join(dir, 'notify-send'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a" >> '${log}'; done\nprintf '\\036' >> '${log}'\nexit ${status}\n`);
  await chmod(join(dir, 'notify-send'), 0o755);
  const calls = async () => (await readFile(log, 'utf8').catch(() => '')).split('\u001e').filter(Boolean).map((line) => line.split('\0').slice(0, -1));
  return { path: `${dir}:${process.env['PATH'] ?? ''}`, calls };
}

describe('desktop sender', () => {
  it('runs notify-send when it is on PATH and a session bus is set', async () => {
    const fake = await fakeNotifySend(0);
    const sender = createDesktopSender(desktop(), 'desk', memoryLogger(), { env: { PATH: fake.path, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, runners: () => [] });
    expect(await sender.send(message, new AbortController().signal)).toEqual({ delivered: true, retries: 0, fallback: false });
    expect(await fake.calls()).toEqual([['--app-name=tmux-orc', '--urgency=normal', message.title, message.text]]);
  });

  it('shows a display-message on every attached client of a real tmux server when there is no session bus', async () => {
    const sandbox = await useTmuxSandbox({ width: 160, height: 24 });
    await sandbox.newSession('web');
    await using terminal = await attachTerminal(sandbox.socketName, 'web', (...args) => sandbox.tmux(...args));
    const fake = await fakeNotifySend(0);
    const sender = createDesktopSender(desktop(), 'desk', memoryLogger(), { env: { PATH: fake.path }, runners: () => [new ExecConnection(sandbox.server)] });
    expect(await sender.send(message, new AbortController().signal)).toEqual({ delivered: true, retries: 0, fallback: false });
    // Formats and strftime escapes in the evidence are shown as written, not expanded.
    await terminal.waitForOutput(/tmux-orc: dev waiting for approval · web:1 Claude-dev · "Allow #\{session_name\} 100%\?"/);
    expect(await fake.calls()).toEqual([]);
  });

  it('falls back to display-message when notify-send fails, and says so', async () => {
    const sandbox = await useTmuxSandbox({ width: 160, height: 24 });
    await sandbox.newSession('web');
    await using terminal = await attachTerminal(sandbox.socketName, 'web', (...args) => sandbox.tmux(...args));
    const fake = await fakeNotifySend(1);
    const logger = memoryLogger();
    const sender = createDesktopSender(desktop(), 'desk', logger, { env: { PATH: fake.path, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, runners: () => [new ExecConnection(sandbox.server)] });
    expect(await sender.send(message, new AbortController().signal)).toEqual({ delivered: true, retries: 0, fallback: true });
    await terminal.waitForOutput(/tmux-orc: dev waiting for approval/);
    expect(await fake.calls()).toHaveLength(1);
    expect(logger.lines.some((line) => line.startsWith('warn notify-send failed; showing the notification with tmux display-message'))).toBe(true);
  });

  it('never throws with nowhere to show: no notify-send, no attached client, a server that is gone', async () => {
    const sandbox = await useTmuxSandbox();
    const runner = new ExecConnection(sandbox.server);
    await sandbox.kill();
    const logger = memoryLogger();
    const sender = createDesktopSender(desktop('notify-send'), 'desk', logger, { env: { PATH: dir }, runners: () => [runner] });
    expect(await sender.send(message, new AbortController().signal)).toEqual({ delivered: false, retries: 0, fallback: true });
    expect(logger.lines).toEqual([
      'warn notify-send not found on PATH; showing the notification with tmux display-message {"channel":"desk"}',
      'info desktop notification not shown: no notification daemon and no attached tmux client {"channel":"desk","title":"tmux-orc: dev waiting for approval"}',
    ]);
  });
});
