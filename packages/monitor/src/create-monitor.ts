import { systemMonotonicClock, systemTimers, systemWallClock } from '@tmux-orc/clock';
import type { Config } from '@tmux-orc/config';
import { silentLogger } from '@tmux-orc/tmux-pool';
import { createActionPipeline } from './action-pipeline.js';
import { createConfiguredNotifier } from './notifications/configured-notifier.js';
import { createActionStateStore } from './action-state-store.js';
import { createExecaHookRunner } from './actions/run-hooks.js';
import { createAgentStateTracker } from './agent-state-tracker.js';
import { buildStatus } from './build-status.js';
import { createChangeTrigger } from './change-trigger.js';
import { createCycleFailures, errorCodeOf } from './cycle-failures.js';
import { createCycleLoop } from './cycle-loop.js';
import { explainMonitoredAgent, type AgentExplanation } from './explain-agent.js';
import { createDetectorSource } from './detector-source.js';
import { MonitorError } from './monitor-error.js';
import { createMonitorEvents } from './monitor-events.js';
import { monitorTimings } from './monitor-timings.js';
import type { CycleResult, Monitor, MonitorClocks, MonitorDeps } from './monitor-api.js';
import type { MonitorStatus } from './monitor-status.js';
import { createServerSet } from './server-set.js';
import { configuredStrategyLoader, createStrategySource } from './strategy-source.js';

/**
 * Creates the monitor: every `monitoring.check_interval` it lists each server's panes, discovers
 * agents and PMs, lets the strategy observe them, tracks transitions, and runs the action pipeline
 * (`action-pipeline.ts`: hooks, restarts, resubmits, alerts, PM reports, rate-limit pauses).
 * Nothing starts until `runCycle()` or `start()`; `await using` stops it.
 *
 * @example
 * await using monitor = createMonitor(config, { statePath: join(home, 'state.json'), logger });
 * await monitor.start();
 * monitor.status().agents; // [{ id: '%3', name: 'dev', state: 'idle', since: '2026-…', … }]
 */
