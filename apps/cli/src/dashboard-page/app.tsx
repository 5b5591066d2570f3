import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { needsYou } from './agent-states.js';
import { AgentRow } from './agent-row.js';
import { EvidencePanel } from './evidence-panel.js';
import { FleetCharts } from './fleet-charts.js';
import { fleetRows } from './fleet-rows.js';
import { applySnapshot, applyTransition, emptyFleet, laneSpanMs, type FleetState } from './fleet-store.js';
import { startLiveFeed } from './live-feed.js';
import { StateCounts } from './state-counts.js';
import { VirtualList } from './virtual-list.js';
import { formatMs } from './format-time.js';

const rowHeight = 30;

/** The whole page: header, counts, charts, the fleet list and the evidence of the chosen agent. */
export function App() {
  const [fleet, setFleet] = useState<FleetState>(emptyFleet);
  const [filter, setFilter] = useState<ReadonlySet<string> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [pageNow, setPageNow] = useState(() => Date.now());
  // When a snapshot arrived; measured to the next painted frame (User Timing, read by the tests).
  const renderStart = useRef<number | null>(null);

  useEffect(() => startLiveFeed({
    snapshot: (snapshot) => {
      renderStart.current ??= performance.now();
      setFleet((state) => applySnapshot(state, snapshot, Date.now()));
    },
    transition: (transition) => {
      // Marked so a test (or a curious user in DevTools) can tell the event stream from the poll.
      performance.mark('tmux-orc:transition', { detail: { agentId: transition.agentId, to: transition.to } });
      setFleet((state) => applyTransition(state, transition));
    },
    upstream: (upstream) => setFleet((state) => ({ ...state, upstream })),
    connected: (connected) => setFleet((state) => (state.connected === connected ? state : { ...state, connected })),
  }), []);
  useEffect(() => {
    const tick = setInterval(() => setPageNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  useLayoutEffect(() => {
    const start = renderStart.current;
    if (start === null || fleet.status === null) return;
    renderStart.current = null;
    const agents = fleet.agents.length;
    requestAnimationFrame(() => {
      const first = performance.getEntriesByName('tmux-orc:first-render').length === 0;
      performance.measure(first ? 'tmux-orc:first-render' : 'tmux-orc:render', { start, detail: { agents } });
    });
  }, [fleet]);

  const rows = useMemo(() => fleetRows(fleet.agents, filter, needsYou), [fleet.agents, filter]);
  const now = pageNow + fleet.clockOffsetMs;
  const spanMs = laneSpanMs(fleet, now);
  const chosen = selected === null ? undefined : fleet.agents.find((agent) => agent.id === selected);
  const toggle = (key: string): void =>
    setFilter((current) => {
      const next = new Set(current ?? []);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next.size === 0 ? null : next;
    });
  const stale = !fleet.connected || !fleet.upstream.up;

  return (
    <div class={`app${stale ? ' stale' : ''}`}>
      <header class="top">
        <h1>tmux-orc</h1>
        <span class="summary" id="summary">
          {fleet.agents.length} agent{fleet.agents.length === 1 ? '' : 's'} · cycle {formatMs(fleet.status?.cycle.ms)} · {fleet.status?.cycle.strategy ?? '–'}/{fleet.status?.cycle.transport ?? '–'}
        </span>
        <span class="source" title={fleet.source}>{fleet.source}</span>
        <span class={`link ${stale ? 'down' : 'up'}`} id="connection" data-up={String(!stale)}>
          {!fleet.connected ? 'dashboard unreachable, retrying' : !fleet.upstream.up ? `daemon unreachable, reconnecting (${fleet.upstream.error ?? ''}); last known state shown` : 'live'}
        </span>
      </header>
      <StateCounts agents={fleet.agents} filter={filter} onToggle={toggle} />
      <FleetCharts status={fleet.status} samples={fleet.samples} />
      <main>
        <section class="list">
          <div class="columns">
            <span>state</span><span>agent</span><span>in state</span><span>detector</span><span class="lane-scale"><span>−{Math.round(spanMs / 60_000)} min</span><span>{spanMs === fleet.windowMs ? 'last hour' : 'since the dashboard started'}</span><span>now</span></span>
          </div>
          <VirtualList
            items={rows}
            rowHeight={rowHeight}
            render={(row, top) => (
              <AgentRow key={row.key} row={row} top={top} now={now} windowMs={spanMs} lane={row.kind === 'agent' ? fleet.timelines[row.agent.id] ?? [] : []} selected={row.key === selected} onSelect={(id) => setSelected(id === selected ? null : id)} />
            )}
          />
        </section>
        {chosen === undefined ? null : <EvidencePanel agent={chosen} now={now} onClose={() => setSelected(null)} />}
      </main>
    </div>
  );
}
