import type { Logger } from '@tmux-orc/tmux-pool';
import type { ActionContext, AgentView, ReportItem } from './actions/agent-view.js';
import { createAlerts, type GoneAgent } from './actions/alerts.js';
import { createPmReporter, type HeldReport, type SentReport } from './actions/pm-reports.js';
import { updateRateLimitPauses } from './actions/rate-limit-pause.js';
import { restartCrashed } from './actions/restart-crashed.js';
import { resubmitQueued } from './actions/resubmit-queued.js';
import type { ConfirmDeliveryOptions } from './actions/confirm-delivery.js';
import { createHookQueue, type HookQueueStats } from './actions/hook-queue.js';
import { startHooks, type HookCommandRunner } from './actions/run-hooks.js';
import type { Notifier } from './notifications/create-notifier.js';

/** What the stages of one cycle share. Stages may change `ctx.state` (persisted after the cycle). */
export interface ActionCycle {
  readonly views: readonly AgentView[];
  readonly gone: readonly GoneAgent[];
  readonly ctx: ActionContext;
  /** Report lines the stages add for the PM (restarts, resubmits given up, alerts). */
  readonly extra: ReportItem[];
  /** Reports typed into PMs this cycle. */
  readonly reports: SentReport[];
  /** Reports newly held back this cycle (the PM pane was not safe to type into). */
  readonly held: HeldReport[];
}

/** One step of the action pipeline. */
export interface ActionStage {
  readonly name: string;
  run(cycle: ActionCycle): void | Promise<void>;
}

/** Options of {@link createActionPipeline}. */
export interface ActionPipelineOptions {
  readonly runHook: HookCommandRunner;
  readonly logger: Logger;
  /** Time after a restart attempt before the agent is judged again. */
  readonly restartGraceMs: number;
  /** Hook commands running at once (`notifications.hook_concurrency`); more wait in a queue. */
  readonly hookConcurrency: number;
  /** How reports are checked to have left the PM's input box; absent: not checked. */
  readonly confirmDelivery?: ConfirmDeliveryOptions;
  /** The notification channels (`notifications.channels`); absent: none. */
  readonly notifier?: Notifier;
}

/** Hooks that may wait for a free slot; past this a hook is dropped with a log line (and counted). */
export const maxQueuedHooks = 100;

/**
 * The monitor's actions, run once per cycle on that cycle's agents. **The order of `stages` is the
 * documentation**:
 * 1. `hooks` — the user's transition hooks start in the background (never awaited by the cycle),
 *    at most `notifications.hook_concurrency` at once, {@link maxQueuedHooks} more waiting.
 * 2. `notify` — the notification channels see the transitions and due escalations; what their
 *    filter and policy admit joins each channel's roll-up, sent in the background (never awaited).
 *    Before the actions, so a person hears of a crash even when its restart fails.
 * 3. `restart-crashed`, 4. `resubmit-queued`, 5. `alerts` — act, and add event lines for the PM.
 * 6. `collect-reports` — queue the due state lines and those event lines per session.
 * 7. `rate-limit-pauses` — after collecting, so an agent that just became `rate_limited` is
 *    reported once before its pause silences it.
 * 8. `flush-reports` — type each session's queued lines into its PM when the PM can take them, then
 *    check each PM took its report (Enter once more if it still sits in the input box).
 */
export function createActionPipeline(options: ActionPipelineOptions): {
  readonly stages: readonly ActionStage[];
  run(views: readonly AgentView[], gone: readonly GoneAgent[], ctx: ActionContext): Promise<Pick<ActionCycle, 'reports' | 'held'>>;
  /** Reports held back now (see `HeldReport`). */
  heldReports(): HeldReport[];
  /** Drops the hooks still waiting, then resolves when the running ones have ended. */
  hooksSettled(): Promise<void>;
  hookStats(): HookQueueStats;
} {
  const reporter = createPmReporter(options.confirmDelivery === undefined ? {} : { confirm: options.confirmDelivery });
  const alerts = createAlerts();
  const runningHooks = new Set<Promise<void>>();
  const hookQueue = createHookQueue(options.hookConcurrency, maxQueuedHooks, options.logger);
  const queuedRunner: HookCommandRunner = (command, event, env, timeoutMs) => hookQueue.submit(command, () => options.runHook(command, event, env, timeoutMs));

  const stages: readonly ActionStage[] = [
    {
      name: 'hooks',
      run({ views, ctx }) {
        const timeoutMs = ctx.config.notifications.hook_timeout * 1000;
        for (const view of views) {
          if (view.transition === undefined) continue;
          for (const hook of startHooks(view.transition, ctx.config.notifications.hooks, timeoutMs, queuedRunner, options.logger)) {
            runningHooks.add(hook);
            void hook.finally(() => runningHooks.delete(hook));
          }
        }
      },
    },
    { name: 'notify', run: (c) => options.notifier?.observe(c.views, c.ctx.state) },
    { name: 'restart-crashed', run: async (c) => void c.extra.push(...(await restartCrashed(c.views, c.ctx, options.restartGraceMs))) },
    { name: 'resubmit-queued', run: async (c) => void c.extra.push(...(await resubmitQueued(c.views, c.ctx))) },
    { name: 'alerts', run: (c) => void c.extra.push(...alerts.evaluate(c.views, c.gone, c.ctx)) },
    { name: 'collect-reports', run: (c) => reporter.collect(c.views, c.extra, c.ctx) },
    { name: 'rate-limit-pauses', run: (c) => updateRateLimitPauses(c.views, c.ctx) },
    {
      name: 'flush-reports',
      async run(c) {
        const { sent, held } = await reporter.flush(c.views, c.ctx);
        c.reports.push(...sent);
        c.held.push(...held);
      },
    },
  ];

  return {
    stages,
    async run(views, gone, ctx) {
      const cycle: ActionCycle = { views, gone, ctx, extra: [], reports: [], held: [] };
      for (const stage of stages) await stage.run(cycle);
      return { reports: cycle.reports, held: cycle.held };
    },
    heldReports: () => reporter.held(),
    async hooksSettled() {
      hookQueue.clear();
      await Promise.allSettled([...runningHooks]);
    },
    hookStats: () => hookQueue.stats(),
  };
}
