import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { observeOnly } from '../shared/observe-only.js';
import { createPaneFieldReader } from '../shared/pane-fields.js';
import { createApiServer } from './api-server.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function postHook(socketPath: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/hooks/claude-code', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('POST /hooks/claude-code by cwd, with two watched servers', () => {
  it('matches the one agent in the cwd by its prefixed id, and names a server it could not read', async () => {
    const live = await useTmuxSandbox();
    const gone = await useTmuxSandbox();
    const work = tempDir('tmux-orc-hook-cwd-');
    const { paneId } = await live.newSession('team', { window: 'Claude-dev', cwd: work, command: simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'idle-replied' }) });
    await live.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
    await gone.kill();

    const base = createDefaultConfig(tempDir('tmux-orc-hook-home-'));
    const config: Config = observeOnly({ ...base, servers: [{ socket_name: live.socketName }, { socket_name: gone.socketName }] });
    const monitor = createMonitor(config, { logger: silent });
    const socketPath = join(tempDir('tmux-orc-hook-sock-'), 'api.sock');
    const api = createApiServer({ monitor, socketPath, logger: silent, source: 'daemon', servers: config.servers, paneCwds: createPaneFieldReader(config, '#{pane_current_path}', { timeoutMs: 1000 }) });
    onTestFinished(async () => {
      await api.close();
      await monitor.stop();
    });
    await monitor.runCycle();
    await api.listen();
    const agentId = `-L ${live.socketName}/${paneId}`;
    expect(monitor.status().agents.map((agent) => agent.id)).toEqual([agentId]);

    const matched = await postHook(socketPath, { hook_event_name: 'Stop', cwd: work });
    expect(matched).toMatchObject({ status: 200, body: { matched: true, by: 'cwd', agent: agentId, implies: 'idle' } });

    const missed = await postHook(socketPath, { hook_event_name: 'Stop', cwd: '/no/such/dir' });
    expect(missed.status).toBe(202);
    expect(missed.body['reason']).toMatch(new RegExp(`^no monitored pane in /no/such/dir; tmux server -L ${gone.socketName} unreachable: .*not running`));
  });
});
