import type { TimerProvider } from '@tmux-orc/clock';
import { ControlModeConnection } from './control-mode-connection.js';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxPoolError } from './errors/tmux-pool-error.js';
import type { Logger } from './logger.js';
import type { TmuxServer } from './server.js';

/** Options of {@link ActivityWatcher}. */
export interface ActivityWatcherOptions {
  readonly server: TmuxServer;
  /** False: never subscribe (`fallbackReason` says it was turned off). */
  readonly enabled: boolean;
  /** The `refresh-client -B …` command to send once attached. */
  readonly subscribeArgs: readonly string[];
  readonly tmuxPath: string;
  /** How long the client may take to answer a command (the subscription, the liveness ping). */
  readonly commandTimeoutMs: number;
  readonly timers: TimerProvider;
  /** Time in ms, for how long the client has been silent. */
  readonly clock: { now(): number };
  readonly logger: Logger;
  /** Every notification of the subscribed client. */
  readonly onNotification: (name: string, args: string) => void;
  /** The subscribed client is gone (server restarted, client killed). */
  readonly onLost: () => void;
}

/**
 * A watching client is pinged when it said nothing for this long (ms). tmux wakes for every
 * command and then walks every window: on 1000 windows a ping costs it ~5 ms of CPU, so it is sent
 * once a second at most, not each cycle, and not while notifications show the client alive.
 */
export const pingWhenSilentMs = 1000;

/** True for failures that show the server is down, busy or empty now, not that it lacks a feature. */
function transient(error: unknown): boolean {
  return TmuxPoolError.isInstance(error) && ['TMUX_SERVER_GONE', 'TMUX_TIMEOUT', 'TMUX_NO_SESSIONS', 'TMUX_CONNECTION_CLOSED'].includes(error.code);
}

/** True when tmux did not answer in time: the server is stopped or swamped, not gone. */
function stalled(error: unknown): boolean {
  return TmuxPoolError.isInstance(error) && error.code === 'TMUX_TIMEOUT';
}

/**
 * Keeps one control client subscribed, reconnecting when it is lost. A tmux that refuses the
 * subscription (`refresh-client -B` came in 3.2) or control mode failing for good turns watching off
 * for the watcher's life, with the reason; a server that is down or stalled is tried again next time.
 */
export class ActivityWatcher {
  #connection: ControlModeConnection | undefined;
  #fallbackReason: string | null;
  /** The ping in flight, settled (never rejected) when it answered or failed. */
  #pinging: Promise<void> | undefined;
  /** When the client last answered or notified (ms, `clock`). */
  #heardAt = 0;
  /** Why the last ping of the current client failed; undefined while none did. */
  #pingFailure: unknown;

  constructor(private readonly options: ActivityWatcherOptions) {
    this.#fallbackReason = options.enabled ? null : 'subscriptions turned off';
  }

  /** True while a client is attached and subscribed. */
  get watching(): boolean {
    return this.#connection?.healthy === true;
  }

  /** Why the watcher does not subscribe; null while it may. */
  get fallbackReason(): string | null {
    return this.#fallbackReason;
  }

  /**
   * Subscribes when not watching (and allowed to); resolves true when a new subscription started.
   * A watching client that has been silent is pinged: an idle fleet sends no notification, and
   * silence must not hide a stalled server. The ping is not awaited (a cycle does not wait a round
   * trip to a server that answers) and its failure is met by the next call: a server that did not
   * answer (the ping or a new client's probe timed out) rejects with that timeout at once, since
   * listing through the runner would only wait for a second timeout, and a cycle must not take
   * longer than one. With `confirm` (the caller's last call failed) it waits for a ping's answer:
   * silence from a server that just failed must not count as its return.
   */
  async ensure(confirm = false): Promise<boolean> {
    if (this.#fallbackReason !== null) return false;
    // Asked to confirm (the caller's last call failed): an answer now, not silence, says the server is back.
    if (confirm && this.watching) await this.#ping(true);
    const failure = this.#pingFailure;
    this.#pingFailure = undefined;
    if (failure !== undefined) {
      void this.#drop();
      if (stalled(failure)) throw failure;
    } else if (this.watching) {
      void this.#ping(false);
      return false;
    }
    // Not awaited: tmux hands a control client's stdout to its server, so a client of a stopped
    // server closes only once the server wakes or dies; the client process itself is killed.
    void this.#drop();
    const { server, tmuxPath, timers, commandTimeoutMs } = this.options;
    let connection: ControlModeConnection;
    try {
      connection = await ControlModeConnection.connect({ server, tmuxPath, timers, commandTimeoutMs });
    } catch (error) {
      if (stalled(error)) throw error;
      if (!transient(error)) this.#fallBack(`control mode could not start: ${String(error)}`);
      return false;
    }
    // Listen before subscribing: the first value follows the subscription within a second.
    connection.onNotification((n) => {
      this.#heardAt = this.options.clock.now();
      this.options.onNotification(n.name, n.args);
    });
    try {
      await connection.run(this.options.subscribeArgs);
    } catch (error) {
      await connection.close();
      if (error instanceof TmuxCommandError) this.#fallBack(`tmux refused \`refresh-client -B\` (subscriptions need tmux >= 3.2): ${error.tmuxMessage}`);
      return false;
    }
    this.#connection = connection;
    this.#heardAt = this.options.clock.now();
    void connection.exited.then(() => {
      if (this.#connection === connection) this.options.onLost();
    });
    return true;
  }

  /** Ends the client; `ensure` may start another. */
  async close(): Promise<void> {
    await this.#drop();
  }

  /**
   * Pings the client when it has been silent for {@link pingWhenSilentMs} (or at once with `now`),
   * unless a ping is in flight; resolves when that ping settled. A failure waits in `#pingFailure`
   * for `ensure`.
   */
  #ping(now: boolean): Promise<void> {
    const connection = this.#connection;
    if (this.#pinging !== undefined) return this.#pinging;
    if (connection === undefined || (!now && this.options.clock.now() - this.#heardAt < pingWhenSilentMs)) return Promise.resolve();
    const settled = connection.run(['display-message', '-p', '']).then(
      () => {
        this.#heardAt = this.options.clock.now();
      },
      (error: unknown) => {
        if (this.#connection === connection) this.#pingFailure = error;
      },
    );
    this.#pinging = settled.finally(() => {
      this.#pinging = undefined;
    });
    return this.#pinging;
  }

  async #drop(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    await connection?.close();
  }

  #fallBack(reason: string): void {
    this.#fallbackReason = reason;
    this.options.logger.warn('tmux subscriptions unavailable; listing every pane every cycle', { reason });
  }
}
