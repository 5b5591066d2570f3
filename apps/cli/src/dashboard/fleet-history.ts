import type { StatusJson } from '../shared/status-json.js';

/** One stretch of an agent's timeline: the state and when it began (ms since the epoch). */
export type Segment = readonly [state: string, fromMs: number];

/** Pool and cache counters at one moment, for the page's small charts (cumulative counts). */
export interface MetricSample {
  readonly at: number;
  readonly cycleMs: number | null;
  readonly poolSize: number | null;
  readonly poolCommands: number | null;
  readonly cacheHits: number | null;
  readonly cacheMisses: number | null;
}

/** What the page draws its swimlanes and charts from. */
export interface HistorySnapshot {
  readonly now: number;
  readonly windowMs: number;
  /** When recording began (the first observation): lanes know nothing before it. */
  readonly startedAt: number | null;
  readonly timelines: Readonly<Record<string, readonly Segment[]>>;
  readonly samples: readonly MetricSample[];
}

/** Options of {@link createFleetHistory}. */
export interface FleetHistoryOptions {
  /** How far back timelines and samples reach; default one hour. */
  readonly windowMs?: number;
  /** At most one metric sample per this many ms; default 5 s (720 samples an hour). */
  readonly sampleEveryMs?: number;
}

/**
 * Per-agent state timelines and metric samples of the last hour, kept by the dashboard server so
 * a page opened (or reloaded) later still sees the hour. Fed by transitions as they come and by
 * each status poll, which also fills in transitions missed while the daemon was away.
 */
export function createFleetHistory(options: FleetHistoryOptions = {}) {
  const windowMs = options.windowMs ?? 3_600_000;
  const sampleEveryMs = options.sampleEveryMs ?? 5000;
  const timelines = new Map<string, Segment[]>();
  const samples: MetricSample[] = [];
  let startedAt: number | null = null;

  const record = (agentId: string, state: string, fromMs: number): void => {
    const lane = timelines.get(agentId);
    if (lane === undefined) return void timelines.set(agentId, [[state, fromMs]]);
    const last = lane.at(-1);
    if (last !== undefined && last[0] === state) return;
    // A late or clock-skewed `since` never reorders the lane.
    lane.push([state, Math.max(fromMs, last?.[1] ?? fromMs)]);
  };
  const prune = (now: number): void => {
    const cutoff = now - windowMs;
    for (const lane of timelines.values()) {
      // Keep the segment that was current at the cutoff: it colours the lane's start.
      while (lane.length > 1 && (lane[1]?.[1] ?? Infinity) <= cutoff) lane.shift();
    }
    while ((samples[0]?.at ?? Infinity) < cutoff) samples.shift();
  };

  return {
    /** Records a transition (`at` in ms). */
    observeTransition(agentId: string, state: string, at: number): void {
      startedAt ??= at;
      record(agentId, state, at);
    },
    /** Aligns every timeline with a status snapshot, forgets agents that are gone, takes a sample. */
    observeStatus(status: StatusJson, now: number): void {
      startedAt ??= now;
      const seen = new Set<string>();
      for (const agent of status.agents) {
        seen.add(agent.id);
        const since = Date.parse(agent.since);
        record(agent.id, agent.state, Number.isFinite(since) ? since : now);
      }
      for (const id of [...timelines.keys()]) if (!seen.has(id)) timelines.delete(id);
      const last = samples.at(-1);
      if (last === undefined || now - last.at >= sampleEveryMs) {
        const pool = status.detailed?.connection_pool ?? null;
        const cache = status.detailed?.cache_performance['pane_content'];
        samples.push({
          at: now,
          cycleMs: status.cycle.ms,
          poolSize: pool?.size ?? null,
          poolCommands: pool?.commands ?? null,
          cacheHits: cache?.hits ?? null,
          cacheMisses: cache?.misses ?? null,
        });
      }
      prune(now);
    },
    snapshot(now: number): HistorySnapshot {
      prune(now);
      return { now, windowMs, startedAt, timelines: Object.fromEntries([...timelines].map(([id, lane]) => [id, [...lane]])), samples: [...samples] };
    },
  };
}

/** A fleet history, as {@link createFleetHistory} makes it. */
export type FleetHistory = ReturnType<typeof createFleetHistory>;
