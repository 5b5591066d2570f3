import { systemTimers, systemWallClock, type WallClock } from '@tmux-orc/clock';
import { compareActivity, parseActivityNotification, structuralNotifications, subscribeActivityArgs } from './activity-subscription.js';
import { ActivityWatcher } from './activity-watcher.js';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { listPaneRecords } from './list-panes.js';
import { silentLogger } from './logger.js';
import type { PaneInfo } from './pane-info.js';
import { defaultFullListingMs, type EventPaneListerOptions, type EventPaneListerStats, type PaneChange } from './event-pane-lister-options.js';
import { PaneLister } from './pane-lister.js';
import type { TmuxRunner } from './runner.js';
import { samePaneRecord } from './same-pane-record.js';

/**
 * Lists panes like `PaneLister`, but from tmux's notifications (tmux ≥ 3.2): a control client of its
 * own subscribes to every pane's `window_activity` and dead flag (`refresh-client -B`, see
 * `subscribeActivityArgs`), and listens for structural notifications (`%window-add`,
 * `%sessions-changed`, `%layout-change`, …). `list()` runs `list-panes -a` only at start, after a
 * structural notification or a change in the set of panes, when its client was lost, and every
 * `fullListingMs`; otherwise it re-reads only the panes tmux said changed and returns the rest as
 * known. When tmux refuses the subscription (before 3.2) or control mode cannot start, it lists
 * every pane every call, as `PaneLister` does, and says why in `stats().fallbackReason`.
 *
 * While nothing changed, `list()` resolves to the same frozen array, holding the same pane records:
 * a record tmux re-read unchanged is kept. Callers may memoise what they derive on either; a caller
 * that compares arrays learns "no pane changed" without looking at a pane.
 *
 * @example
 * await using lister = new EventPaneLister(pool, { server: { socketName: 'work' }, onChange: () => monitor.runCycle() });
 * const panes = await lister.list(); // every cycle
 */
export class EventPaneLister {
  readonly #runner: TmuxRunner;
  readonly #full: PaneLister;
  readonly #userOptions: readonly string[] | undefined;
  readonly #fullListingMs: number;
  readonly #clock: WallClock;
  readonly #watcher: ActivityWatcher;
  readonly #onChange: ((change: PaneChange) => void) | undefined;
  #snapshot: Map<string, PaneInfo> | undefined;
  /** The snapshot's records as `list()` last returned them; undefined once the snapshot changed. */
  #listed: readonly PaneInfo[] | undefined;
  #dirty = new Set<string>();
  #needFull = true;
  /** The last `list()` rejected: the next one confirms tmux answers before using the snapshot. */
  #failed = false;
  #lastFullAt = 0;
  #fullListings = 0;
  #paneRelists = 0;

