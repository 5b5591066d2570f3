import type { Config, ServerConfig } from '@tmux-orc/config';
import { AsyncHealthChecker } from '@tmux-orc/health-checker';
import { loadStrategy, type MonitoredPane, type MonitoringStrategy, type Observation } from '@tmux-orc/strategies';
import {
  createTmuxConnectionPool,
  describeServer,
  PaneLister,
  silentLogger,
  type TmuxServer,
} from '@tmux-orc/tmux-pool';
import type { ActionContext, AgentView } from './actions/agent-view.js';
import { createAlerts, type GoneAgent } from './actions/alerts.js';
import { createPmReporter } from './actions/pm-reports.js';
import { updateRateLimitPauses } from './actions/rate-limit-pause.js';
import { restartCrashed } from './actions/restart-crashed.js';
import { resubmitQueued } from './actions/resubmit-queued.js';
import { createExecaHookRunner, startHooks } from './actions/run-hooks.js';
import { createAgentStateTracker } from './agent-state-tracker.js';
import { systemClock } from './clock.js';
import { discoverPanes } from './discover-panes.js';
import { buildStatus } from './build-status.js';
import { MonitorError } from './monitor-error.js';
import type { CycleResult, Monitor, MonitorDeps, MonitorEvent, MonitorPool, MonitorTimers } from './monitor-api.js';
import type { MonitorStatus } from './monitor-status.js';
import { checkerConcurrency } from './checker-concurrency.js';
import { createScreenCache } from './screen-cache.js';
import { emptyActionState, pruneActionState, readActionState, writeActionState, type ActionState } from './state-file.js';

/** The agent option every listing reads anyway (`PaneInfo.agentOption`). */
const builtInAgentOption = '@tmux-orc-agent';

/** `{ concurrency }` when set, else nothing: the checker's default then follows the transport. */
function concurrencyOption(concurrency: number | undefined): { concurrency?: number } {
  return concurrency === undefined ? {} : { concurrency };
}

interface WatchedServer {
  readonly label: string;
  readonly server: TmuxServer;
  readonly pool: MonitorPool;
  readonly checker: AsyncHealthChecker;
  /** Lists the server's panes every cycle, with the role and agent options discovery reads. */
  readonly lister: PaneLister;
  observations: Map<string, Observation>;
  up: boolean;
  error: string | null;
  failures: number;
}

function toTmuxServer(server: ServerConfig): TmuxServer {
  if ('socket_name' in server) return { socketName: server.socket_name };
  if ('socket_path' in server) return { socketPath: server.socket_path };
  return { kind: 'default' };
}

function defaultPool(server: TmuxServer, config: Config): MonitorPool {
  const pool = config.monitoring.async.pool;
  return createTmuxConnectionPool({
    server,
    transport: pool.transport === 'control' ? 'auto' : 'exec',
    minSize: Math.max(1, pool.min_size),
    maxSize: pool.max_size,
    acquireTimeoutMs: pool.connection_timeout * 1000,
    maxAgeMs: pool.max_age * 1000,
  });
}

/** A pane the checker found gone between listing and capture: skipped this cycle, not fatal. */
function vanished(observation: Observation): boolean {
  const { result } = observation;
  return result.state === 'unknown' && result.detector === 'none' && /no longer exists/.test(result.detail.reason ?? '');
}

/**
 * Creates the monitor: every `monitoring.check_interval` it lists each server's panes, discovers
 * agents and PMs, lets the strategy observe them, tracks transitions, and acts (PM reports,
 * resubmits, restarts, rate-limit pauses, alerts, hooks). Nothing starts until `runCycle()` or
 * `start()`.
 *
 * @example
 * const monitor = createMonitor(config, { statePath: join(home, 'state.json'), logger });
 * await monitor.start();
 * monitor.status().agents; // [{ id: '%3', name: 'dev', state: 'idle', since: '2026-…', … }]
 * await monitor.stop();
 */
