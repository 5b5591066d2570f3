import type { Logger } from '@tmux-orc/tmux-pool';
import type { MonitorEvent } from './monitor-api.js';

/** The monitor's subscribers: every event goes to each; one that throws is logged and skipped. */
export function createMonitorEvents(logger: Logger): {
  emit(event: MonitorEvent): void;
  subscribe(listener: (event: MonitorEvent) => void): () => void;
} {
  const listeners = new Set<(event: MonitorEvent) => void>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          logger.warn('a monitor subscriber threw', { error: String(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
