import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createDefaultConfig } from './defaults.js';
import { ConfigError } from './errors.js';
import { configFileName } from './home.js';
import { profiles } from './profiles.js';
import type { Config, ProfileName } from './schema.js';

const y = (value: unknown): string => stringify(value, { flow: true }).trimEnd();

/**
 * A commented `config.yaml` holding every key with its effective value for `profile` (the built-in
 * defaults without one). Loading it yields exactly that configuration.
 */
export function renderInitialConfig(profile?: ProfileName): string {
  // `home` only feeds logging.directory, which the template leaves commented out (home-relative).
  const base = createDefaultConfig('~/.tmux-orchestrator');
  const tuning = profile === undefined ? undefined : profiles[profile].monitoring?.async;
  const c: Config = {
    ...base,
    monitoring: {
      ...base.monitoring,
      async: {
        ...base.monitoring.async,
        pool: { ...base.monitoring.async.pool, ...tuning?.pool },
        cache: { ...base.monitoring.async.cache, ...tuning?.cache },
      },
    },
  };
  const m = c.monitoring;
  const a = m.async;
  const d = c.discovery;
  const n = c.notifications;
  const r = c.recovery;
  const cooldowns = Object.entries(n.cooldowns)
    .map(([state, s]) => `    ${state}: ${y(s)}`)
    .join('\n');
  const starts = Object.entries(r.start_commands)
    .map(([id, cmd]) => `    ${id}: ${y(cmd)}`)
    .join('\n');
  return `# tmux-orc configuration. Every key is optional; what you leave out keeps its default.
# Precedence, later wins: defaults < profile < this file < --config FILE < TMUX_ORC_* env < flags.
# Check it with: tmux-orc config validate; see the effective values with: tmux-orc config show --sources

# small | medium | large: pool and cache sizes from the classic tuning table (null: built-in defaults).
profile: ${profile ?? 'null'}

monitoring:
  check_interval: ${y(m.check_interval)}   # seconds between monitoring cycles (0.1–86400)
  max_failures: ${y(m.max_failures)}       # consecutive failed cycles before a server is reported down
  debounce: ${y(m.debounce)}          # seconds a screen must stay unchanged before an agent counts as idle (0–86400)
  async:
    enabled: ${y(a.enabled)}         # pooled, pipelined monitoring (false: one capture at a time)
    strategy: ${y(a.strategy)}     # polling | concurrent | adaptive | a plugin package name
    concurrency: ${y(a.concurrency)}   # checks in flight at once; null: 128 over control mode (over exec always one at a time)
    strategy_options: ${y(a.strategy_options)}   # the strategy's own, e.g. { staleness: 30, max_captures_per_cycle: 200 } for adaptive
    discovery: ${y(a.discovery)}      # list (list-panes -a every cycle) | events (tmux >= 3.2 pushes changes; a cycle at once when an agent not active prints)
    pool:
      transport: ${y(a.pool.transport)}   # control (one tmux -C client per connection) | exec (a process per command)
      min_size: ${y(a.pool.min_size)}
      max_size: ${y(a.pool.max_size)}
      connection_timeout: ${y(a.pool.connection_timeout)}   # seconds to wait for a free connection (0.1–600)
      max_age: ${y(a.pool.max_age)}       # seconds before a connection is recycled (1–604800)
    cache:
      enabled: ${y(a.cache.enabled)}
      default_ttl: ${y(a.cache.default_ttl)}   # seconds (0–86400)
      max_size: ${y(a.cache.max_size)}   # entries
      strategy: ${y(a.cache.strategy)}     # ttl | lru | lfu

discovery:
  # A pane is an agent when its window name matches a pattern (* and ? globs), contains a role
  # word as a whole word (split on - _ . and spaces: npm-watch is not pm), or its tmux user
  # option named by agent_option is set (its value names the CLI: claude, codex, gemini, aider).
  window_patterns: ${y(d.window_patterns)}
  role_words: ${y(d.role_words)}
  agent_option: ${y(d.agent_option)}
  include: ${y(d.include)}   # globs on session:window that are always agents
  exclude: ${y(d.exclude)}   # globs on session:window that never are (wins over everything)
  pm:
    # The session's PM: a window whose whole name matches one of these patterns, or a pane whose
    # role_option user option is "pm". Never a substring match.
    window_patterns: ${y(d.pm.window_patterns)}
    role_option: ${y(d.pm.role_option)}

notifications:
  pm_enabled: ${y(n.pm_enabled)}   # report transitions to the session's PM
  cooldowns:   # seconds between two reports of the same agent in the same state (0–604800)
${cooldowns}
  # Commands run on transitions, e.g. - { from: active, to: idle, command: "notify-send idle" }
  # (from is optional: any state).
  hooks: ${y(n.hooks)}   # deprecated: use channels with type: command
  # Where notifications go; each channel has a filter (states, roles, sessions, hosts) and a
  # policy (cooldown, rollup_window, max_per_agent, escalate_after, quiet_when_watched), e.g.
  #   - { type: desktop }
  #   - { type: webhook, url: "https://hooks.slack.com/services/…", format: slack }
  #   - { type: command, command: "logger -t tmux-orc" }
  channels: ${y(n.channels)}
  hook_timeout: ${y(n.hook_timeout)}   # seconds before a hook command is killed (0.1–3600)
  hook_concurrency: ${y(n.hook_concurrency)}   # hook commands running at once; up to 100 more wait, the rest are dropped (logged, counted)
  rate_limit_pause: ${y(n.rate_limit_pause)}   # seconds a rate-limited agent goes unreported when its reset time is unknown (0–604800)
  escalation:   # seconds after which an alert is sent to the PM, once per threshold (0–604800)
    missing_agent: ${y(n.escalation.missing_agent)}   # since an agent's pane disappeared
    team_idle: ${y(n.escalation.team_idle)}   # since every agent of a session became idle

recovery:
  restart_crashed: ${y(r.restart_crashed)}
  max_attempts_per_hour: ${y(r.max_attempts_per_hour)}   # per agent
  start_commands:   # per detector id: the command that restarts a crashed agent
${starts}
  resubmit_attempts: ${y(r.resubmit_attempts)}   # Enter presses for a typed but unsubmitted message
  resubmit_spacing: ${y(r.resubmit_spacing)}   # seconds between two of them (0–3600)

# tmux servers to watch: { socket_name: NAME } (tmux -L), { socket_path: PATH } (tmux -S), { default: true }
servers: ${y(c.servers)}

# Detector plugins for agent CLIs tmux-orc does not know, tried before the built-in detectors:
# - opencode (resolves @tmux-orc/detector-opencode, then tmux-orc-detector-opencode), or
# - { name: ./my-detector.js, options: { commands: [mycli] } }
detectors: ${y(c.detectors)}

logging:
  level: ${y(c.logging.level)}   # debug | info | warn | error
  # directory: logs   # relative to the tmux-orc home; default <home>/logs
  performance: ${y(c.logging.performance)}   # per-cycle timings in logs/performance.log
  debug_async: ${y(c.logging.debug_async)}   # pool/cache/strategy internals at debug level
`;
}

/** Options of {@link writeInitialConfig}. */
export interface WriteInitialConfigOptions {
  readonly home: string;
  readonly profile?: ProfileName;
  /** Overwrite an existing file. */
  readonly force?: boolean;
}

/**
 * Writes {@link renderInitialConfig} to `<home>/config.yaml`, creating `home`.
 *
 * @returns the file's path.
 * @throws {ConfigError} with code `CONFIG_FILE_EXISTS` when the file exists and `force` is not set.
 */
export async function writeInitialConfig(options: WriteInitialConfigOptions): Promise<string> {
  const file = join(options.home, configFileName);
  await mkdir(options.home, { recursive: true });
  try {
    await writeFile(file, renderInitialConfig(options.profile), {
      flag: options.force === true ? 'w' : 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConfigError(`${file} already exists: expected no config file there, got one (pass --force to overwrite it)`, {
        code: 'CONFIG_FILE_EXISTS',
        cause: error,
      });
    }
    throw error;
  }
  return file;
}
