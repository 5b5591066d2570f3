import type { NotificationMessage } from './notification-message.js';

/** Slack's `mrkdwn` needs `&`, `<` and `>` escaped. */
const mrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Blocks Slack accepts in one message; a roll-up lists more agents in its text. */
const maxAgentBlocks = 10;

/**
 * The Slack-compatible body (`text` for notifications and clients without blocks, `blocks` for the
 * message): a header line, then per agent its state, where, evidence and jump command.
 */
export function slackPayload(message: NotificationMessage): { text: string; blocks: unknown[] } {
  const agents = message.notifications.slice(0, maxAgentBlocks).map((note) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: [
        `*${mrkdwn(note.agent)}* ${note.state}${note.escalated ? ' (escalated)' : ''} · ${mrkdwn(`${note.session}:${note.window_index} ${note.window}`)} · ${mrkdwn(note.host)}`,
        ...(note.evidence === '' ? [] : [`> ${mrkdwn(note.evidence)}`]),
        `\`${mrkdwn(note.jump).replace(/`/g, "'")}\``,
      ].join('\n'),
    },
  }));
  return {
    text: `${message.title}\n${message.text}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${mrkdwn(message.title)}*${message.rollup ? `\n${mrkdwn(message.text)}` : ''}` } }, ...agents],
  };
}
