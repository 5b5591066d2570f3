import { AsyncHealthChecker, HealthChecker } from '@tmux-orc/health-checker';
import { type MonitoredPane, type MonitoringStrategy, type Observation, createConcurrentStrategy, createPollingStrategy, createStrategyHost } from '@tmux-orc/strategies';
import { createStrategy as createAdaptiveStrategy } from '@tmux-orc/strategy-adaptive';
import {
  CaptureReplay,
  ControlModeConnection,
  ExecConnection,
  type PaneInfo,
  type PoolMetrics,
  type TmuxRunner,
  type TmuxServer,
  capturePanes,
  PaneLister,
  createTmuxConnectionPool,
} from '@tmux-orc/tmux-pool';
import { asMonitored } from './bench-fleet.js';
import { countingRunner } from './counting-runner.js';

/** What a mode exposes to the measuring loop. */
export interface ModeSession {
  /** One full cycle; resolves with the number of panes whose screen was captured. */
  cycle(): Promise<number>;
  /** The state the last cycle observed for a pane (`idle`, `waiting_input`, …), if it did. */
  stateOf(paneId: string): string | undefined;
  /** tmux processes started so far by this mode (exec commands plus control clients opened). */
  processesStarted(): number;
  /** Pool and cache counters, when the mode has them. */
  stats(): { pool: PoolMetrics | null; cache: Record<string, unknown> | null };
  tearDown(): Promise<void>;
}

/** Settings every mode shares. */
export interface ModeOptions {
  /**
   * Checks in flight at once for the concurrent and adaptive strategies (p-limit); undefined for
   * their defaults, as in the monitor: 128 over control mode, 20 over exec.
   */
  readonly concurrency: number | undefined;
  /** Most control-mode connections of the pool (`maxSize`); the monitor's default is 4. */
  readonly poolSize: number;
}

/** One monitoring mode the benchmark compares. */
export interface BenchMode {
  readonly name: 'sync' | 'async-exec' | 'control' | 'adaptive' | 'events' | 'floor';
  readonly description: string;
  /**
   * True for modes whose cycle depends on what earlier cycles saw (they skip panes they know): they
   * are measured after `MeasureOptions.warmupMs`; the others after `warmupCycles` alone.
   */
  readonly remembers?: boolean;
  setUp(server: TmuxServer, agents: readonly MonitoredPane[], options: ModeOptions): Promise<ModeSession>;
}

const clock = { now: () => Date.now() };

/** `{ concurrency }` when `--concurrency` was given, else nothing: the checker's default applies (it alone bounds checks in flight). */
function inFlight(options: ModeOptions): { concurrency?: number } {
  return options.concurrency === undefined ? {} : { concurrency: options.concurrency };
}
// Full cycles: every screen is captured anew (a 1 ms content TTL), except where the adaptive
// strategy decides not to look; its own cache settings are the defaults.
const NO_REUSE_MS = 1;

/** Discovery as the monitor does it: a `PaneLister` (one `list-panes -a` a cycle), the bench's panes only. */
export function discoverer(runner: TmuxRunner, agents: readonly MonitoredPane[], lister: { list(): Promise<readonly PaneInfo[]> } = new PaneLister(runner)): () => Promise<readonly MonitoredPane[]> {
  const ids = new Set(agents.map((agent) => agent.id));
  // As the monitor's discovery does, a pane record listed again (the event lister's) keeps its
  // monitored pane, and a listing the lister returned again (nothing changed) its monitored panes.
  const made = new WeakMap<PaneInfo, MonitoredPane>();
  const monitored = (pane: PaneInfo): MonitoredPane => {
    let known = made.get(pane);
    if (known === undefined) made.set(pane, (known = asMonitored(pane)));
    return known;
  };
  let last: { readonly listed: readonly PaneInfo[]; readonly panes: readonly MonitoredPane[] } | undefined;
  return async () => {
    const listed = await lister.list();
    if (last?.listed !== listed) last = { listed, panes: Object.freeze(listed.filter((pane) => ids.has(pane.id)).map(monitored)) };
    return last.panes;
  };
}

