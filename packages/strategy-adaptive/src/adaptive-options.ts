import { agentStates, StrategyError, type AgentState, type PaneRole } from '@tmux-orc/strategies';

/** States whose panes are captured every cycle by default: someone may need to act on them. */
export const problemStates: readonly AgentState[] = Object.freeze([
  'waiting_input',
  'error',
  'rate_limited',
  'crashed',
  'unknown',
  'queued_message',
  'compacting',
]);

/** Default of {@link AdaptiveStrategyOptions.stalenessMs}. */
export const defaultStalenessMs = 10_000;

/** Options of `createAdaptiveStrategy`. */
export interface AdaptiveStrategyOptions {
  /** A pane not looked at for this long (ms) is looked at again, whatever else. Default 10 000. */
  readonly stalenessMs?: number;
  /**
   * Most panes looked at in one cycle; null (default) for no limit. The budget is filled by
   * priority: PM (`alwaysCaptureRoles`) > `alwaysCaptureStates` > activity moved (new panes first)
   * > an `active` pane due for its debounce re-check > stale; oldest look first within each.
   */
  readonly maxCapturesPerCycle?: number | null;
  /** Panes whose last verdict is one of these are looked at every cycle. Default {@link problemStates}. */
  readonly alwaysCaptureStates?: readonly AgentState[];
  /** Panes with these roles are looked at every cycle. Default `['pm']`. */
  readonly alwaysCaptureRoles?: readonly PaneRole[];
  /** Wall time in ms, to tell a look within the second of a pane's `window_activity` stamp (see `unsettledLook`). Default `Date.now`. */
  readonly wallClock?: { now(): number };
}

/** {@link AdaptiveStrategyOptions} with every default filled in. */
export interface ResolvedAdaptiveOptions {
  readonly stalenessMs: number;
  readonly maxCapturesPerCycle: number | null;
  readonly alwaysCaptureStates: ReadonlySet<AgentState>;
  readonly alwaysCaptureRoles: ReadonlySet<PaneRole>;
  readonly wallClock: { now(): number };
}

const systemWallClock = { now: (): number => Date.now() };

const paneRoles: readonly PaneRole[] = ['agent', 'pm'];

function invalid(option: string, expected: string, got: unknown): StrategyError {
  return new StrategyError('INVALID_OPTION', `Expected the \`${option}\` option of strategy \`adaptive\` to be ${expected}, got \`${JSON.stringify(got) ?? String(got)}\``);
}

/** Fills defaults and rejects invalid values, naming the option, the expected and the actual value. */
export function resolveAdaptiveOptions(options: AdaptiveStrategyOptions): ResolvedAdaptiveOptions {
  const stalenessMs = options.stalenessMs ?? defaultStalenessMs;
  if (!Number.isFinite(stalenessMs) || stalenessMs <= 0) throw invalid('stalenessMs', 'a finite number > 0', stalenessMs);
  const budget = options.maxCapturesPerCycle ?? null;
  if (budget !== null && (!Number.isInteger(budget) || budget < 1)) throw invalid('maxCapturesPerCycle', 'a positive integer or null', budget);
  const states = options.alwaysCaptureStates ?? problemStates;
  const wrongState = states.find((s) => !(agentStates as readonly string[]).includes(s));
  if (wrongState !== undefined) throw invalid('alwaysCaptureStates', `a list of ${agentStates.join(', ')}`, wrongState);
  const roles = options.alwaysCaptureRoles ?? ['pm'];
  const wrongRole = roles.find((r) => !paneRoles.includes(r));
  if (wrongRole !== undefined) throw invalid('alwaysCaptureRoles', `a list of ${paneRoles.join(', ')}`, wrongRole);
  return {
    stalenessMs,
    maxCapturesPerCycle: budget,
    alwaysCaptureStates: new Set(states),
    alwaysCaptureRoles: new Set(roles),
    wallClock: options.wallClock ?? systemWallClock,
  };
}
