import type { StatusJson } from '../shared/status-json.js';

/** Something the dashboard's source tells: a transition (the daemon's event JSON), or whether it answers. */
export type SourceEvent =
  | { readonly type: 'transition'; readonly data: string }
  | { readonly type: 'upstream'; readonly up: boolean; readonly error?: string };

/** Where the dashboard's data comes from: the daemon's socket API, or a monitor run in this process. */
export interface DashboardSource {
  /** Said on the command line and in the page: `daemon /path/monitor.sock`, `monitor run here`. */
  readonly description: string;
  /** The status JSON (`status --detailed --json`); throws when the source does not answer. */
  status(): Promise<StatusJson>;
  /** Prometheus text, as the daemon's `GET /metrics`. */
  metrics(): Promise<string>;
  /** Calls `listener` for each transition and each change of reachability; returns the unsubscribe. */
  subscribe(listener: (event: SourceEvent) => void): () => void;
  close(): Promise<void>;
}