export async function strategyCycleSession(
  runner: TmuxRunner & { transport?: 'control' | 'exec' },
  checker: HealthChecker | AsyncHealthChecker,
  strategy: MonitoringStrategy,
  agents: readonly MonitoredPane[],
  extra: { processes(): number; pool(): PoolMetrics | null; close(): Promise<void>; captures(): number },
  discover: () => Promise<readonly MonitoredPane[]> = discoverer(runner, agents),
): Promise<ModeSession> {
  const host = createStrategyHost(strategy, { services: { runner, checker, clock } });
  let observed = new Map<string, Observation>();
  return {
    async cycle() {
      const before = extra.captures();
      observed = await host.observe(await discover());
      return extra.captures() - before;
    },
    stateOf: (paneId) => observed.get(paneId)?.result.state,
    processesStarted: extra.processes,
    stats: () => ({ pool: extra.pool(), cache: checker instanceof AsyncHealthChecker ? { pane_content: checker.cacheStats() } : null }),
    async tearDown() {
      await host.dispose();
      await extra.close();
    },
  };
}

function execParts(server: TmuxServer) {
  const counted = countingRunner(new ExecConnection(server));
  return {
    counted,
    extra: {
      processes: () => counted.total(),
      pool: () => null,
      close: async () => {},
      captures: () => counted.counts.get('capture-pane') ?? 0,
    },
  };
}

export async function controlParts(server: TmuxServer, poolSize: number) {
  // As the monitor does for a server on another host: one control client there (see poolFromConfig).
  const pool = createTmuxConnectionPool({ server, transport: 'control', maxSize: server.ssh === undefined ? poolSize : 1 });
  await pool.warmUp();
  // As the monitor does for a server on another host: one round trip a cycle (see CaptureReplay).
  const counted = countingRunner(server.ssh === undefined ? pool : new CaptureReplay(pool));
  const runner = Object.assign(counted, { transport: pool.transport });
  return {
    runner,
    extra: {
      processes: () => pool.metrics().created,
      pool: () => pool.metrics(),
      close: () => pool.close(),
      captures: () => counted.counts.get('capture-pane') ?? 0,
    },
  };
}

export const syncMode: BenchMode = {
  name: 'sync',
  description: 'polling strategy, one tmux process per command (the baseline)',
  async setUp(server, agents, options) {
    const { counted, extra } = execParts(server);
    const checker = new HealthChecker({ runner: counted, clock });
    return strategyCycleSession(counted, checker, createPollingStrategy(), agents, extra);
  },
};

export const asyncExecMode: BenchMode = {
  name: 'async-exec',
  description: 'concurrent strategy (p-limit), one tmux process per command',
  async setUp(server, agents, options) {
    const { counted, extra } = execParts(server);
    const concurrency = inFlight(options);
    const checker = new AsyncHealthChecker({ runner: counted, clock, ...concurrency, contentTtlMs: NO_REUSE_MS });
    return strategyCycleSession(counted, checker, createConcurrentStrategy(), agents, extra);
  },
};

export const controlMode: BenchMode = {
  name: 'control',
  description: 'concurrent strategy over the control-mode pool',
  async setUp(server, agents, options) {
    const { runner, extra } = await controlParts(server, options.poolSize);
    const concurrency = inFlight(options);
    const checker = new AsyncHealthChecker({ runner, clock, ...concurrency, contentTtlMs: NO_REUSE_MS });
    return strategyCycleSession(runner, checker, createConcurrentStrategy(), agents, extra);
  },
};

export const adaptiveMode: BenchMode = {
  name: 'adaptive',
  remembers: true,
  description: 'adaptive plugin strategy over the control-mode pool',
  async setUp(server, agents, options) {
    const { runner, extra } = await controlParts(server, options.poolSize);
    const checker = new AsyncHealthChecker({ runner, clock, ...inFlight(options) });
    return strategyCycleSession(runner, checker, createAdaptiveStrategy({}), agents, extra);
  },
};

export const floorMode: BenchMode = {
  name: 'floor',
  description: 'list-panes plus every capture pipelined on one control client, no classification',
  async setUp(server, agents, options) {
    const connection = await ControlModeConnection.connect({ server });
    const discover = discoverer(connection, agents);
    return {
      async cycle() {
        const panes = await discover();
        const screens = await capturePanes(connection, panes.map((pane) => pane.id));
        return screens.size;
      },
      stateOf: () => undefined,
      processesStarted: () => 1,
      stats: () => ({ pool: null, cache: null }),
      tearDown: () => connection.close(),
    };
  },
};

