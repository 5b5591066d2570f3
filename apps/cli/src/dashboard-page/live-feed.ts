import type { Snapshot, TransitionJson, Upstream } from './wire-types.js';

/** What the feed hands the page. */
export interface FeedHandlers {
  snapshot(snapshot: Snapshot): void;
  transition(transition: TransitionJson): void;
  upstream(upstream: Upstream): void;
  /** The page lost (false) or regained (true) the dashboard server itself. */
  connected(connected: boolean): void;
}

/**
 * Keeps the page current: `/api/events` (server-sent events) brings each transition at once;
 * `/api/snapshot` every `pollMs` brings timelines, charts, new agents, and whatever a gap lost.
 * EventSource reconnects by itself; when the daemon comes back (`upstream` up after down) or the
 * stream reopens, a snapshot is fetched at once. Returns the stop function.
 */
export function startLiveFeed(handlers: FeedHandlers, pollMs = 2000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let events: EventSource | null = null;
  let wasUp = true;

  const fetchSnapshot = async (): Promise<void> => {
    clearTimeout(timer);
    try {
      const response = await fetch('/api/snapshot', { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`/api/snapshot answered ${response.status}`);
      handlers.snapshot((await response.json()) as Snapshot);
    } catch {
      handlers.connected(false);
    }
    if (!stopped) timer = setTimeout(() => void fetchSnapshot(), pollMs);
  };

  const openEvents = (): void => {
    if (stopped) return;
    const source = new EventSource('/api/events');
    events = source;
    source.addEventListener('open', () => {
      handlers.connected(true);
      void fetchSnapshot();
    });
    source.addEventListener('transition', (event) => handlers.transition(JSON.parse((event as MessageEvent<string>).data) as TransitionJson));
    source.addEventListener('upstream', (event) => {
      const upstream = JSON.parse((event as MessageEvent<string>).data) as Upstream;
      handlers.upstream(upstream);
      if (upstream.up && !wasUp) void fetchSnapshot();
      wasUp = upstream.up;
    });
    source.addEventListener('error', () => {
      handlers.connected(false);
      // A refused stream (the server restarted with a new token, say) is not retried by the browser.
      if (source.readyState === EventSource.CLOSED) setTimeout(openEvents, pollMs);
    });
  };

  openEvents();
  void fetchSnapshot();
  return () => {
    stopped = true;
    clearTimeout(timer);
    events?.close();
  };
}
