import type { AgentJson, MetricSample, Segment, Snapshot, StatusJson, TransitionJson, Upstream } from './wire-types.js';

/** What the page shows, rebuilt from each snapshot and patched by each transition. */
export interface FleetState {
  readonly status: StatusJson | null;
  readonly agents: readonly AgentJson[];
  readonly timelines: Readonly<Record<string, readonly Segment[]>>;
  readonly samples: readonly MetricSample[];
  readonly windowMs: number;
  /** When the dashboard began recording timelines (server clock), null before. */
  readonly historyStart: number | null;
  /** Server clock minus page clock (ms), so times in state use the monitor's clock. */
  readonly clockOffsetMs: number;
  readonly upstream: Upstream;
  /** Whether the page reaches the dashboard server itself. */
  readonly connected: boolean;
  readonly source: string;
}

/** Before the first snapshot. */
export const emptyFleet: FleetState = {
  status: null, agents: [], timelines: {}, samples: [], windowMs: 3_600_000, historyStart: null, clockOffsetMs: 0,
  upstream: { up: false, error: 'connecting' }, connected: false, source: '',
};

/** Takes a snapshot; keeps the last known agents when the source is down (shown as stale). */
export function applySnapshot(state: FleetState, snapshot: Snapshot, pageNow: number): FleetState {
  const status = snapshot.status ?? state.status;
  return {
    status,
    agents: status?.agents ?? [],
    timelines: snapshot.history.timelines,
    samples: snapshot.history.samples,
    windowMs: snapshot.history.windowMs,
    historyStart: snapshot.history.startedAt,
    clockOffsetMs: snapshot.history.now - pageNow,
    upstream: snapshot.upstream,
    connected: true,
    source: snapshot.source,
  };
}

/** Applies a transition at once (the next snapshot confirms it); unknown agents wait for the snapshot. */
export function applyTransition(state: FleetState, transition: TransitionJson): FleetState {
  const index = state.agents.findIndex((agent) => agent.id === transition.agentId);
  const current = state.agents[index];
  if (current === undefined) return state;
  const agents = [...state.agents];
  agents[index] = {
    ...current,
    state: transition.to,
    since: new Date(transition.at).toISOString(),
    detector: transition.detector,
    detail: transition.detail,
    evidence: transition.evidence.join('\n'),
  };
  const lane = state.timelines[transition.agentId] ?? [];
  const last = lane.at(-1);
  const timelines = last?.[0] === transition.to ? state.timelines : { ...state.timelines, [transition.agentId]: [...lane, [transition.to, Math.max(transition.at, last?.[1] ?? 0)] as const] };
  return { ...state, agents, timelines };
}

/**
 * How much time the swimlanes span: the whole window once the dashboard has recorded that long;
 * before, what it has (at least a minute), so a young dashboard's lanes are not a sliver at the right.
 */
export function laneSpanMs(state: Pick<FleetState, 'windowMs' | 'historyStart'>, now: number): number {
  if (state.historyStart === null) return state.windowMs;
  return Math.min(state.windowMs, Math.max(60_000, now - state.historyStart));
}
