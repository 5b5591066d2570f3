import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDefaultConfig, notificationChannelSchema, type Config } from '@tmux-orc/config';
import { simAgentCommand, useTmuxSandbox } from '@tmux-orc/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../__fixtures__/agent-views.js';
import { createMonitor } from '../create-monitor.js';
import type { NotificationMessage } from './notification-message.js';
import { attachTerminal } from './__fixtures__/attached-terminal.js';

const screens = fileURLToPath(new URL('../../../health-checker/src/__fixtures__/claude-code-2.1.330/', import.meta.url));
const waitingAgent = simAgentCommand({ screensDir: screens, screen: 'waiting_input-bash-approval-80x24' });

let dir = '';
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'tmux-orc-notify-it-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

function configFor(socketName: string, channels: Config['notifications']['channels'], hooks: Config['notifications']['hooks'] = []): Config {
  const base = createDefaultConfig(dir);
  return {
    ...base,
    monitoring: { ...base.monitoring, check_interval: 1, debounce: 1 },
    notifications: { ...base.notifications, pm_enabled: false, hooks, channels },
    recovery: { ...base.recovery, restart_crashed: false, resubmit_attempts: 0 },
    servers: [{ socket_name: socketName }],
  };
}

async function records(file: string): Promise<NotificationMessage[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\u001e').filter((r) => r.trim() !== '').map((r) => JSON.parse(r) as NotificationMessage);
}

describe('notifications from a monitor watching a real tmux server', () => {
  it('notifies the agent nobody looks at, stays quiet about the one an attached client shows, and its jump command works', async () => {
    const sandbox = await useTmuxSandbox({ width: 80, height: 24 });
    await sandbox.newSession('web');
    for (const name of ['Claude-seen', 'Claude-away']) {
      const { paneId } = await sandbox.newWindow('web', name, { command: waitingAgent });
      await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
    }
    await using terminal = await attachTerminal(sandbox.socketName, 'web:1', (...args) => sandbox.tmux(...args));
    const file = join(dir, 'notifications.log');
    const channel = notificationChannelSchema.parse({ type: 'command', command: `cat >> '${file}'; printf '\\036' >> '${file}'`, policy: { rollup_window: 0, escalate_after: null } });
    const monitor = createMonitor(configFor(sandbox.socketName, [channel]), { logger: memoryLogger() });
    try {
      const deadline = Date.now() + 60_000;
      while ((await records(file)).length === 0 && Date.now() < deadline) {
        await monitor.runCycle();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await monitor.runCycle();
      await monitor.runCycle();
    } finally {
      await monitor.stop();
    }
    const sent = await records(file);
    expect(sent.flatMap((m) => m.notifications.map((n) => [n.agent, n.state, n.session, n.window, n.host]))).toEqual([['away', 'waiting_input', 'web', 'Claude-away', 'local']]);
    const [note] = sent[0]?.notifications ?? [];
    expect(note?.evidence).not.toBe('');
    expect(note?.jump).toBe(`tmux -L ${sandbox.socketName} switch-client -t web:2.0`);
    expect(monitor.status().notifications).toEqual([
      { channel: 'command-1', type: 'command', sent: 1, dropped: 0, retries: 0, fallbacks: 0, suppressed: { cooldown: 0, budget: 0, quiet: 1 }, pending: 0 },
    ]);

    // The jump command, run as a person would, moves their client to the agent's window.
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['TMUX'];
    await promisify(execFile)('sh', ['-c', note?.jump ?? 'false'], { env });
    expect((await sandbox.tmux('list-clients', '-F', '#{client_control_mode} #{session_name}:#{window_index}')).trim()).toBe('0 web:2');
    expect(terminal.output()).not.toBe('');
  });

  it('says once that notifications.hooks is deprecated, and still runs them', async () => {
    const logger = memoryLogger();
    const monitor = createMonitor(configFor('tmux-orc-test-unused', [], [{ to: 'idle', command: 'true' }]), { logger });
    await monitor.stop();
    expect(logger.lines.filter((line) => line.includes('deprecated'))).toEqual([
      'warn notifications.hooks is deprecated and still runs: move each hook to notifications.channels as { type: command, command, filter: { states: [<to>] } } {"hooks":1}',
    ]);
  });
});
