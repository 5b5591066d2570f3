import { formatDuration } from './format-time.js';
import type { Segment } from './wire-types.js';

/** One agent's states over the last `windowMs` as coloured stretches, oldest at the left. */
export function Swimlane(props: { lane: readonly Segment[]; now: number; windowMs: number }) {
  const start = props.now - props.windowMs;
  const parts = props.lane
    .map(([state, from], i) => {
      // The page's clock ticks once a second: a state that began just now still shows.
      const to = props.lane[i + 1]?.[1] ?? Math.max(props.now, from);
      return { state, from: Math.max(from, start), to, key: `${i}` };
    })
    .filter((part, i) => part.to > start && (part.to > part.from || i === props.lane.length - 1));
  return (
    <div class="lane">
      {parts.map((part) => (
        <span
          key={part.key}
          class={`seg state-${part.state}`}
          style={{ left: `${((part.from - start) / props.windowMs) * 100}%`, width: `${Math.max(0.3, ((part.to - part.from) / props.windowMs) * 100)}%` }}
          title={`${part.state} for ${formatDuration(part.to - part.from)}`}
        />
      ))}
    </div>
  );
}