export function createMonitor(config: Config, deps: MonitorDeps = {}): Monitor {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const timers: MonitorTimers = deps.timers ?? {
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
  // The configured strategy gets `monitoring.async.strategy_options`; the polling fallback gets none.
  const load =
    deps.loadStrategy ??
    ((name: string) =>
      loadStrategy(name, name === config.monitoring.async.strategy ? config.monitoring.async.strategy_options : {}, {
        importModule: (specifier) => import(specifier),
      }));
  const runHook = deps.runHook ?? createExecaHookRunner(logger);
  const intervalMs = config.monitoring.check_interval * 1000;
  const restartGraceMs = Math.max(30_000, 3 * intervalMs);
  // Kept for a day, or the longest cooldown when that is longer.
  const keepStateMs = Math.max(86_400_000, ...Object.values(config.notifications.cooldowns).map((s) => s * 1000));
  const agentTracker = createAgentStateTracker();
  const reporter = createPmReporter();
  const alerts = createAlerts();
  const listeners = new Set<(event: MonitorEvent) => void>();
  const runningHooks = new Set<Promise<void>>();

  let servers: WatchedServer[] | undefined;
  let strategy: MonitoringStrategy | undefined;
  let fallback: string | null = null;
  let actionState: ActionState = emptyActionState();
  let savedState = '';
  let stateLoaded = false;
  let cycleCount = 0;
  let errorsDetected = 0;
  let skippedCycles = 0;
  let lastCycleTime: number | null = null;
  let lastCycleAt: number | null = null;
  let running: Promise<CycleResult> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let interval: unknown;
  let started = false;

  const emit = (event: MonitorEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn('a monitor subscriber threw', { error: String(error) });
      }
    }
  };
  agentTracker.subscribe((transition) => emit({ type: 'transition', transition }));

  const agentIdOf = (label: string, paneId: string): string => (config.servers.length > 1 ? `${label}/${paneId}` : paneId);

  function watchedServers(): WatchedServer[] {
    servers ??= config.servers.map((entry) => {
      const server = toTmuxServer(entry);
      const pool = (deps.createPool ?? defaultPool)(server, config);
      const checker = new AsyncHealthChecker({
        runner: pool,
        clock,
        debounceMs: config.monitoring.debounce * 1000,
        ...concurrencyOption(config.monitoring.async.enabled ? checkerConcurrency(config) : 1),
        cache: createScreenCache(config.monitoring.async.cache, clock),
      });
      const { agent_option: agentOption, pm } = config.discovery;
      // Wall-clock time, not the monitor's clock: the lister compares it with tmux's window_activity.
      const lister = new PaneLister(pool, { userOptions: agentOption === builtInAgentOption ? [pm.role_option] : [pm.role_option, agentOption] });
      return { label: describeServer(server), server, pool, checker, lister, observations: new Map(), up: true, error: null, failures: 0 };
    });
    return servers;
  }

  async function currentStrategy(): Promise<MonitoringStrategy> {
    const onExec = watchedServers().some((s) => s.pool.transport === 'exec') && config.monitoring.async.pool.transport === 'control';
    if (onExec && fallback === null) {
      const reason = watchedServers().map((s) => s.pool.metrics().fallback_reason).find((r) => r !== null) ?? 'control mode unavailable';
      fallback = `control mode could not start (${reason}): running polling on the exec transport`;
      logger.warn(fallback);
      if (strategy?.name !== 'polling') {
        await strategy?.dispose?.();
        strategy = undefined;
      }
      strategy = await load('polling');
    }
    if (strategy === undefined) {
      const name = config.monitoring.async.enabled ? config.monitoring.async.strategy : 'polling';
      try {
        strategy = deps.strategy ?? (await load(name));
      } catch (error) {
        throw new MonitorError('STRATEGY_UNAVAILABLE', `Expected to load the strategy \`${name}\`, got: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
    return strategy;
  }

  async function observeServer(watched: WatchedServer, views: AgentView[], gone: GoneAgent[]): Promise<void> {
    let panes: MonitoredPane[];
    try {
      const listed = await watched.lister.list();
      const { agent_option: agentOption, pm } = config.discovery;
      panes = discoverPanes(
        listed.map((pane) => ({ ...pane, roleOption: pane.userOptions?.[pm.role_option] ?? null, agentOption: agentOption === builtInAgentOption ? pane.agentOption : (pane.userOptions?.[agentOption] ?? null) })),
        config.discovery,
      );
    } catch (error) {
      watched.failures += 1;
      errorsDetected += 1;
      const message = error instanceof Error ? error.message : String(error);
      if (watched.up || watched.error !== message) logger.warn('tmux server unreachable', { server: watched.label, error: message, failures: watched.failures });
      // A few failures in a row can be a restart; `monitoring.max_failures` of them is an outage.
      if (watched.failures === config.monitoring.max_failures) {
        logger.error('tmux server down', { server: watched.label, error: message, failures: watched.failures });
      }
      watched.up = false;
      watched.error = message;
      return;
    }
    if (watched.failures > 0) logger.info('tmux server reachable again', { server: watched.label, failures: watched.failures });
    watched.up = true;
    watched.error = null;
    watched.failures = 0;

    const active = await currentStrategy();
    const listedIds = new Set(panes.map((pane) => pane.id));
    const previous = new Map([...watched.observations].filter(([id]) => listedIds.has(id)));
    const observed = await active.observe({ panes, previous, services: { runner: watched.pool, checker: watched.checker, clock } });
    watched.observations = observed;

    const present = new Set<string>();
    for (const pane of panes) {
      const observation = observed.get(pane.id);
      if (observation === undefined || vanished(observation)) continue;
      const agentId = agentIdOf(watched.label, pane.id);
      present.add(agentId);
      const transition = agentTracker.update(agentId, pane, observation.result);
      views.push({ agentId, pane, result: observation.result, runner: watched.pool, transition });
    }
    for (const record of agentTracker.all()) {
      const mine = config.servers.length === 1 || record.agentId.startsWith(`${watched.label}/`);
      if (!mine || present.has(record.agentId)) continue;
      agentTracker.remove(record.agentId);
      gone.push({ agentId: record.agentId, pane: record.pane });
      logger.info('agent gone', { agent: record.agentId, target: record.pane.target });
    }
  }

  async function persist(): Promise<void> {
    if (deps.statePath === undefined) return;
    const text = JSON.stringify(actionState);
    if (text === savedState) return;
    try {
      await writeActionState(deps.statePath, actionState);
      savedState = text;
    } catch (error) {
      errorsDetected += 1;
      logger.error('could not write the state file', { path: deps.statePath, error: String(error) });
    }
  }

  async function cycle(): Promise<CycleResult> {
    const startedAt = clock.now();
    if (!stateLoaded && deps.statePath !== undefined) {
      const read = await readActionState(deps.statePath);
      if (read.problem !== undefined) logger.warn('state file ignored', { problem: read.problem });
      actionState = read.state;
      savedState = JSON.stringify(actionState);
    }
    stateLoaded = true;

    const views: AgentView[] = [];
    const gone: GoneAgent[] = [];
    for (const watched of watchedServers()) await observeServer(watched, views, gone);

    const ctx: ActionContext = { config, clock, logger, state: actionState };
    const transitions = views.flatMap((view) => (view.transition === undefined ? [] : [view.transition]));
    const timeoutMs = config.notifications.hook_timeout * 1000;
    for (const transition of transitions) {
      for (const hook of startHooks(transition, config.notifications.hooks, timeoutMs, runHook, logger)) {
        runningHooks.add(hook);
        void hook.finally(() => runningHooks.delete(hook));
      }
    }
    const extra = [...(await restartCrashed(views, ctx, restartGraceMs)), ...(await resubmitQueued(views, ctx)), ...alerts.evaluate(views, gone, ctx)];
    reporter.collect(views, extra, ctx);
    updateRateLimitPauses(views, ctx);
    const reports = await reporter.flush(views, ctx);
    for (const report of reports) emit({ type: 'report', report });
    pruneActionState(actionState, clock.now(), keepStateMs);
    await persist();

    cycleCount += 1;
    lastCycleAt = clock.now();
    lastCycleTime = lastCycleAt - startedAt;
    emit({ type: 'cycle', durationMs: lastCycleTime, cycle: cycleCount });
    return { transitions, reports, status: status() };
  }

  function runCycle(): Promise<CycleResult> {
    const next = queue.then(() => cycle());
    queue = next.catch(() => undefined);
    running = next;
    void next.finally(() => {
      if (running === next) running = undefined;
    }).catch(() => undefined);
    return next;
  }

  function tick(): void {
    if (running !== undefined) {
      skippedCycles += 1;
      logger.warn('slow cycle: the previous one is still running, skipping this tick', { intervalMs, skipped: skippedCycles });
      return;
    }
    runCycle().catch((error: unknown) => {
      errorsDetected += 1;
      logger.error('monitoring cycle failed', { error: error instanceof Error ? error.message : String(error) });
    });
  }

  function status(): MonitorStatus {
    const watched = servers ?? [];
    return buildStatus({
      records: agentTracker.all(),
      servers: watched.map((s) => ({ label: s.label, up: s.up, error: s.error, failures: s.failures, metrics: s.pool.metrics(), cache: s.checker.cacheStats() })),
      running: started,
      cycleCount,
      lastCycleTime,
      lastCycleAt,
      errorsDetected,
      skippedCycles,
      strategy: strategy?.name ?? null,
      fallback,
    });
  }

  return {
    runCycle,
    async start() {
      if (started) throw new MonitorError('ALREADY_STARTED', 'Expected a stopped monitor, got one already started');
      started = true;
      tick();
      interval = timers.setInterval(tick, intervalMs);
    },
    async stop() {
      if (interval !== undefined) timers.clearInterval(interval);
      interval = undefined;
      await queue;
      await Promise.allSettled([...runningHooks]);
      started = false;
      await strategy?.dispose?.();
      strategy = undefined;
      const closing = servers ?? [];
      servers = undefined;
      await Promise.allSettled(closing.map((s) => s.pool.close()));
    },
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
