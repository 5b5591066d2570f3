import type { MonitoredPane, Observation, AgentState } from '@tmux-orc/strategies';

/** A pane as discovery would hand it over; `overrides` set what a test cares about. */
export function testPane(id: string, overrides: Partial<MonitoredPane> = {}): MonitoredPane {
  return {
    id,
    target: `team:${id.slice(1)}.0`,
    session: 'team',
    windowIndex: Number(id.slice(1)),
    windowName: `Claude-${id.slice(1)}`,
    paneIndex: 0,
    dead: false,
    deadStatus: null,
    pid: 100,
    currentCommand: 'claude',
    title: '',
    windowActivity: 1_000,
    agentOption: 'claude-code',
    role: 'agent',
    name: id.slice(1),
    ...overrides,
  };
}

/** The observation a previous cycle would have left for `pane`. */
export function observed(pane: MonitoredPane, state: AgentState, capturedAt: number, windowActivity = pane.windowActivity): Observation {
  return {
    paneId: pane.id,
    result: { state, detector: 'claude-code', detail: {}, evidence: [], since: 0 },
    observedAt: capturedAt,
    capturedAt,
    windowActivity,
  };
}

export function manualClock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}
