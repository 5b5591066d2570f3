import { listPanes, type PaneInfo, type TmuxRunner } from '@tmux-orc/tmux-pool';
import type { AgentState } from '../../agent-state.js';
import type { MonotonicClock } from '@tmux-orc/clock';
import type { HealthDetail, HealthResult } from '../../health-result.js';

/** What a checker said about a pane at one cycle of the watch. */
export interface Observation {
  /** MonotonicClock time the cycle started (ms); the screen it judged was captured after it. */
  readonly at: number;
  readonly state: AgentState;
  readonly detector: string;
  readonly detail: HealthDetail;
  readonly evidence: readonly string[];
  /** tmux's view of the pane at that cycle (current command, dead flag, …). */
  readonly pane: PaneInfo;
  /** The screen the checker classified, when the watch was given the recording runner. */
  readonly screen: string | undefined;
}

/** The checkers' common surface: the watch runs `checkMany` once per cycle, as the monitor does. */
export interface BatchChecker {
  checkMany(panes: readonly PaneInfo[]): Promise<Map<string, HealthResult>>;
}

/** Every observation of one pane, in order, and a way to wait for the next matching one. */
export interface PaneLog {
  readonly paneId: string;
  readonly observations: readonly Observation[];
  /** Resolves the first observation from now on that `test` accepts; rejects after `timeoutMs` with the sequence seen. */
  waitFor(test: (observation: Observation) => boolean, what: string, timeoutMs: number): Promise<Observation>;
  /** The observations made at or after `from` (clock ms). */
  since(from: number): Observation[];
  /** The sequence as `+0.3s active (evidence)` lines, for failure messages. */
  describe(from?: number): string;
}

/** A loop that checks the watched panes every `intervalMs` until stopped. */
export interface PaneWatch {
  watch(paneId: string): PaneLog;
  unwatch(paneId: string): void;
  /** Cycles whose `list-panes` or `checkMany` failed, with the reason. */
  readonly failedCycles: readonly string[];
  stop(): Promise<void>;
}

/** Options of {@link startPaneWatch}. */
export interface PaneWatchOptions {
  readonly runner: TmuxRunner;
  readonly checker: BatchChecker;
  readonly intervalMs: number;
  readonly clock: MonotonicClock;
  /** Where the screens behind the verdicts are read (the recording runner the checker captures through). */
  readonly screens?: { lastScreen(paneId: string): string | undefined };
}

interface Waiter {
  readonly test: (observation: Observation) => boolean;
  readonly resolve: (observation: Observation) => void;
}

function formatObservation(observation: Observation, origin: number): string {
  const seconds = ((observation.at - origin) / 1000).toFixed(1);
  const detail = Object.keys(observation.detail).length === 0 ? '' : ` ${JSON.stringify(observation.detail)}`;
  return `+${seconds}s ${observation.state}${detail} <- ${JSON.stringify(observation.evidence)} [${observation.pane.currentCommand}${observation.pane.dead ? ', dead' : ''}]`;
}

function createPaneLog(paneId: string, clock: MonotonicClock): PaneLog & { add(observation: Observation): void } {
  const observations: Observation[] = [];
  const waiters = new Set<Waiter>();
  const createdAt = clock.now();
  const log = {
    paneId,
    observations,
    add(observation: Observation) {
      observations.push(observation);
      for (const waiter of [...waiters]) {
        if (waiter.test(observation)) {
          waiters.delete(waiter);
          waiter.resolve(observation);
        }
      }
    },
    since: (from: number) => observations.filter((observation) => observation.at >= from),
    describe: (from = createdAt) =>
      observations
        .filter((observation) => observation.at >= from)
        .map((observation) => formatObservation(observation, from))
        .join('\n'),
    waitFor(test: (observation: Observation) => boolean, what: string, timeoutMs: number): Promise<Observation> {
      const from = clock.now();
      return new Promise<Observation>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`Expected pane ${paneId} to be ${what} within ${timeoutMs} ms, got:\n${log.describe(from) || '(no observation)'}`));
        }, timeoutMs);
        const waiter: Waiter = {
          test,
          resolve: (observation) => {
            clearTimeout(timer);
            resolve(observation);
          },
        };
        waiters.add(waiter);
      });
    },
  };
  return log;
}

/**
 * Watches panes the way the monitor does: each cycle one `list-panes -a` through the runner, then
 * one `checkMany` of the watched panes, every observation appended to the pane's log.
 */
export function startPaneWatch(options: PaneWatchOptions): PaneWatch {
  const { runner, checker, intervalMs, clock, screens } = options;
  const logs = new Map<string, ReturnType<typeof createPaneLog>>();
  const failedCycles: string[] = [];
  let running = true;

  async function cycle(): Promise<void> {
    if (logs.size === 0) return;
    // Stamped when the cycle starts: its captures come after, so `since(t)` holds only verdicts on
    // screens taken after t (a cycle that ends after t may have captured before it).
    const at = clock.now();
    const panes = (await listPanes(runner)).filter((pane) => logs.has(pane.id));
    const results = await checker.checkMany(panes);
    for (const pane of panes) {
      const result = results.get(pane.id);
      const log = logs.get(pane.id);
      if (result === undefined || log === undefined) continue;
      log.add({ at, state: result.state, detector: result.detector, detail: result.detail, evidence: result.evidence, pane, screen: screens?.lastScreen(pane.id) });
    }
  }

  const loop = (async () => {
    while (running) {
      const started = clock.now();
      try {
        await cycle();
      } catch (error) {
        failedCycles.push(error instanceof Error ? error.message : String(error));
      }
      const rest = intervalMs - (clock.now() - started);
      if (running && rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  })();

  return {
    watch(paneId) {
      const log = createPaneLog(paneId, clock);
      logs.set(paneId, log);
      return log;
    },
    unwatch(paneId) {
      logs.delete(paneId);
    },
    failedCycles,
    async stop() {
      running = false;
      await loop;
    },
  };
}
