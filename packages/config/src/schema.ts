import * as z from 'zod';
import { agentStates, type AgentState } from './agent-states.js';
import { daySeconds, duration, weekSeconds } from './duration.js';
import { notificationChannelSchema } from './notification-channels.js';
import { serverSchema } from './server-schema.js';

export { agentStates, type AgentState } from './agent-states.js';

/** Names of the tuning profiles. */
export const profileNames = ['small', 'medium', 'large'] as const;

/** One of {@link profileNames}. */
export type ProfileName = (typeof profileNames)[number];

/** Eviction strategies of the content cache. */
export const cacheStrategies = ['ttl', 'lru', 'lfu'] as const;

/** Log levels, most verbose first. */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;

// Every duration is bounded (see duration.ts): below the minimum a loop spins or a wait always
// fails at once; above the maximum nobody means it, and all maxima stay far below setTimeout's
// 2^31-1 ms. The README's key table states each range.
/** Between two cycles: under 0.1 s the monitor would only load tmux. */
const checkInterval = duration({ min: 0.1, max: daySeconds });
const debounce = duration({ min: 0, max: daySeconds });
/** Waits that must leave a command time to answer. */
const connectionTimeout = duration({ min: 0.1, max: 600 });
const maxAge = duration({ min: 1, max: weekSeconds });
const cacheTtl = duration({ min: 0, max: daySeconds });
/** Report cooldowns, pauses and escalation thresholds: a week covers the longest rate-limit reset. */
const longWait = duration({ min: 0, max: weekSeconds });
const hookTimeout = duration({ min: 0.1, max: 3600 });
const resubmitSpacing = duration({ min: 0, max: 3600 });
const positiveInt = z.int().positive();
const nonEmpty = z.string().min(1);
const state = z.enum(agentStates);

const poolSchema = z
  .strictObject({
    transport: z.enum(['control', 'exec']),
    min_size: positiveInt,
    max_size: positiveInt,
    connection_timeout: connectionTimeout,
    max_age: maxAge,
  })
  .superRefine((pool, ctx) => {
    if (pool.min_size > pool.max_size) {
      ctx.addIssue({
        code: 'custom',
        path: ['min_size'],
        message: `a number <= max_size (${pool.max_size})`,
        input: pool.min_size,
      });
    }
  });

const cacheSchema = z.strictObject({
  enabled: z.boolean(),
  default_ttl: cacheTtl,
  max_size: positiveInt,
  strategy: z.enum(cacheStrategies),
});

const monitoringSchema = z.strictObject({
  check_interval: checkInterval,
  max_failures: positiveInt,
  debounce,
  async: z.strictObject({
    enabled: z.boolean(),
    strategy: nonEmpty,
    /** Checks in flight at once (the checker bounds every strategy); null: 128 over control mode, 20 over exec. */
    concurrency: positiveInt.nullable(),
    /** Options of the selected strategy, passed to its factory as written; the strategy validates them. */
    strategy_options: z.record(z.string(), z.unknown()),
    /** How panes are found: `list` (one `list-panes -a` a cycle) or `events` (tmux subscriptions, tmux >= 3.2; else `list`). */
    discovery: z.enum(['list', 'events']),
    pool: poolSchema,
    cache: cacheSchema,
  }),
});

const discoverySchema = z.strictObject({
  window_patterns: z.array(nonEmpty),
  role_words: z.array(nonEmpty),
  agent_option: z.string().regex(/^@[\w-]+$/, 'a tmux user option name such as `@tmux-orc-agent`'),
  include: z.array(nonEmpty),
  exclude: z.array(nonEmpty),
  pm: z.strictObject({
    window_patterns: z.array(nonEmpty),
    role_option: z.string().regex(/^@[\w-]+$/, 'a tmux user option name such as `@tmux-orc-role`'),
  }),
});

const cooldownsSchema = z.strictObject(
  Object.fromEntries(agentStates.map((s) => [s, longWait])) as Record<AgentState, typeof longWait>,
);

const hookSchema = z.strictObject({
  from: state.optional(),
  to: state,
  command: nonEmpty,
});

const notificationsSchema = z.strictObject({
  pm_enabled: z.boolean(),
  cooldowns: cooldownsSchema,
  /** Deprecated: `channels` entries of `type: command` replace it (it keeps working, with a warning). */
  hooks: z.array(hookSchema),
  /** Where notifications go (desktop, webhook, command), each with its own filter and policy. */
  channels: z.array(notificationChannelSchema),
  hook_timeout: hookTimeout,
  /** Hook commands running at once; more wait (up to 100), then are dropped with a log line. */
  hook_concurrency: positiveInt,
  rate_limit_pause: longWait,
  escalation: z.strictObject({
    missing_agent: z.array(longWait),
    team_idle: z.array(longWait),
  }),
});

const recoverySchema = z.strictObject({
  restart_crashed: z.boolean(),
  max_attempts_per_hour: z.int().nonnegative(),
  start_commands: z.record(nonEmpty, nonEmpty),
  resubmit_attempts: z.int().nonnegative(),
  resubmit_spacing: resubmitSpacing,
});


/**
 * One detector plugin: a package (`opencode` → `@tmux-orc/detector-opencode`, then
 * `tmux-orc-detector-opencode`) or a module path, with its options as written; the plugin checks them.
 */
export const detectorEntrySchema = z.union([
  nonEmpty,
  z.strictObject({
    name: nonEmpty,
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

const loggingSchema = z.strictObject({
  level: z.enum(logLevels),
  directory: nonEmpty,
  performance: z.boolean(),
  debug_async: z.boolean(),
});

/**
 * The whole, resolved tmux-orc configuration. Keys are snake_case exactly as users write them in
 * `config.yaml`, so a key path in an error, in `sources` and in the file are the same string.
 */
export const configSchema = z.strictObject({
  profile: z.enum(profileNames).nullable(),
  monitoring: monitoringSchema,
  discovery: discoverySchema,
  notifications: notificationsSchema,
  recovery: recoverySchema,
  servers: z.array(serverSchema).min(1),
  /** Detector plugins, tried before the built-in detectors (see `@tmux-orc/detector-kit`). */
  detectors: z.array(detectorEntrySchema),
  logging: loggingSchema,
});

/** The resolved configuration, snake_case keys (see {@link configSchema}). */
export type Config = z.infer<typeof configSchema>;

export { serverSchema } from './server-schema.js';

/** One entry of `servers`. */
export type ServerConfig = z.infer<typeof serverSchema>;

/** One entry of `detectors`: a name, or `{ name, options }`. */
export type DetectorEntryConfig = z.infer<typeof detectorEntrySchema>;

/** One entry of `notifications.hooks`. */
export type HookConfig = z.infer<typeof hookSchema>;

/** A deep partial of {@link Config}: what a file, a profile or CLI flags may set. */
export type ConfigOverrides = DeepPartial<Config>;

/** Makes every property optional, recursively; arrays are replaced whole, never merged. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
