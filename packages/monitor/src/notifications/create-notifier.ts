import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { TimerProvider, WallClock } from '@tmux-orc/clock';
import type { Logger, TmuxRunner } from '@tmux-orc/tmux-pool';
import type { AgentView } from '../actions/agent-view.js';
import type { ActionState, NotificationMemory } from '../state-file.js';
import { runShellCommand, type ShellCommandRunner } from '../actions/run-shell-command.js';
import { agentNotification } from './agent-notification.js';
import { attachedClients } from './attached-clients.js';
import type { AbortableSleep } from './channel-sender.js';
import { channelName, createChannelSender } from './channel-senders.js';
import { createChannelRuntime, type ChannelRuntime } from './channel-runtime.js';
import type { ChannelStats } from './channel-stats.js';
import { passesFilter } from './channel-filter.js';

/** Options of {@link createNotifier}. */
export interface NotifierOptions {
  readonly channels: readonly NotificationChannelConfig[];
  readonly logger: Logger;
  readonly clock: WallClock;
  readonly timers: TimerProvider;
  /** The environment `notify-send` is looked for in (PATH, DBUS_SESSION_BUS_ADDRESS); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Runs `command` channels; default {@link runShellCommand}. */
  readonly runCommand?: ShellCommandRunner;
  /** How long `stop` lets deliveries in flight finish before aborting them; default 3000 ms. */
  readonly stopGraceMs?: number;
}

/** The notification channels of a monitor (`notifications.channels`). */
export interface Notifier {
  /**
   * Looks at one cycle's agents: notifies transitions into filtered states and due escalations.
   * What was sent is remembered in `state.notified` (the monitor's `state.json`) when given.
   */
  observe(views: readonly AgentView[], state?: ActionState): Promise<void>;
  stats(): ChannelStats[];
  /** Sends what waits for a roll-up window, lets deliveries finish for the grace period, then aborts the rest. */
  stop(): Promise<void>;
}

/** Creates a {@link Notifier}. No channel configured: every call is a no-op. */
export function createNotifier(options: NotifierOptions): Notifier {
  const { clock, logger, timers } = options;
  const abort = new AbortController();
  const runners = new Map<string, TmuxRunner>();
  const sleep: AbortableSleep = (ms, signal) =>
    new Promise<void>((done) => {
      // The listener goes with the timer: the signal lives as long as the monitor.
      const onAbort = (): void => (timers.clearTimeout(handle), done());
      const handle = timers.setTimeout(() => (signal.removeEventListener('abort', onAbort), done()), ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  const deps = { logger, env: options.env ?? process.env, runCommand: options.runCommand ?? runShellCommand, sleep, runners: () => [...runners.values()] };
  // The cycle's `state.json` (ActionState.notified); without one, a state of the notifier's own.
  let notified: ActionState['notified'] = {};
  const channels: ChannelRuntime[] = options.channels.map((config, index) => {
    const name = channelName(config, index);
    const memory = (): NotificationMemory => (notified[name] ??= { last: {}, sent: {}, escalated: {} });
    return createChannelRuntime(config, name, createChannelSender(config, name, deps), clock, logger, abort.signal, memory);
  });

  async function considerView(channel: ChannelRuntime, view: AgentView, watched: (view: AgentView) => Promise<boolean>): Promise<void> {
    const { filter, policy } = channel.config;
    const state = view.result.state;
    if (!filter.states.some((s) => s === state)) return;
    const escalated = view.transition === undefined;
    if (escalated && !channel.policy.escalationDue(view.stateKey, state, view.result.since)) return;
    const note = agentNotification(view, escalated, clock.now());
    if (!passesFilter(filter, note)) return;
    // The person looking at the window sees the agent already; an escalation waits until they look
    // away (asked again each cycle, so counted only for a change of state).
    if (policy.quiet_when_watched && (await watched(view))) return escalated ? undefined : channel.suppress('quiet');
    const decision = channel.policy.admit(view.stateKey, state, escalated);
    if (escalated) channel.policy.markEscalated(view.stateKey, state, view.result.since);
    if (decision === 'send') channel.add(note, view.stateKey);
    else channel.suppress(decision);
  }

  return {
    async observe(views, state) {
      if (channels.length === 0) return;
      if (state !== undefined) notified = state.notified;
      // A channel renamed or removed from the config leaves nothing behind in state.json.
      for (const name of Object.keys(notified)) if (!channels.some((channel) => channel.name === name)) delete notified[name];
      for (const view of views) runners.set(view.serverLabel ?? '(default)', view.runner);
      // Asked at most once per server and cycle, and only when a notification is about to go out.
      const windows = new Map<TmuxRunner, Promise<Set<string>>>();
      const watched = async (view: AgentView): Promise<boolean> => {
        let seen = windows.get(view.runner);
        if (seen === undefined) {
          seen = attachedClients(view.runner).then((clients) => new Set(clients.map((c) => `${c.session}\u0000${c.windowIndex}`)));
          windows.set(view.runner, seen);
        }
        return (await seen).has(`${view.pane.session}\u0000${view.pane.windowIndex}`);
      };
      for (const channel of channels) {
        for (const view of views) await considerView(channel, view, watched);
        channel.flush(false);
        channel.policy.prune();
      }
    },
    stats: () => channels.map((channel) => channel.stats()),
    async stop() {
      for (const channel of channels) channel.flush(true);
      const settled = Promise.all(channels.map((channel) => channel.idle()));
      let handle: unknown;
      await Promise.race([settled, new Promise<void>((done) => (handle = timers.setTimeout(done, options.stopGraceMs ?? 3000)))]);
      timers.clearTimeout(handle);
      abort.abort();
      await settled;
    },
  };
}
