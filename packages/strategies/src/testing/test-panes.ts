import type { HealthResult } from '../health-result.js';
import type { CheckedPane } from '../pane-info.js';
import type { MonitoredPane, PaneChecker } from '../monitoring-strategy.js';
import type { ScriptedChecker, ScriptedCheckerOptions } from './scripted-checker-types.js';

/**
 * A pane as discovery hands it to a strategy: agent `%N` in window `Claude-N` of session `team`,
 * running `claude`; `overrides` set what a test cares about.
 */
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
    agentOption: null,
    role: 'agent',
    name: id.slice(1),
    ...overrides,
  };
}

/**
 * A checker that answers from a script of states, and records what it was asked and how many
 * checks ran at once. `fail` makes a pane's check reject, `delayMs` keeps checks in flight.
 */
export function scriptedChecker(options: ScriptedCheckerOptions): ScriptedChecker {
  const checked: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const checker: PaneChecker = {
    async check(pane: CheckedPane): Promise<HealthResult> {
      checked.push(pane.id);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await (options.delay?.() ?? Promise.resolve());
        const error = options.fail?.[pane.id];
        if (error !== undefined) throw error;
        return { state: options.states?.[pane.id] ?? 'active', detector: 'test', detail: {}, evidence: [], since: options.clock?.now() ?? 0 };
      } finally {
        inFlight -= 1;
      }
    },
    async checkMany(panes) {
      const results = new Map<string, HealthResult>();
      for (const pane of panes) results.set(pane.id, await checker.check(pane));
      return results;
    },
  };
  return { checker, checked, maxInFlight: () => maxInFlight };
}
