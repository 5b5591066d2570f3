import { notificationFormatVersion, type AgentNotification } from './agent-notification.js';

/** One message a channel sends: a single notification or a roll-up of several. The webhook `json` body. */
export interface NotificationMessage {
  readonly version: typeof notificationFormatVersion;
  readonly channel: string;
  /** ISO time the message was composed. */
  readonly sent_at: string;
  /** One line: `tmux-orc: dev waiting for approval`, `tmux-orc: 5 agents waiting for approval`. */
  readonly title: string;
  /** The body: where, the evidence and the jump command, or one line per state for a roll-up. */
  readonly text: string;
  /** True when several agents were rolled up into this message. */
  readonly rollup: boolean;
  readonly notifications: readonly AgentNotification[];
}

const stateWords: Readonly<Record<string, string>> = {
  waiting_input: 'waiting for approval',
  queued_message: 'with an unsent message',
  rate_limited: 'rate limited',
  error: 'in error',
  fresh: 'fresh (never given work)',
};

/** `waiting for approval`, `crashed`: a state as a sentence ends. */
export const describeStateWords = (state: string): string => stateWords[state] ?? state;

/** Names listed in a roll-up line before `… and N more`. */
const namesShown = 5;

/** Composes the message of a batch (one or more notifications, oldest first). */
export function composeMessage(channel: string, notes: readonly AgentNotification[], nowMs: number): NotificationMessage {
  const base = { version: notificationFormatVersion, channel, sent_at: new Date(nowMs).toISOString(), notifications: notes };
  const [only] = notes;
  if (notes.length === 1 && only !== undefined) {
    const still = only.escalated ? ` (still, since ${only.since})` : '';
    const evidence = only.evidence === '' ? [] : [`"${only.evidence}"`];
    const where = `${only.session}:${only.window_index} ${only.window}${only.host === 'local' ? '' : ` on ${only.host}`}`;
    return { ...base, rollup: false, title: `tmux-orc: ${only.agent} ${describeStateWords(only.state)}${still}`, text: [where, ...evidence, only.jump].join('\n') };
  }
  const byState = new Map<string, AgentNotification[]>();
  for (const note of notes) byState.set(note.state, [...(byState.get(note.state) ?? []), note]);
  const lines = [...byState].map(([state, group]) => {
    const names = group.slice(0, namesShown).map((n) => n.agent);
    const more = group.length - names.length;
    const count = group.length === 1 ? '1 agent' : `${group.length} agents`;
    return `${count} ${describeStateWords(state)}: ${names.join(', ')}${more > 0 ? ` … and ${more} more` : ''}`;
  });
  const [firstState] = byState.keys();
  const title = byState.size === 1 && firstState !== undefined ? `tmux-orc: ${notes.length} agents ${describeStateWords(firstState)}` : `tmux-orc: ${notes.length} agents need attention`;
  return { ...base, rollup: true, title, text: lines.join('\n') };
}
