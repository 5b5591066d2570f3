import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * What the monitor's actions remember across restarts, so a restarted monitor sends nothing twice.
 * Keys are agent state keys (`agentStateKey`: session, window name, pane index), never pane ids,
 * which a restarted tmux server reuses for other panes; times are ms since the epoch.
 */
export interface ActionState {
  readonly version: 2;
  /** Last report of an agent in a state: `reported[agentId][state]`. */
  reported: Record<string, Record<string, number>>;
  /** Restart attempts of an agent, newest last (only the last hour counts). */
  restarts: Record<string, number[]>;
  /** Enter presses sent to an agent's queued message, for its current queued episode. */
  resubmits: Record<string, { count: number; lastAt: number }>;
  /** Until when an agent is not reported (rate limit reset). */
  pausedUntil: Record<string, number>;
  /** Escalation thresholds (seconds) already alerted, per alert key (`missing:<id>`, `team_idle:<session>`). */
  alerts: Record<string, { startedAt: number; sent: number[] }>;
  /** What each notification channel sent, by channel name (absent from files written before channels existed). */
  notified: Record<string, NotificationMemory>;
}

/** A notification channel's memory, by agent state key. */
export interface NotificationMemory {
  /** Last notification of an agent in a state: `last[key][state]`. */
  last: Record<string, Record<string, number>>;
  /** Notifications about an agent within the policy's window, oldest first. */
  sent: Record<string, number[]>;
  /** The stay (`<state>@<since ms>`) an agent was last escalated for. */
  escalated: Record<string, string>;
}

/** A fresh, empty {@link ActionState}. */
export function emptyActionState(): ActionState {
  return { version: 2, reported: {}, restarts: {}, resubmits: {}, pausedUntil: {}, alerts: {}, notified: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `state.json`. A missing file is a fresh state; an unreadable or malformed one is a fresh
 * state plus a `problem` to log (the monitor must start even when the file was damaged).
 */
export async function readActionState(path: string): Promise<{ state: ActionState; problem?: string }> {
  let text: string;
  try {
    // Never through a link planted under the name (ELOOP: a problem, and a fresh state).
    text = await readFile(path, { encoding: 'utf8', flag: constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK });
  } catch (error) {
    if (isRecord(error) && error['code'] === 'ENOENT') return { state: emptyActionState() };
    return { state: emptyActionState(), problem: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && parsed['version'] === 1) {
      return { state: emptyActionState(), problem: `${path} holds a version 1 monitor state, keyed by pane ids that a restarted tmux server reuses: its counters are dropped, version 2 keys them by session, window and pane index` };
    }
    if (!isRecord(parsed) || parsed['version'] !== 2) {
      return { state: emptyActionState(), problem: `Expected ${path} to hold a version 2 monitor state, got ${text.slice(0, 80)}` };
    }
    const fresh = emptyActionState();
    const pick = <K extends keyof Omit<ActionState, 'version'>>(key: K): ActionState[K] =>
      isRecord(parsed[key]) ? (parsed[key] as ActionState[K]) : fresh[key];
    return {
      state: { version: 2, reported: pick('reported'), restarts: pick('restarts'), resubmits: pick('resubmits'), pausedUntil: pick('pausedUntil'), alerts: pick('alerts'), notified: pick('notified') },
    };
  } catch (error) {
    return { state: emptyActionState(), problem: `Expected ${path} to be JSON, got: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Writes `state.json` atomically: a new temp file (0600) in the same directory, then `rename` over
 * the old one. Neither step follows a symbolic link.
 */
export async function writeActionState(path: string, state: ActionState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // `wx` (O_EXCL) creates the temp file or fails: it never writes through a link planted under that name.
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    // rename replaces a link at `path` itself; its target is never touched.
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Drops what can no longer change a decision, so `state.json` does not grow with every agent
 * ever seen: report times older than `keepMs`, restart attempts older than an hour, resubmit
 * counters untouched for `keepMs`, pauses that ended more than `keepMs` ago. Alert episodes end
 * on their own (an agent back, a team busy again).
 */
export function pruneActionState(state: ActionState, now: number, keepMs: number): void {
  for (const [agentId, times] of Object.entries(state.reported)) {
    for (const [kind, at] of Object.entries(times)) if (now - at > keepMs) delete times[kind];
    if (Object.keys(times).length === 0) delete state.reported[agentId];
  }
  for (const [agentId, times] of Object.entries(state.restarts)) {
    const recent = times.filter((at) => now - at < 3_600_000);
    if (recent.length === 0) delete state.restarts[agentId];
    else state.restarts[agentId] = recent;
  }
  for (const [agentId, entry] of Object.entries(state.resubmits)) if (now - entry.lastAt > keepMs) delete state.resubmits[agentId];
  for (const [agentId, until] of Object.entries(state.pausedUntil)) if (now - until > keepMs) delete state.pausedUntil[agentId];
}
