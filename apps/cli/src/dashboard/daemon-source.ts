import { callApi } from '../client/api-client.js';
import type { StatusJson } from '../shared/status-json.js';
import { DashboardError } from './dashboard-error.js';
import type { DashboardSource, SourceEvent } from './dashboard-source.js';
import { createSseRelay } from './sse-relay.js';

/**
 * The running daemon (or demo) as the dashboard's source: `/status` and `/metrics` through its
 * Unix socket API, transitions relayed from its `/events` stream, which reconnects by itself
 * when the daemon restarts on the same socket.
 */
export function createDaemonSource(socketPath: string, label: string): DashboardSource {
  const listeners = new Set<(event: SourceEvent) => void>();
  const relay = createSseRelay({ socketPath, onEvent: (event) => listeners.forEach((listener) => listener(event)) });
  const get = async <T>(path: string, text: boolean): Promise<T> => {
    const answer = await callApi<T>(socketPath, path, { timeoutMs: 5000, text });
    if (answer.ok) return answer.body;
    throw new DashboardError('SOURCE_UNREACHABLE', `Expected the ${label} to answer ${path} on ${socketPath}, got: ${answer.message}`);
  };
  return {
    description: `${label} ${socketPath}`,
    status: () => get<StatusJson>('/status', false),
    metrics: () => get<string>('/metrics', true),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      relay.close();
      listeners.clear();
    },
  };
}
