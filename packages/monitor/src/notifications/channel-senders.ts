import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { Logger, TmuxRunner } from '@tmux-orc/tmux-pool';
import type { ShellCommandRunner } from '../actions/run-shell-command.js';
import type { AbortableSleep, ChannelSender } from './channel-sender.js';
import { createCommandSender } from './command-sender.js';
import { createDesktopSender } from './desktop-sender.js';
import { createWebhookSender } from './webhook-sender.js';

/** What the senders need from the monitor. */
export interface SenderDeps {
  readonly logger: Logger;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly runCommand: ShellCommandRunner;
  readonly sleep: AbortableSleep;
  readonly runners: () => readonly TmuxRunner[];
}

/** The sender of a configured channel. */
export function createChannelSender(channel: NotificationChannelConfig, name: string, deps: SenderDeps): ChannelSender {
  switch (channel.type) {
    case 'desktop':
      return createDesktopSender(channel, name, deps.logger, { env: deps.env, runners: deps.runners });
    case 'webhook':
      return createWebhookSender(channel, name, deps.logger, deps.sleep);
    case 'command':
      return createCommandSender(channel, name, deps.logger, deps.runCommand);
  }
}

/** A channel's name in logs and metrics: its `name`, else `<type>-<position from 1>`. */
export const channelName = (channel: NotificationChannelConfig, index: number): string => channel.name ?? `${channel.type}-${index + 1}`;
