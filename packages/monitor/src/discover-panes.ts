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

/** What discovery derives from one pane alone (the cross-pane parts, first PM and shared windows, come after). */
interface PaneFacts {
  readonly rules: DiscoveryRules;
  /** Not excluded, and a PM or an agent by the rules. */
  readonly candidate: boolean;
  readonly pmLike: boolean;
  /** Its name before a shared window adds `.paneIndex`. */
  readonly base: string;
  /** The monitored pane last made from it, reused while role and name stay the same. */
  made?: MonitoredPane;
}

/**
 * Facts by pane record: the monitor lists the same records again while tmux says nothing changed
 * (the event lister), and matching every pane against every glob each cycle was most of a quiet
 * 1000-agent cycle, with two new objects per pane for the garbage collector.
 */
const known = new WeakMap<DiscoveryPane, PaneFacts>();

function factsOf(pane: DiscoveryPane, rules: DiscoveryRules): PaneFacts {
  const cached = known.get(pane);
  if (cached?.rules === rules) return cached;
  const pmLike = isPmPane(pane, rules);
  const facts: PaneFacts = {
    rules,
    candidate: !matchesAnyGlob(`${pane.session}:${pane.windowName}`, rules.exclude) && (pmLike || isAgentPane(pane, rules)),
    pmLike,
    base: shortName(pane.windowName, [...rules.window_patterns, ...rules.pm.window_patterns]) || pane.windowName,
  };
  known.set(pane, facts);
  return facts;
}

// Sessions in the user's locale order, as `localeCompare` would, without building a collator per call.
const collator = new Intl.Collator();

/**
 * Picks the monitored panes out of every listed pane, purely by the config's explicit rules:
 * `exclude` (globs on `session:window`) wins over everything; a pane is an agent when it has the
 * agent option, matches `include`, a window pattern, or has a role word as a whole word of its
 * window name. A session's PM is its first pane whose role option is `pm`, whose whole window name
 * matches a PM pattern, or whose window name has the word `pm` — never a substring (`npm-watch`
 * is not a PM). Every other pane is ignored. The same record given again (same object, same rules)
 * gives the same monitored pane object while its role and name hold.
 */
export function discoverPanes(panes: readonly DiscoveryPane[], rules: DiscoveryRules): MonitoredPane[] {
  const candidates = panes
    .filter((pane) => factsOf(pane, rules).candidate)
    .sort((a, b) => collator.compare(a.session, b.session) || a.windowIndex - b.windowIndex || a.paneIndex - b.paneIndex);
  const panesPerWindow = new Map<string, number>();
  for (const pane of candidates) {
    const key = `${pane.session}:${pane.windowIndex}`;
    panesPerWindow.set(key, (panesPerWindow.get(key) ?? 0) + 1);
  }
  const sessionsWithPm = new Set<string>();
  return candidates.map((candidate) => {
    const facts = factsOf(candidate, rules);
    const pm = facts.pmLike && !sessionsWithPm.has(candidate.session);
    if (pm) sessionsWithPm.add(candidate.session);
    const shared = (panesPerWindow.get(`${candidate.session}:${candidate.windowIndex}`) ?? 0) > 1;
    const role = pm ? 'pm' : 'agent';
    const name = shared ? `${facts.base}.${candidate.paneIndex}` : facts.base;
    if (facts.made?.role === role && facts.made.name === name) return facts.made;
    const { roleOption: _ignored, ...pane } = candidate;
    facts.made = { ...pane, role, name };
    return facts.made;
  });
}
