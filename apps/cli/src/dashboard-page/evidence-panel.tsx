import { formatDuration } from './format-time.js';
import type { AgentJson } from './wire-types.js';

/** The chosen agent's reasons: the screen lines that decided its state, its detail and last hook. */
export function EvidencePanel(props: { agent: AgentJson; now: number; onClose: () => void }) {
  const { agent } = props;
  const detail = Object.entries(agent.detail);
  return (
    <aside class="evidence" id="evidence" data-agent-id={agent.id}>
      <header>
        <span class={`state state-${agent.state}`}>
          <span class="dot" />
          {agent.state.replace(/_/g, ' ')}
        </span>
        <b>{agent.window}</b> <small>{agent.target} · {agent.id}</small>
        <button type="button" class="close" onClick={props.onClose} aria-label="close">×</button>
      </header>
      <p>
        for {formatDuration(props.now - Date.parse(agent.since))} (since {new Date(agent.since).toLocaleTimeString()}), decided by <b>{agent.detector}</b>, role {agent.role}
      </p>
      <h3>Evidence</h3>
      <pre class="evidence-lines">{agent.evidence === '' ? '(no line: decided without a screen sign)' : agent.evidence}</pre>
      {detail.length > 0 ? (
        <>
          <h3>Detail</h3>
          <dl>{detail.map(([key, value]) => [<dt key={`k${key}`}>{key}</dt>, <dd key={`v${key}`}>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>])}</dl>
        </>
      ) : null}
      {agent.hook === undefined ? null : (
        <>
          <h3>Last Claude Code hook</h3>
          <pre>{JSON.stringify(agent.hook, null, 2)}</pre>
        </>
      )}
    </aside>
  );
}
