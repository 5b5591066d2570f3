import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { Logger } from '@tmux-orc/tmux-pool';
import type { ShellCommandRunner } from '../actions/run-shell-command.js';
import type { ChannelSender } from './channel-sender.js';

type CommandChannel = Extract<NotificationChannelConfig, { type: 'command' }>;

/**
 * Runs the channel's command once per message: the message JSON (the webhook `json` shape) on
 * stdin and in `TMUX_ORC_NOTIFICATION`, its title in `TMUX_ORC_TITLE`, its text in `TMUX_ORC_TEXT`.
 * A failing or slow command is logged (killed after `timeout`) and counts as dropped.
 */
export function createCommandSender(channel: CommandChannel, name: string, logger: Logger, run: ShellCommandRunner): ChannelSender {
  return {
    async send(message) {
      const json = JSON.stringify(message);
      const result = await run(channel.command, json, { TMUX_ORC_NOTIFICATION: json, TMUX_ORC_TITLE: message.title, TMUX_ORC_TEXT: message.text }, channel.timeout * 1000);
      if (result.timedOut) logger.warn('notification command killed after its timeout', { channel: name, command: channel.command, timeoutMs: channel.timeout * 1000 });
      else if (result.failed) logger.warn('notification command failed', { channel: name, command: channel.command, exitCode: result.exitCode, stderr: result.stderr });
      return { delivered: !result.failed && !result.timedOut, retries: 0, fallback: false };
    },
  };
}
