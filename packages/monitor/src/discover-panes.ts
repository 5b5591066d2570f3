import type { Config } from '@tmux-orc/config';
import type { MonitoredPane } from '@tmux-orc/strategies';
import type { PaneInfo } from '@tmux-orc/tmux-pool';
import { globToRegExp, matchesAnyGlob } from './glob.js';

/** The discovery rules of the config (`discovery.*`). */
export type DiscoveryRules = Config['discovery'];

/** A pane as listed, plus the user option that can name its role (`discovery.pm.role_option`). */
export interface DiscoveryPane extends PaneInfo {
  /** Value of the role option (`@tmux-orc-role`), null when unset. */
  readonly roleOption: string | null;
}

/** The whole words of a window name: split on `-`, `_`, `.` and spaces, lower-cased. */
export function windowWords(windowName: string): string[] {
  return windowName
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((word) => word !== '');
}

function isPmPane(pane: DiscoveryPane, rules: DiscoveryRules): boolean {
  if (pane.roleOption?.trim().toLowerCase() === 'pm') return true;
  if (matchesAnyGlob(pane.windowName, rules.pm.window_patterns)) return true;
  return windowWords(pane.windowName).includes('pm');
}

function isAgentPane(pane: DiscoveryPane, rules: DiscoveryRules): boolean {
  if (pane.agentOption !== null) return true;
  if (matchesAnyGlob(`${pane.session}:${pane.windowName}`, rules.include)) return true;
  if (matchesAnyGlob(pane.windowName, rules.window_patterns)) return true;
  const roleWords = new Set(rules.role_words.map((word) => word.toLowerCase()));
  return windowWords(pane.windowName).some((word) => roleWords.has(word));
}

/** The window name without a pattern's literal prefix (`Claude-dev` → `dev`), for messages. */
export function shortName(windowName: string, patterns: readonly string[]): string {
  for (const pattern of patterns) {
    const star = pattern.indexOf('*');
    if (star <= 0 || star !== pattern.length - 1) continue;
    const prefix = pattern.slice(0, star);
    if (windowName.length > prefix.length && globToRegExp(`${prefix}*`).test(windowName)) {
      return windowName.slice(prefix.length);
    }
  }
  return windowName;
}

/**
 * Picks the monitored panes out of every listed pane, purely by the config's explicit rules:
 * `exclude` (globs on `session:window`) wins over everything; a pane is an agent when it has the
 * agent option, matches `include`, a window pattern, or has a role word as a whole word of its
 * window name. A session's PM is its first pane whose role option is `pm`, whose whole window name
 * matches a PM pattern, or whose window name has the word `pm` — never a substring (`npm-watch`
 * is not a PM). Every other pane is ignored.
 */
export function discoverPanes(panes: readonly DiscoveryPane[], rules: DiscoveryRules): MonitoredPane[] {
  const sorted = [...panes].sort(
    (a, b) => a.session.localeCompare(b.session) || a.windowIndex - b.windowIndex || a.paneIndex - b.paneIndex,
  );
  const candidates = sorted.filter(
    (pane) => !matchesAnyGlob(`${pane.session}:${pane.windowName}`, rules.exclude) && (isPmPane(pane, rules) || isAgentPane(pane, rules)),
  );
  const panesPerWindow = new Map<string, number>();
  for (const pane of candidates) {
    const key = `${pane.session}:${pane.windowIndex}`;
    panesPerWindow.set(key, (panesPerWindow.get(key) ?? 0) + 1);
  }
  const sessionsWithPm = new Set<string>();
  return candidates.map((candidate) => {
    const pm = isPmPane(candidate, rules) && !sessionsWithPm.has(candidate.session);
    const { roleOption: _ignored, ...pane } = candidate;
    if (pm) sessionsWithPm.add(pane.session);
    const base = shortName(pane.windowName, [...rules.window_patterns, ...rules.pm.window_patterns]) || pane.windowName;
    const shared = (panesPerWindow.get(`${pane.session}:${pane.windowIndex}`) ?? 0) > 1;
    return { ...pane, role: pm ? 'pm' : 'agent', name: shared ? `${base}.${pane.paneIndex}` : base };
  });
}