export function createMonitor(config: Config, deps: MonitorDeps = {}): Monitor {
  const clocks: MonitorClocks = { wall: deps.wallClock ?? systemWallClock, monotonic: deps.monotonicClock ?? systemMonotonicClock, timers: deps.timers ?? systemTimers };
  const logger = deps.logger ?? silentLogger;
  const load = deps.loadStrategy ?? configuredStrategyLoader(config);
  const { intervalMs, restartGraceMs, missingGraceMs, keepStateMs } = monitorTimings(config);
  const tracker = createAgentStateTracker();
  const strategies = createStrategySource(config, load, logger, deps.strategy);
  const notifier = createConfiguredNotifier(config, logger, clocks, deps.notificationEnv);
  const detectors = createDetectorSource(config, deps.detectors);
  const actions = createActionPipeline({
    notifier,
    runHook: deps.runHook ?? createExecaHookRunner(logger),
    logger,
    restartGraceMs,
    hookConcurrency: config.notifications.hook_concurrency,
    confirmDelivery: { settleMs: deps.deliveryCheckMs ?? 800, sleep: (ms) => new Promise<void>((done) => void clocks.timers.setTimeout(done, ms)) },
  });
  const stateStore = createActionStateStore(deps.statePath, logger);
  const events = createMonitorEvents(logger);
  const emit = events.emit;
  const counts = { cycles: 0, errors: 0, lastCycleTime: null as number | null, lastCycleAt: null as number | null };
  const failures = createCycleFailures();
  let stopping = false;

  tracker.subscribe((transition) => emit({ type: 'transition', transition }));
  const serverContext = { config, tracker, strategies, clocks, logger, missingGraceMs };
  const servers = createServerSet(serverContext, deps, () => trigger, () => void (counts.errors += 1));

  async function cycle(): Promise<CycleResult> {
    const startedAt = clocks.monotonic.now();
    const state = await stateStore.load();
    const { all, views, gone, failed } = await servers.observe(await detectors());
    counts.errors += failed;

    const { reports, held } = await actions.run(views, gone, { config, clock: clocks.wall, logger, state });
    for (const report of reports) emit({ type: 'report', report });
    for (const report of held) emit({ type: 'report_held', report });
    if (!(await stateStore.save(clocks.wall.now(), keepStateMs))) counts.errors += 1;

    counts.cycles += 1;
    counts.lastCycleAt = clocks.wall.now();
    // A server down (not listed now, late, or an SSH host waiting to retry) fails the cycle for status, not for the loop.
    failures.ran(all.filter((watched) => !watched.up), counts.lastCycleAt);
    counts.lastCycleTime = clocks.monotonic.now() - startedAt;
    emit({ type: 'cycle', durationMs: counts.lastCycleTime, cycle: counts.cycles });
    const transitions = views.flatMap((view) => (view.transition === undefined ? [] : [view.transition]));
    if (config.monitoring.async.discovery === 'events') trigger.settleAfter(views.some((view) => view.result.state === 'active'));
    // Built when read: the daemon's loop never reads it, and a status of 1000 agents each cycle cost more than the quiet cycle itself.
    let built: MonitorStatus | undefined;
    return {
      transitions,
      reports,
      get status() {
        built ??= status();
        return built;
      },
    };
  }

  /** A cycle that threw (the strategy failed, or could not be loaded) is counted and recorded, also when asked for by `runCycle`. */
  async function recordedCycle(): Promise<CycleResult> {
    try {
      return await cycle();
    } catch (error) {
      counts.errors += 1;
      failures.failed(error, clocks.wall.now());
      throw error;
    }
  }

  const logCycleFailure = (error: unknown): void =>
    logger.error('monitoring cycle failed', { error: error instanceof Error ? error.message : String(error), code: errorCodeOf(error), consecutive: failures.snapshot().consecutive });

  const loop = createCycleLoop({ cycle: recordedCycle, intervalMs, timers: clocks.timers, logger, onTickError: logCycleFailure });

  // With `discovery: events`, tmux's notifications and the debounce start cycles between ticks.
  const trigger = createChangeTrigger({
    timers: clocks.timers,
    debounceMs: config.monitoring.debounce * 1000,
    runCycle: () => void loop.runCycle().catch(logCycleFailure),
    running: () => loop.started() && !stopping,
  });

  function status(): MonitorStatus {
    return buildStatus({
      records: tracker.all(),
      servers: servers.opened().map((s) => ({ label: s.label, prefix: s.idPrefix, host: s.host, up: s.up, error: s.error, failures: s.failures, metrics: s.pool.metrics(), cache: s.checker.cacheStats() })),
      running: loop.started(),
      cycleCount: counts.cycles,
      lastCycleTime: counts.lastCycleTime,
      lastCycleAt: counts.lastCycleAt,
      errorsDetected: counts.errors,
      skippedCycles: loop.skipped(),
      strategy: strategies.name(),
      fallback: strategies.fallback(),
      heldReports: actions.heldReports(),
      hooks: actions.hookStats(),
      notifications: notifier.stats(),
      cycleFailures: failures.snapshot(),
    });
  }

  // Explained with the detectors the checkers choose from (config's plugins first).
  const explain = async (query: string): Promise<AgentExplanation> =>
    explainMonitoredAgent(query, tracker.all(), servers.opened(), { debounceMs: config.monitoring.debounce * 1000, now: clocks.wall.now(), detectors: await detectors() });

  async function stop(): Promise<void> {
    stopping = true;
    trigger.stop();
    await loop.stop();
    await actions.hooksSettled();
    await notifier.stop();
    await strategies.dispose();
    await servers.close();
  }

  return {
    runCycle: loop.runCycle,
    async start() {
      if (loop.started()) throw new MonitorError('ALREADY_STARTED', 'Expected a stopped monitor, got one already started');
      stopping = false;
      loop.start();
    },
    stop,
    [Symbol.asyncDispose]: stop,
    status,
    explain,
    subscribe: events.subscribe,
  };
}
