import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { NotificationChannelConfig } from '@tmux-orc/config';
import { escapeMessage, type Logger, type TmuxRunner } from '@tmux-orc/tmux-pool';
import { attachedClients } from './attached-clients.js';
import type { ChannelSender } from './channel-sender.js';
import type { NotificationMessage } from './notification-message.js';

type DesktopChannel = Extract<NotificationChannelConfig, { type: 'desktop' }>;

/** What the desktop channel reads of its surroundings; injectable for tests. */
export interface DesktopEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Runners of every watched tmux server, for `display-message`. */
  readonly runners: () => readonly TmuxRunner[];
}

/** The `notify-send` on `PATH`, or null. */
async function findNotifySend(env: DesktopEnvironment['env']): Promise<string | null> {
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const file = join(dir, 'notify-send');
    if (await access(file, constants.X_OK).then(() => true, () => false)) return file;
  }
  return null;
}

/** A message as one status-line text: lines joined, at most 300 characters, escaped for display-message (formats, strftime). */
export function statusLineText(message: NotificationMessage): string {
  const flat = `${message.title} · ${message.text.split('\n').join(' · ')}`.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const short = flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
  return escapeMessage(short);
}

/**
 * Shows each message with `notify-send` when a notification daemon can be reached (method `auto`:
 * `notify-send` on PATH and `DBUS_SESSION_BUS_ADDRESS` set), else, or when `notify-send` fails, with
 * tmux `display-message` on every attached client of every watched server (so it works over SSH).
 * Never throws: what fails is logged.
 */
export function createDesktopSender(channel: DesktopChannel, name: string, logger: Logger, surroundings: DesktopEnvironment): ChannelSender {
  const displayMessage = async (message: NotificationMessage): Promise<boolean> => {
    const text = statusLineText(message);
    let shown = 0;
    for (const runner of surroundings.runners()) {
      for (const client of await attachedClients(runner)) {
        try {
          await runner.run(['display-message', '-c', client.name, '-d', String(channel.display_seconds * 1000), text]);
          shown += 1;
        } catch (error) {
          logger.debug('display-message failed', { channel: name, client: client.name, error: String(error) });
        }
      }
    }
    return shown > 0;
  };

  return {
    async send(message) {
      const busSet = (surroundings.env['DBUS_SESSION_BUS_ADDRESS'] ?? '') !== '';
      const notifySend = channel.method === 'display-message' || (channel.method === 'auto' && !busSet) ? null : await findNotifySend(surroundings.env);
      if (notifySend !== null) {
        const urgency = message.notifications.some((n) => n.escalated || n.state === 'crashed') ? 'critical' : 'normal';
        const { execa } = await import('execa');
        const result = await execa(notifySend, ['--app-name=tmux-orc', `--urgency=${urgency}`, message.title, message.text], { env: { ...surroundings.env }, extendEnv: false, reject: false, timeout: 5000 });
        if (!result.failed) return { delivered: true, retries: 0, fallback: false };
        logger.warn('notify-send failed; showing the notification with tmux display-message', { channel: name, exitCode: result.exitCode ?? null, stderr: String(result.stderr).slice(0, 200) });
      } else if (channel.method === 'notify-send') {
        logger.warn('notify-send not found on PATH; showing the notification with tmux display-message', { channel: name });
      }
      const shown = await displayMessage(message);
      if (!shown) logger.info('desktop notification not shown: no notification daemon and no attached tmux client', { channel: name, title: message.title });
      return { delivered: shown, retries: 0, fallback: notifySend !== null || channel.method === 'notify-send' };
    },
  };
}
