import { type PaneInfo, type TmuxServer, ExecConnection, capturePanes, createTmuxConnectionPool, listPanes } from '@tmux-orc/tmux-pool';
import pLimit from 'p-limit';

/** One way of capturing every pane once: resolves with the number of screens it got. */
export interface CaptureMode {
  readonly name: string;
  readonly description: string;
  setUp(server: TmuxServer): Promise<{ captureAll(paneIds: readonly string[]): Promise<number>; tearDown(): Promise<void> }>;
}

function countScreens(screens: Map<string, string | null>): number {
  let count = 0;
  for (const screen of screens.values()) if (screen !== null) count += 1;
  return count;
}

/** One `tmux capture-pane` process per pane, one after another: what the Python tool did. */
export const execSerial: CaptureMode = {
  name: 'exec-serial',
  description: 'one tmux process per pane, sequential',
  async setUp(server) {
    const exec = new ExecConnection(server);
    return {
      async captureAll(paneIds) {
        let count = 0;
        for (const id of paneIds) count += countScreens(await capturePanes(exec, [id]));
        return count;
      },
      tearDown: () => exec.close(),
    };
  },
};

/** One process per pane with 16 in flight: the "async" version of the same. */
export const execParallel: CaptureMode = {
  name: 'exec-parallel-16',
  description: 'one tmux process per pane, 16 at once (p-limit)',
  async setUp(server) {
    const exec = new ExecConnection(server);
    const limit = pLimit(16);
    return {
      async captureAll(paneIds) {
        const counts = await Promise.all(paneIds.map((id) => limit(async () => countScreens(await capturePanes(exec, [id])))));
        return counts.reduce((a, b) => a + b, 0);
      },
      tearDown: () => exec.close(),
    };
  },
};

/** Every capture pipelined through the control-mode pool. */
export const controlPool: CaptureMode = {
  name: 'control-pool',
  description: 'capture-pane pipelined over the control-mode pool',
  async setUp(server) {
    const pool = createTmuxConnectionPool({ server, transport: 'control' });
    await pool.warmUp();
    return {
      async captureAll(paneIds) {
        return countScreens(await capturePanes(pool, paneIds));
      },
      tearDown: () => pool.close(),
    };
  },
};

/** Lists the panes (metadata only) with one command; the discovery step of every cycle. */
export async function discoverPanes(server: TmuxServer): Promise<PaneInfo[]> {
  const exec = new ExecConnection(server);
  return listPanes(exec);
}
