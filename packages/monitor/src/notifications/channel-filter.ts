import type { NotificationChannelConfig } from '@tmux-orc/config';
import { matchesAnyGlob } from '../glob.js';
import type { AgentNotification } from './agent-notification.js';

/** The words of a window name (`Claude-developer_2` → claude, developer, 2), as discovery splits them. */
const words = (name: string): string[] => name.toLowerCase().split(/[-_.\s]+/).filter(Boolean);

/**
 * True when a channel's filter lets a notification through: its state is listed, and each of
 * roles, sessions (globs) and hosts is empty or matches. A role matches the pane's role (`agent`,
 * `pm`) or a whole word of its window name (`developer`).
 */
export function passesFilter(filter: NotificationChannelConfig['filter'], note: AgentNotification): boolean {
  if (!filter.states.some((state) => state === note.state)) return false;
  if (filter.roles.length > 0) {
    const own = new Set([note.role, ...words(note.window)]);
    if (!filter.roles.some((role) => own.has(role.toLowerCase()))) return false;
  }
  if (filter.sessions.length > 0 && !matchesAnyGlob(note.session, filter.sessions)) return false;
  if (filter.hosts.length > 0 && !filter.hosts.includes(note.host)) return false;
  return true;
}
