import { systemWallClock, type WallClock } from '@tmux-orc/clock';
import { createLayeredCache, type LayeredCache, type LayerStats } from '@tmux-orc/layered-cache';
import pLimit, { type LimitFunction } from 'p-limit';
import { defaultConcurrencyFor, limitsByConcurrency } from './check-concurrency.js';
import { HealthCheckerError } from './health-checker-error.js';
import {
  captureScreen,
  checkerParts,
  failedResult,
  type CheckerParts,
  type HealthCheckerOptions,
} from './health-checker.js';
import type { HealthResult } from './health-result.js';
import { paneResult, type CheckedPane } from './pane-result.js';
import type { ScreenStateTracker } from './screen-state-tracker.js';

/** The cache layer the async checker keeps captured screens in. */
export type PaneContentCache = LayeredCache<'pane_content', { pane_content: string | null }>;

/** Options of {@link AsyncHealthChecker}. */
export interface AsyncHealthCheckerOptions extends HealthCheckerOptions {
  /**
   * Checks in flight at once; a positive integer. Default: `controlModeConcurrency` (128) while
   * the runner's transport is `control`, else `defaultConcurrency` (20).
   */
  readonly concurrency?: number;
  /**
   * Where captured screens are kept, keyed by pane id and stamped with `window_activity`:
   * concurrent checks of one pane share one capture, and an unchanged stamp needs none.
   * Default: a private cache (LRU, 5000 panes, `contentTtlMs`).
   */
  readonly cache?: PaneContentCache;
  /**
   * How long (ms) a capture stays usable for an unchanged stamp. `window_activity` has a
   * one-second resolution, so a pane that printed again within the same second keeps its stamp;
   * the TTL bounds how stale such a screen can be. Default 2000.
   */
  readonly contentTtlMs?: number;
  /**
   * Wall-clock time in ms since the epoch, compared with tmux's `window_activity` (epoch seconds) to
   * tell a capture that may have missed output in the same second. Default: `systemWallClock` (`Date.now()`).
   */
  readonly wallClock?: WallClock;
  /**
   * Settle a first sight with tmux's `window_activity`: a pane that printed nothing for the debounce
   * window is `idle` at once (`detail.basis: 'window_activity'`), not `active` until watched that
   * long. For one-off checks (`tmux-orc status` without a daemon). `window_activity` is per window,
   * so another pane's output only keeps the agent `active`. Default false.
   */
  readonly firstSightFromWindowActivity?: boolean;
}

/**
 * Checks many panes concurrently (p-limit: by default 128 in flight over control mode, 20
 * otherwise), deduplicating concurrent checks of one pane through the `pane_content` layer of `@tmux-orc/layered-cache` (single-flight
 * `getOrCompute`, stamped with the pane's `window_activity`). Over a pool whose transport is
 * `exec` (control mode unavailable) it checks one pane at a time: a process per capture in
 * parallel only loads the tmux server.
 *
 * @example
 * const checker = new AsyncHealthChecker({ runner: pool, concurrency: 20 });
 * const results = await checker.checkMany(await listPanes(pool));
 */
export class AsyncHealthChecker {
  readonly #parts: CheckerParts;
  readonly #cache: PaneContentCache;
  readonly #limits = limitsByConcurrency();
  readonly #concurrency: number | undefined;
  readonly #sequential: LimitFunction = pLimit(1);
  readonly #wallClock: WallClock;
  readonly #firstSightFromActivity: boolean;

  constructor(options: AsyncHealthCheckerOptions) {
    const concurrency = options.concurrency;
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
      throw new HealthCheckerError('INVALID_OPTION', `Expected the \`concurrency\` option to be a positive integer, got \`${String(concurrency)}\``);
    }
    const ttl = options.contentTtlMs ?? 2_000;
    if (!Number.isInteger(ttl) || ttl < 1) {
      throw new HealthCheckerError('INVALID_OPTION', `Expected the \`contentTtlMs\` option to be a positive integer, got \`${String(ttl)}\``);
    }
    this.#parts = checkerParts(options);
    this.#wallClock = options.wallClock ?? systemWallClock;
    this.#firstSightFromActivity = options.firstSightFromWindowActivity ?? false;
    this.#concurrency = concurrency;
    this.#cache =
      options.cache ??
      createLayeredCache<{ pane_content: string | null }>({
        layers: { pane_content: { strategy: 'lru', max: 5_000, ttl } },
        clock: this.#parts.clock,
      });
  }

  /** The tracker holding each pane's state history. */
  get tracker(): ScreenStateTracker {
    return this.#parts.tracker;
  }

  /** True when checks run one at a time because the runner's transport is `exec`. */
  get sequential(): boolean {
    const { runner } = this.#parts;
    return 'transport' in runner && runner.transport === 'exec';
  }

  /**
   * Checks one pane. Concurrent checks of the same pane (and `window_activity`) share one
   * capture. Rejects with a `CAPTURE_FAILED` {@link HealthCheckerError} when tmux fails.
   */
  check(pane: CheckedPane): Promise<HealthResult> {
    return (this.sequential ? this.#sequential : this.#limit())(async () => {
      let unsettled = false;
      const screen = await this.#cache.getOrCompute(
        'pane_content',
        pane.id,
        () => {
          // window_activity counts whole seconds: a capture started within the second the pane last
          // printed may miss output later in that same second without the stamp moving. Such a
          // capture is used once and not kept, so the next check looks again.
          unsettled = this.#wallClock.now() < (pane.windowActivity + 1) * 1000;
          return captureScreen(this.#parts, pane);
        },
        { stamp: pane.windowActivity },
      );
      if (unsettled) this.#cache.delete('pane_content', pane.id);
      const now = this.#parts.clock.now();
      const quietSince = this.#firstSightFromActivity && pane.windowActivity > 0 ? now - (this.#wallClock.now() - pane.windowActivity * 1000) : undefined;
      return paneResult(pane, screen, this.#parts.tracker, this.#parts.detectors, now, quietSince);
    });
  }

  /** The p-limit of the configured concurrency, or of the default for the runner's transport now. */
  #limit(): LimitFunction {
    return this.#limits(this.#concurrency ?? defaultConcurrencyFor(this.#parts.runner));
  }

  /** Checks many panes within the concurrency bound; a pane whose capture failed is `unknown`, saying why. */
  async checkMany(panes: readonly CheckedPane[]): Promise<Map<string, HealthResult>> {
    const settled = await Promise.allSettled(panes.map((pane) => this.check(pane)));
    const results = new Map<string, HealthResult>();
    panes.forEach((pane, index) => {
      const outcome = settled[index];
      if (outcome === undefined) return;
      results.set(pane.id, outcome.status === 'fulfilled' ? outcome.value : failedResult(outcome.reason, this.#parts.clock.now()));
    });
    return results;
  }

  /** Counters of the screen cache (hits, misses, computes), for metrics. */
  cacheStats(): LayerStats {
    return this.#cache.stats('pane_content');
  }
}
