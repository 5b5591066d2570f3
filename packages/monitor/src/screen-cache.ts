import type { Config } from '@tmux-orc/config';
import type { PaneContentCache } from '@tmux-orc/health-checker';
import { createLayeredCache } from '@tmux-orc/layered-cache';
import type { MonotonicClock } from '@tmux-orc/clock';

/** Longest time a screen stays usable for an unchanged `window_activity` stamp (its resolution is one second). */
export const maxScreenTtlMs = 2_000;

/**
 * The `pane_content` layer the health checker keeps screens in, from `monitoring.async.cache`:
 * its `strategy` and `max_size`; its TTL is `default_ttl` capped at {@link maxScreenTtlMs}, because
 * a pane that printed twice within one second keeps its stamp and only the TTL bounds how stale its
 * screen can be. `enabled: false` leaves a 1 ms TTL: concurrent checks still share one capture.
 */
export function createScreenCache(cache: Config['monitoring']['async']['cache'], clock: MonotonicClock): PaneContentCache {
  const ttl = cache.enabled ? Math.max(1, Math.min(Math.round(cache.default_ttl * 1000), maxScreenTtlMs)) : 1;
  return createLayeredCache<{ pane_content: string | null }>({
    layers: { pane_content: { strategy: cache.strategy, max: cache.max_size, ttl } },
    clock,
  });
}
