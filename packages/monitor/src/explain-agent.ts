import { explainScreen, type AgentDetector, type ScreenExplanation } from '@tmux-orc/health-checker';
import { capturePanes, type TmuxRunner } from '@tmux-orc/tmux-pool';
import type { AgentRecord } from './agent-state-tracker.js';
import { agentStatus } from './build-status.js';
import { findAgent } from './find-agent.js';
import { MonitorError } from './monitor-error.js';
import type { AgentStatus } from './monitor-status.js';
import type { PaneSignals, SignalReading } from './pane-signals.js';
import type { WatchedServer } from './watched-server.js';

/** A signal with its freshness, as `explain` shows it. */
export interface SignalAge {
  readonly value: string;
  /** ISO time of the first listing that showed this value. */
  readonly since: string;
  /** How long (ms) it has held this value. */
  readonly heldMs: number;
  /** How long ago (ms) a listing last showed it. */
  readonly seenMsAgo: number;
}

/** Why the monitor says what it says about one agent (`tmux-orc explain`, the daemon's `/status?agent=`). */
export interface AgentExplanation {
  /** The monitor's verdict, as in the status snapshot (state, since, rule, evidence). */
  readonly agent: AgentStatus;
  /** The screen captured now, explained (detector choice, rule, rules tried before it, title). */
  readonly screen: ScreenExplanation | null;
  /** Why there is no `screen`: the capture failed or the pane is gone. */
  readonly captureError: string | null;
  /** The other signals and their age; null before the agent's first listing. */
  readonly signals: {
    readonly title: SignalAge;
    readonly currentCommand: SignalAge;
    readonly windowActivity: { readonly at: string; readonly ageMs: number };
  } | null;
  /** The tracker's debounce: `no_activity` is idle only after the screen stayed unchanged this long. */
  readonly debounceMs: number;
  /** The agent's last transitions, oldest first. */
  readonly history: readonly { readonly from: string | null; readonly to: string; readonly at: string; readonly evidence: readonly string[] }[];
  /** ISO time of this explanation. */
  readonly explainedAt: string;
}

function age(reading: SignalReading, now: number, confirmedAt: number | undefined): SignalAge {
  const seenAt = Math.max(reading.seenAt, confirmedAt ?? reading.seenAt);
  return { value: reading.value, since: new Date(reading.since).toISOString(), heldMs: now - reading.since, seenMsAgo: now - seenAt };
}

/** What {@link explainAgent} needs from the monitor. */
export interface ExplainAgentInput {
  readonly record: AgentRecord;
  readonly runner: TmuxRunner;
  readonly signals: PaneSignals | undefined;
  /** Wall time (ms) of a later cycle that found the pane's listing unchanged (`SteadyCycle.confirmedAt`): its signals still held then. */
  readonly confirmedAt?: number;
  readonly debounceMs: number;
  /** Wall clock now (ms). */
  readonly now: number;
  readonly detectors?: readonly AgentDetector[];
  readonly historyLimit?: number;
}

/** Captures the agent's pane now and explains it, beside the monitor's last verdict and the pane's signals. */
export async function explainAgent(input: ExplainAgentInput): Promise<AgentExplanation> {
  const { record, now, signals } = input;
  let screen: ScreenExplanation | null = null;
  let captureError: string | null = null;
  try {
    const captured = (await capturePanes(input.runner, [record.pane.id])).get(record.pane.id);
    if (captured === undefined || captured === null) captureError = `pane ${record.pane.id} (${record.pane.target}) no longer exists`;
    else screen = input.detectors === undefined ? explainScreen(record.pane, captured) : explainScreen(record.pane, captured, input.detectors);
  } catch (error) {
    captureError = `capturing ${record.pane.id} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  return {
    agent: agentStatus(record),
    screen,
    captureError,
    signals:
      signals === undefined
        ? null
        : {
            title: age(signals.title, now, input.confirmedAt),
            currentCommand: age(signals.currentCommand, now, input.confirmedAt),
            windowActivity: { at: new Date(signals.windowActivity * 1000).toISOString(), ageMs: Math.max(0, now - signals.windowActivity * 1000) },
          },
    debounceMs: input.debounceMs,
    history: record.history.slice(-(input.historyLimit ?? 5)).map((t) => ({ from: t.from, to: t.to, at: new Date(t.at).toISOString(), evidence: t.evidence })),
    explainedAt: new Date(now).toISOString(),
  };
}

/**
 * Explains the agent `query` names (id, pane id, target or name) among `records`, on the server
 * that watches it. Rejects with `UNKNOWN_AGENT` when none or several match, or its server is gone.
 */
export async function explainMonitoredAgent(
  query: string,
  records: readonly AgentRecord[],
  servers: readonly WatchedServer[],
  context: { readonly debounceMs: number; readonly now: number; readonly detectors: readonly AgentDetector[] },
): Promise<AgentExplanation> {
  const found = findAgent(records, query);
  if (typeof found === 'string') throw new MonitorError('UNKNOWN_AGENT', found);
  const watched = servers.find((s) => found.agentId.startsWith(s.idPrefix) && found.agentId.slice(s.idPrefix.length) === found.pane.id);
  if (watched === undefined) throw new MonitorError('UNKNOWN_AGENT', `Expected the server of ${found.agentId} to be watched, got none`);
  return explainAgent({ record: found, runner: watched.pool, signals: watched.signals.get(found.pane.id), ...(watched.steady === undefined ? {} : { confirmedAt: watched.steady.confirmedAt }), debounceMs: context.debounceMs, now: context.now, detectors: context.detectors });
}
