import type { MonitoredPane, Observation, AgentState } from '@tmux-orc/strategies';
import { testPane as publishedTestPane } from '@tmux-orc/strategies/testing';

/** The published test pane (`@tmux-orc/strategies/testing`), run by Claude Code as its agent option says. */
export function testPane(id: string, overrides: Partial<MonitoredPane> = {}): MonitoredPane {
  return publishedTestPane(id, { agentOption: 'claude-code', ...overrides });
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
