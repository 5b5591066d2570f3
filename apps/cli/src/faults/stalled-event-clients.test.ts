import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { shellQuote, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { apiGet, daemonStatus, faultConfig, isAlive, rssKiB, startFaultDaemon, useCliHome, waitUntil } from './__fixtures__/fault-daemon.js';

beforeAll(() => buildCliIfStale(), 300_000);

const STALLED = 200;
const PANES = 40;
/** The daemon may grow this much while the stalled clients are dropped (before the fix it grew without end). */
const RSS_GROWTH_BOUND_KIB = 100 * 1024;
const screens = join(simAgentScreensDir, 'claude-code');

/** A pane that flips between two screens decided by a sign (no debounce): a transition every cycle. */
function flipping(): string {
  const a = shellQuote(join(screens, 'waiting_input-bash-approval.txt'));
  const b = shellQuote(join(screens, 'error-http529-retrying.txt'));
  return `sh -c ${shellQuote(`while :; do printf '\\033[H\\033[2J'; cat ${a}; sleep 0.6; printf '\\033[H\\033[2J'; cat ${b}; sleep 0.6; done`)}`;
}

/** Opens `GET /events` and never reads from it again. */
function stalledClient(socketPath: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path: socketPath }, () => {
      socket.write('GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n');
      socket.pause();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function metric(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

describe('/events clients that never read', { timeout: 180_000 }, () => {
  it(`${STALLED} stalled clients are dropped and counted; a client that reads keeps its stream; RSS stays bounded`, async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    const agents = await sandbox.spawnAgents(PANES, { session: 'flip', windowsPerSession: 40, command: flipping, windowName: (i) => `Claude-f${i}` });
    for (const agent of agents) await sandbox.tmux('set-option', '-p', '-t', agent.paneId, '@tmux-orc-agent', 'claude-code');
    const pid = await startFaultDaemon(home, sandbox.socketName, faultConfig({ interval: 0.3 }));
    const socketPath = join(home.home, 'monitor.sock');
    await waitUntil(async () => ((await daemonStatus(home))?.agents.length ?? 0) >= PANES ? true : undefined, `${PANES} agents tracked`, 30_000);

    // One client that reads: it must keep receiving transitions throughout.
    let read = 0;
    const reader = connect({ path: socketPath }, () => reader.write('GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    reader.on('data', (chunk: Buffer) => (read += chunk.toString().split('event: transition').length - 1));
    const stalled: Socket[] = [];
    onTestFinished(() => {
      reader.destroy();
      for (const socket of stalled) socket.destroy();
    });
    const baseline = rssKiB(pid);
    for (let i = 0; i < STALLED; i += 1) stalled.push(await stalledClient(socketPath));
    const started = Date.now();
    const metrics = await waitUntil(async () => {
      const text = (await apiGet(socketPath, '/metrics')).body;
      return (metric(text, 'tmux_orc_events_clients_dropped_total') ?? 0) >= STALLED ? text : undefined;
    }, `${STALLED} stalled clients dropped`, 120_000);
    const seconds = (Date.now() - started) / 1000;
    const peak = rssKiB(pid);
    const readBefore = read;
    await waitUntil(() => (read > readBefore + 5 ? true : undefined), 'the reading client still receiving transitions');
    console.info(`${STALLED} stalled /events clients: all dropped after ${seconds.toFixed(1)} s; RSS ${Math.round(baseline / 1024)} MiB before, ${Math.round(peak / 1024)} MiB when the last was dropped; the reader got ${read} transitions`);
    expect(metric(metrics, 'tmux_orc_events_clients')).toBe(1);
    expect(isAlive(pid)).toBe(true);
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_BOUND_KIB);
    const log = await readFile(join(home.home, 'logs', 'async-monitor.log'), 'utf8');
    expect(log.split('\n').filter((line) => line.includes('event stream client dropped'))).toHaveLength(STALLED);
  });
});
