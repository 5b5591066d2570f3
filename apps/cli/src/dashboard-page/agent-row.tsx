import { Swimlane } from './swimlane.js';
import { formatDuration } from './format-time.js';
import type { FleetRow } from './fleet-rows.js';
import type { Segment } from './wire-types.js';

/** One line of the list: a session heading, or an agent with state, time in state, detector and its last hour. */
export function AgentRow(props: { row: FleetRow; top: number; now: number; lane: readonly Segment[]; windowMs: number; selected: boolean; onSelect: (id: string) => void }) {
  const { row } = props;
  const style = { transform: `translateY(${props.top}px)` };
  if (row.kind === 'group') {
    return (
      <div class="row group" style={style} data-session={row.session}>
        <span class="group-name">{row.host === '' ? row.session : `${row.host} · ${row.session}`}</span>
        <span class="group-info">
          {row.agents} agent{row.agents === 1 ? '' : 's'}
          {row.needing > 0 ? `, ${row.needing} need${row.needing === 1 ? 's' : ''} you` : ''}
        </span>
      </div>
    );
  }
  const { agent } = row;
  const since = Date.parse(agent.since);
  return (
    <div
      class={`row agent${props.selected ? ' selected' : ''}`}
      style={style}
      data-agent-id={agent.id}
      data-state={agent.state}
      role="button"
      tabIndex={0}
      onClick={() => props.onSelect(agent.id)}
      onKeyDown={(event) => event.key === 'Enter' && props.onSelect(agent.id)}
    >
      <span class={`state state-${agent.state}`}>
        <span class="dot" />
        {agent.state.replace(/_/g, ' ')}
      </span>
      <span class="name" title={agent.target}>
        {agent.role === 'pm' ? <b class="pm">PM </b> : null}
        {agent.window} <small>{agent.target}</small>
      </span>
      <span class="since" title={agent.since}>{Number.isFinite(since) ? formatDuration(props.now - since) : '–'}</span>
      <span class="detector">{agent.detector}</span>
      <Swimlane lane={props.lane} now={props.now} windowMs={props.windowMs} />
    </div>
  );
}
