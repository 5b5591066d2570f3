import type { HeldReport } from '@tmux-orc/monitor';
import pc from 'picocolors';
import type { StatusJson } from '../shared/status-json.js';

/** `report held for team (PM %0): a shell (bash) runs in the PM pane`, as `monitor run` prints it. */
export function renderHeldReportLine(report: HeldReport): string {
  return `${new Date(report.since).toISOString()}  ${pc.yellow('report held')} for ${report.session} (PM ${report.pmPaneId}): ${report.reason}`;
}

/** The held reports of a status, one line each (for `tmux-orc status`); empty when there are none. */
export function renderHeldReports(held: StatusJson['held_reports']): string[] {
  if (held.length === 0) return [];
  return [
    pc.yellow(`${held.length} report${held.length === 1 ? '' : 's'} held (not typed into a PM pane that is not safe to type into):`),
    ...held.map((report) => `  ${report.session} (PM ${report.pm}) since ${report.since}: ${report.reason}`),
  ];
}
