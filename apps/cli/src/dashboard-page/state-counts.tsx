import { countStates, keyLabel } from './agent-states.js';
import type { AgentJson } from './wire-types.js';

/** The counts bar: "needs you" first, each a toggle that filters the list. */
export function StateCounts(props: { agents: readonly AgentJson[]; filter: ReadonlySet<string> | null; onToggle: (key: string) => void }) {
  const counts = countStates(props.agents);
  const needing = counts.filter((count) => count.needsYou).reduce((sum, count) => sum + count.count, 0);
  return (
    <div class="counts" id="counts">
      <span class={needing > 0 ? 'needs-you alert' : 'needs-you'} data-needs-you={needing}>
        {needing > 0 ? `${needing} need${needing === 1 ? 's' : ''} you` : 'nobody needs you'}
      </span>
      {counts.map(({ key, count, needsYou }) => (
        <button
          type="button"
          key={key}
          class={`count state-${key}${needsYou ? ' needing' : ''}${props.filter?.has(key) === true ? ' selected' : ''}`}
          data-count-key={key}
          data-count={count}
          title={`show only ${keyLabel(key)}`}
          onClick={() => props.onToggle(key)}
        >
          <span class="dot" />
          <b>{count}</b> {keyLabel(key)}
        </button>
      ))}
    </div>
  );
}
