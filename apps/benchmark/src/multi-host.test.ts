import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { runMultiHost } from './multi-host.js';
import { renderMultiHost } from './render-multi-host.js';

function refused(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

it('measures hosts over real sshd behind the delaying proxy next to one local server, and stops everything', async () => {
  const report = await runMultiHost({ hosts: 2, agentsPerHost: 3, rttMs: 40, cycles: 2, spacingMs: 10, mode: { concurrency: undefined, poolSize: 4 } });
  expect(report.per_host).toHaveLength(2);
  for (const host of report.per_host) {
    // The host's master connection and the control client's session: never one process per pane.
    expect(host.ssh_processes).toBeGreaterThanOrEqual(1);
    expect(host.ssh_processes).toBeLessThanOrEqual(2);
    expect(host.remote_control_clients).toBe(1);
    // Every cycle crosses the proxy at least once: a floor, never a ceiling.
    expect(host.cycle_ms.p50).toBeGreaterThanOrEqual(40);
  }
  expect(report.local.agents).toBe(6);
  expect(report.target_ms).toBeCloseTo(60 + report.local.cycle_ms.p50, 5);
  expect(renderMultiHost(report)).toMatch(/\| 2 hosts in parallel, 40 ms RTT \| 6 \|/);
  // Stopped: nothing listens where the hosts were.
  for (const host of report.per_host) {
    const [address = '', port = ''] = host.host.replace(/^root@/, '').split(':');
    expect(await refused(address, Number(port))).toBe(true);
  }
}, 120_000);
