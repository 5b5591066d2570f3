import type { ReportItem } from './agent-view.js';

/** Every report starts with this, so a PM (and a person) can tell it from a user's message. */
export const reportPrefix = '[tmux-orc]';

/** The longest report typed into a PM, in characters: one screen line of a wide terminal, a few of a narrow one. */
export const maxReportChars = 600;

/** Names listed in a rolled-up line before `… and N more`. */
const namesShown = 3;

/**
 * One report line from a session's pending items, at most {@link maxReportChars} long. Lines that
 * fit are sent as they are; otherwise each state (or alert) shared by several agents is rolled up
 * (`37 agents idle: a, b, c … and 34 more`), events about one agent (a restart) stay whole, and what
 * still does not fit ends in `… (+N more)`.
 */
export function composeReport(items: readonly ReportItem[]): string {
  const full = `${reportPrefix} ${items.map((item) => item.text).join('; ')}`;
  if (full.length <= maxReportChars) return full;

  const byKind = new Map<string, ReportItem[]>();
  const lines: string[] = [];
  for (const item of items) {
    if (item.subject === undefined) lines.push(item.text);
    else byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  }
  for (const [kind, group] of byKind) {
    if (group.length === 1) {
      lines.push(group[0]?.text ?? '');
      continue;
    }
    const names = group.slice(0, namesShown).map((item) => item.subject);
    const more = group.length - names.length;
    lines.push(`${group.length} agents ${kind}: ${names.join(', ')}${more > 0 ? ` … and ${more} more` : ''}`);
  }

  let text = reportPrefix;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index;
    const next = `${text}${index === 0 ? ' ' : '; '}${line}`;
    const tail = left > 1 ? ` … (+${left - 1} more)` : '';
    if (next.length + tail.length > maxReportChars) return `${text} … (+${left} more)`;
    text = next;
  }
  return text;
}
