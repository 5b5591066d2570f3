import type { MonitoredPane } from '@tmux-orc/strategies';

/** `45s`, `2m`, `1h5m`: a duration as a PM wants to read it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}

/**
 * Text made safe to type into an agent's prompt: one line (newlines and control bytes become
 * spaces, runs of spaces collapse), no shell syntax, and at most `max` characters.
 */
export function oneLine(text: string, max = 100): string {
  // eslint-disable-next-line no-control-regex
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    // Shell syntax loses its meaning, should a report ever reach a shell: `;` separates commands,
    // the others pipe, substitute, redirect, escape or start a comment.
    .replace(/;/g, ',')
    .replace(/[&|`$<>\\#]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `dev (sess:1)`: the agent's short name and where it is. */
export function agentLabel(pane: Pick<MonitoredPane, 'name' | 'session' | 'windowIndex'>): string {
  return `${oneLine(pane.name, 40)} (${oneLine(pane.session, 40)}:${pane.windowIndex})`;
}

/** `"text"`, flattened and shortened, for quoting what an agent shows. */
export function quoted(text: string, max = 80): string {
  return `"${oneLine(text, max).replace(/"/g, "'")}"`;
}
