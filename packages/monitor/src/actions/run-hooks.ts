import type { HookConfig } from '@tmux-orc/config';
import type { Logger } from '@tmux-orc/tmux-pool';
import type { AgentTransition } from '../agent-state-tracker.js';
import { runShellCommand } from './run-shell-command.js';

/** The JSON a hook command reads on stdin. */
export interface HookEvent {
  readonly event: 'transition';
  readonly agent: { readonly id: string; readonly name: string; readonly role: string; readonly target: string; readonly session: string; readonly window: string; readonly pane: string };
  readonly from: string | null;
  readonly to: string;
  /** ISO time the new state began. */
  readonly at: string;
  readonly detector: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly evidence: readonly string[];
}

/** Runs one hook command; injectable so tests and the daemon can observe or replace it. */
export type HookCommandRunner = (command: string, event: HookEvent, env: Readonly<Record<string, string>>, timeoutMs: number) => Promise<void>;

/** The default {@link HookCommandRunner}: {@link runShellCommand}, logging a hook that failed or was killed after its timeout. */
export function createExecaHookRunner(logger: Logger): HookCommandRunner {
  return async (command, event, env, timeoutMs) => {
    const result = await runShellCommand(command, JSON.stringify(event), env, timeoutMs);
    if (result.timedOut) logger.warn('hook killed after its timeout', { command, timeoutMs });
    else if (result.failed) logger.warn('hook failed', { command, exitCode: result.exitCode, stderr: result.stderr });
  };
}

/** The event of a transition, as hooks get it. */
export function hookEvent(transition: AgentTransition): HookEvent {
  const { pane } = transition;
  return {
    event: 'transition',
    agent: { id: transition.agentId, name: pane.name, role: pane.role, target: pane.target, session: pane.session, window: pane.windowName, pane: pane.id },
    from: transition.from,
    to: transition.to,
    at: new Date(transition.at).toISOString(),
    detector: transition.detector,
    detail: { ...transition.detail },
    evidence: transition.evidence,
  };
}

/**
 * Starts the configured hooks (`notifications.hooks`) matching a transition, in the background:
 * the event as JSON on stdin and in `TMUX_ORC_EVENT`, `TMUX_ORC_AGENT`, `TMUX_ORC_FROM`,
 * `TMUX_ORC_TO`, `TMUX_ORC_PANE`; a failing or slow hook is logged (and killed after
 * `notifications.hook_timeout`), never fatal. Returns the promises of the hooks it started.
 */
export function startHooks(
  transition: AgentTransition,
  hooks: readonly HookConfig[],
  timeoutMs: number,
  run: HookCommandRunner,
  logger: Logger,
): Promise<void>[] {
  const matching = hooks.filter((hook) => hook.to === transition.to && (hook.from === undefined || hook.from === transition.from));
  if (matching.length === 0) return [];
  const event = hookEvent(transition);
  const env = {
    TMUX_ORC_EVENT: JSON.stringify(event),
    TMUX_ORC_AGENT: transition.pane.name,
    TMUX_ORC_FROM: transition.from ?? '',
    TMUX_ORC_TO: transition.to,
    TMUX_ORC_PANE: transition.pane.id,
  };
  return matching.map((hook) =>
    run(hook.command, event, env, timeoutMs).catch((error: unknown) => {
      logger.warn('hook could not run', { command: hook.command, error: String(error) });
    }),
  );
}
