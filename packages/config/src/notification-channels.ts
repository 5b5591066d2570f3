import * as z from 'zod';
import { agentStates } from './agent-states.js';
import { daySeconds, duration, weekSeconds } from './duration.js';

const nonEmpty = z.string().min(1);

/** States a channel notifies about when its filter names none: the ones a person must act on. */
export const defaultNotifiedStates = ['waiting_input', 'error', 'rate_limited', 'crashed'] as const;

/** Which agents' notifications a channel takes; an empty list lets everything through. */
const filterSchema = z
  .strictObject({
    /** States that are notified (on entering them, and on escalation). */
    states: z.array(z.enum(agentStates)).min(1).default([...defaultNotifiedStates]),
    /** `agent`, `pm`, or a role word of the window name (`developer`, `qa`). */
    roles: z.array(nonEmpty).default([]),
    /** Globs (`*`, `?`) on the session name. */
    sessions: z.array(nonEmpty).default([]),
    /** Host names (`local` for servers reached without SSH). */
    hosts: z.array(nonEmpty).default([]),
  })
  .prefault({});

/** How often a channel may speak. */
const policySchema = z
  .strictObject({
    /** Seconds before the same agent in the same state is notified again. */
    cooldown: duration({ min: 0, max: weekSeconds }).default(600),
    /** Seconds notifications are collected and sent as one roll-up; 0 sends each at once. */
    rollup_window: duration({ min: 0, max: 3600 }).default(30),
    /** Notifications about one agent within `max_per_agent_window`; past it they are suppressed (counted). */
    max_per_agent: z.int().positive().default(4),
    max_per_agent_window: duration({ min: 1, max: daySeconds }).default(3600),
    /** Seconds an agent may stay in a notified state before it is notified once more, marked escalated; null: never. */
    escalate_after: duration({ min: 1, max: weekSeconds }).nullable().default(900),
    /** Stay quiet about an agent whose window is the active window of an attached (non-control) client. */
    quiet_when_watched: z.boolean().default(true),
  })
  .prefault({});

const common = {
  /** The channel in logs and metrics; default `<type>-<position>`. */
  name: z.string().regex(/^[\w.-]+$/, 'letters, digits, `_`, `.` and `-`').optional(),
  filter: filterSchema,
  policy: policySchema,
};

const desktopSchema = z.strictObject({
  ...common,
  type: z.literal('desktop'),
  /** `auto`: `notify-send` when it is on PATH and a session bus is set (DBUS_SESSION_BUS_ADDRESS), else tmux `display-message`. */
  method: z.enum(['auto', 'notify-send', 'display-message']).default('auto'),
  /** Seconds a `display-message` stays on the clients' status lines. */
  display_seconds: duration({ min: 1, max: 600 }).default(10),
});

const webhookSchema = z.strictObject({
  ...common,
  type: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
  /** `json`: tmux-orc's versioned shape; `slack`: `text` and `blocks` (Slack, Mattermost, Discord's /slack). */
  format: z.enum(['json', 'slack']).default('json'),
  /** Extra request headers (e.g. Authorization); never logged. */
  headers: z.record(z.string(), z.string()).default({}),
  /** Seconds one attempt may take. */
  timeout: duration({ min: 0.1, max: 120 }).default(5),
  /** Attempts after the first; then the notification is dropped with a log line and a metric. */
  retries: z.int().min(0).max(10).default(3),
  /** Seconds before the first retry, doubling for each next one. */
  backoff: duration({ min: 0, max: 600 }).default(1),
});

const commandSchema = z.strictObject({
  ...common,
  type: z.literal('command'),
  /** Run with `sh -c`; the notification JSON on stdin and in TMUX_ORC_NOTIFICATION. */
  command: nonEmpty,
  timeout: duration({ min: 0.1, max: 3600 }).default(10),
});

/** One entry of `notifications.channels`. */
export const notificationChannelSchema = z.discriminatedUnion('type', [desktopSchema, webhookSchema, commandSchema]);

/** One entry of `notifications.channels`, defaults filled in. */
export type NotificationChannelConfig = z.infer<typeof notificationChannelSchema>;
