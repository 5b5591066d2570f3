import { request } from 'node:http';
import { join } from 'node:path';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import type { StatusJson } from '../shared/status-json.js';
import { apiGet, daemonStatus, faultConfig, startFaultDaemon, useCliHome, waitUntil } from './__fixtures__/fault-daemon.js';

beforeAll(() => buildCliIfStale(), 300_000);

/** Collects what `GET /events` sends until `stop()`. */
function collectEvents(socketPath: string): { text: () => string; stop: () => void } {
  let text = '';
  const req = request({ socketPath, path: '/events' }, (response) => response.on('data', (chunk: Buffer) => (text += chunk.toString())));
  req.on('error', () => undefined);
  req.end();
  return { text: () => text, stop: () => req.destroy() };
}

describe('a report held back because the PM pane is a shell', { timeout: 120_000 }, () => {
  it('shows in status (JSON and readable), /metrics and /events', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    // The PM window runs a plain shell: the monitor must not type into it.
    await sandbox.newSession('team', { window: 'pm' });
    const { paneId } = await sandbox.newWindow('team', 'Claude-dev', { command: simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'idle-replied' }) });
    await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
    await startFaultDaemon(home, sandbox.socketName, faultConfig({ pm: true }));
    const socketPath = join(home.home, 'monitor.sock');
    const events = collectEvents(socketPath);
    try {
      const status = await waitUntil(async () => {
        const s = await daemonStatus(home);
        return (s?.held_reports.length ?? 0) > 0 ? s : undefined;
      }, 'a held report');
      expect(status.held_reports[0]).toMatchObject({ session: 'team', reason: expect.stringMatching(/shell/) });
      expect(status.hooks).toEqual({ running: 0, queued: 0, dropped: 0 });
      const json = JSON.parse((await home.run(['-L', sandbox.socketName, 'status', '--json'])).stdout) as StatusJson;
      expect(json.held_reports).toHaveLength(1);
      const text = await home.run(['-L', sandbox.socketName, 'status']);
      expect(text.stdout).toMatch(/^1 report held .*:\n {2}team \(PM %\d+\) since \S+: .*shell/m);
      const metrics = (await apiGet(socketPath, '/metrics')).body;
      expect(metrics).toMatch(/^tmux_orc_reports_held 1$/m);
      expect(metrics).toMatch(/^tmux_orc_hooks_dropped_total 0$/m);
      // Opened right after start, before dev is idle (first sight + 1 s debounce): it saw the report held.
      await waitUntil(() => (events.text().includes('event: report_held') ? true : undefined), 'a report_held event on /events', 10_000);
      expect(events.text()).toMatch(/event: report_held\ndata: \{"session":"team"/);
    } finally {
      events.stop();
    }
  });
});