  constructor(runner: TmuxRunner, options: EventPaneListerOptions) {
    const fullListingMs = options.fullListingMs ?? defaultFullListingMs;
    if (!Number.isFinite(fullListingMs) || fullListingMs <= 0) throw new TmuxInvalidOptionError('fullListingMs', 'a positive number of milliseconds', fullListingMs);
    this.#runner = runner;
    this.#full = new PaneLister(runner, options);
    this.#userOptions = options.userOptions;
    this.#fullListingMs = fullListingMs;
    this.#clock = options.clock ?? systemWallClock;
    this.#onChange = options.onChange;
    this.#watcher = new ActivityWatcher({
      server: options.server,
      enabled: options.subscriptions ?? true,
      subscribeArgs: subscribeActivityArgs(),
      tmuxPath: options.tmuxPath ?? 'tmux',
      commandTimeoutMs: options.commandTimeoutMs ?? 5000,
      timers: options.timers ?? systemTimers,
      clock: this.#clock,
      logger: options.logger ?? silentLogger,
      onNotification: (name, args) => this.#notified(name, args),
      onLost: () => {
        this.#needFull = true;
      },
    });
  }

  /** Every pane of the server, as `listPanes` gives them; the same array while none changed. */
  async list(): Promise<readonly PaneInfo[]> {
    try {
      const panes = await this.#list();
      this.#failed = false;
      return panes;
    } catch (error) {
      // What changed meanwhile (a pane re-read that failed) is read by a full listing next time.
      this.#failed = true;
      this.#needFull = true;
      throw error;
    }
  }

  async #list(): Promise<readonly PaneInfo[]> {
    // A new subscription starts from a full listing: what changed before it is not reported. After
    // a failed call, the snapshot is answered only once tmux answered again.
    if (await this.#watcher.ensure(this.#failed)) this.#needFull = true;
    const due = this.#clock.now() - this.#lastFullAt >= this.#fullListingMs;
    if (!this.#watcher.watching || this.#needFull || this.#snapshot === undefined || due) return this.#listAll();
    const snapshot = this.#snapshot;
    if (this.#dirty.size > 0) {
      const dirty = [...this.#dirty];
      this.#dirty.clear();
      const relisted = (await Promise.all(dirty.map((id) => this.#relist(id)))).flat();
      if (merged(snapshot, dirty, relisted)) this.#listed = undefined;
      this.#markRecent(relisted);
    }
    return (this.#listed ??= Object.freeze([...snapshot.values()]));
  }

  /** Mode, fallback reason and counts (for metrics and the benchmark). */
  stats(): EventPaneListerStats {
    const reason = this.#watcher.fallbackReason;
    return { mode: reason === null ? 'events' : 'polling', fallbackReason: reason, fullListings: this.#fullListings, paneRelists: this.#paneRelists };
  }

  /** Ends the lister's control client. */
  async close(): Promise<void> {
    await this.#watcher.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #listAll(): Promise<readonly PaneInfo[]> {
    const startedAt = this.#clock.now();
    // Notifications that arrive during the listing stay for the next call.
    this.#needFull = false;
    this.#dirty.clear();
    let panes: PaneInfo[];
    try {
      panes = await this.#full.list();
    } catch (error) {
      this.#needFull = true;
      throw error;
    }
    this.#fullListings += 1;
    const previous = this.#snapshot;
    const snapshot = new Map<string, PaneInfo>();
    let unchanged = this.#listed !== undefined && this.#listed.length === panes.length;
    panes.forEach((pane, index) => {
      const known = previous?.get(pane.id);
      const kept = known !== undefined && samePaneRecord(known, pane) ? known : pane;
      snapshot.set(pane.id, kept);
      if (this.#listed?.[index] !== kept) unchanged = false;
    });
    this.#snapshot = snapshot;
    if (!unchanged) this.#listed = undefined;
    this.#lastFullAt = startedAt;
    this.#markRecent(panes);
    return (this.#listed ??= Object.freeze([...snapshot.values()]));
  }

  /**
   * tmux stamps activity in whole seconds and re-evaluates the subscription once a second: a pane
   * that printed within the last two or three seconds may print (or start a process) again without
   * its stamp moving, so it is read again at the next call until its stamp is older than that.
   */
  #markRecent(panes: readonly PaneInfo[]): void {
    const settledBefore = Math.floor(this.#clock.now() / 1000) - 2;
    for (const pane of panes) if (pane.windowActivity >= settledBefore) this.#dirty.add(pane.id);
  }

  /** The panes of the window of pane `id` (none when it is gone), with their current commands. */
  async #relist(id: string): Promise<PaneInfo[]> {
    this.#paneRelists += 1;
    try {
      const records = await listPaneRecords(this.#runner, { target: id, ...(this.#userOptions === undefined ? {} : { userOptions: this.#userOptions }) });
      return records.map((pane) => ({ ...pane, currentCommand: pane.currentCommand ?? '' }));
    } catch (error) {
      if (error instanceof TmuxCommandError && error.isMissingTarget) return [];
      throw error;
    }
  }

  #notified(name: string, args: string): void {
    const stamps = parseActivityNotification({ name, args });
    if (stamps === undefined) {
      if (!structuralNotifications.has(name)) return;
      this.#needFull = true;
      this.#onChange?.({ paneIds: [], structural: true });
      return;
    }
    if (this.#snapshot === undefined) return;
    const { changed, paneSetChanged } = compareActivity(stamps, this.#snapshot);
    for (const id of changed) this.#dirty.add(id);
    if (paneSetChanged) this.#needFull = true;
    if (paneSetChanged || changed.length > 0) this.#onChange?.({ paneIds: changed, structural: paneSetChanged });
  }
}

/**
 * Puts the re-read records of the `dirty` panes into `snapshot` (a dirty pane not re-read is gone),
 * keeping a record that did not change; true when the snapshot changed.
 */
function merged(snapshot: Map<string, PaneInfo>, dirty: readonly string[], relisted: readonly PaneInfo[]): boolean {
  let changed = false;
  const relistedIds = new Set(relisted.map((pane) => pane.id));
  for (const id of dirty) if (!relistedIds.has(id) && snapshot.delete(id)) changed = true;
  for (const pane of relisted) {
    const known = snapshot.get(pane.id);
    if (known !== undefined && samePaneRecord(known, pane)) continue;
    snapshot.set(pane.id, pane);
    changed = true;
  }
  return changed;
}
