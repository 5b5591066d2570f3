import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shellQuote, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { clientPids, daemonStatus, isAlive, rssKiB, startFaultDaemon, useCliHome, waitForCycle, waitUntil } from './__fixtures__/fault-daemon.js';

/** How long the 200 panes flood, in seconds (`TMUX_ORC_FLOOD_SECONDS`, default 60). */
const FLOOD_SECONDS = Number(process.env['TMUX_ORC_FLOOD_SECONDS'] ?? 60);
const PANES = 200;
/** The daemon may grow this much over its RSS before the flood (generous: it is a leak detector, not a budget). */
const RSS_GROWTH_BOUND_KIB = 150 * 1024;

beforeAll(() => buildCliIfStale(), 300_000);

describe('output flood', () => {
  it(`${PANES} panes printing as fast as they can for ${FLOOD_SECONDS} s: the first control client is never dropped, RSS stays bounded`, async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    const go = join(home.dir, 'go');
    // Each pane waits for the go file, prints as fast as it can for FLOOD_SECONDS, then sleeps.
    const flood = (i: number): string =>
      `sh -c ${shellQuote(`while [ ! -e ${shellQuote(go)} ]; do sleep 0.2; done; timeout ${FLOOD_SECONDS} yes 'flood ${i} ──── the quick brown fox ✓'; exec sleep 3600`)}`;
    await sandbox.spawnAgents(PANES, { session: 'flood', windowsPerSession: 50, command: flood, windowName: (i) => `Claude-f${i}` });

    const pid = await startFaultDaemon(home, sandbox.socketName);
    const ready = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return (status?.agents.length ?? 0) >= PANES ? status : undefined;
    }, `${PANES} agents tracked`, 30_000);
    await waitForCycle(home, (ready.detailed?.base_status.cycle_count ?? 0) + 3);
    const [client] = await clientPids(sandbox.socketName);
    const baseline = rssKiB(pid);
    const before = await daemonStatus(home);

    await writeFile(go, '');
    const samples: number[] = [];
    const started = Date.now();
    while (Date.now() - started < FLOOD_SECONDS * 1000) {
      await new Promise((r) => setTimeout(r, 2000));
      samples.push(rssKiB(pid));
      // The first control client the whole time (the pool may add one once 64 commands are in
      // flight on it: 128 checks run at once over control mode).
      expect(await clientPids(sandbox.socketName)).toContain(client);
    }
    const during = await daemonStatus(home);
    await waitForCycle(home, (during?.detailed?.base_status.cycle_count ?? 0) + 1, 'one more cycle after the flood', 60_000);
    const after = await daemonStatus(home);

    const cycles = after?.detailed?.cycles;
    const pool = after?.detailed?.connection_pool;
    const maxRss = Math.max(...samples);
    console.info(
      `flood ${PANES} panes × ${FLOOD_SECONDS} s: cycles ${(after?.detailed?.base_status.cycle_count ?? 0) - (before?.detailed?.base_status.cycle_count ?? 0)}, ` +
        `p50 ${cycles?.p50_ms} ms, p95 ${cycles?.p95_ms} ms, max ${cycles?.max_ms} ms, skipped ticks ${after?.detailed?.skipped_cycles}; ` +
        `RSS baseline ${Math.round(baseline / 1024)} MiB, max ${Math.round(maxRss / 1024)} MiB, last ${Math.round((samples.at(-1) ?? 0) / 1024)} MiB; ` +
        `pool created ${pool?.created} recycled ${pool?.recycled} commands ${pool?.commands} errors ${pool?.errors} timeouts ${pool?.acquisition_timeouts}`,
    );
    expect(isAlive(pid)).toBe(true);
    expect(pool).toMatchObject({ transport: 'control', recycled: 0 });
    expect(pool?.created).toBeLessThanOrEqual(4);
    expect(after?.detailed?.servers[0]?.up).toBe(true);
    expect(after?.agents.length).toBeGreaterThanOrEqual(PANES);
    expect(maxRss - baseline).toBeLessThan(RSS_GROWTH_BOUND_KIB);
    expect(await clientPids(sandbox.socketName)).toContain(client);
  }, (FLOOD_SECONDS + 120) * 1000);
});
