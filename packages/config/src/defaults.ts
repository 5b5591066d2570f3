import { join } from 'node:path';
import type { Config } from './schema.js';

/**
 * The built-in defaults, the lowest layer. `home` only decides `logging.directory`.
 *
 * The pool is deliberately small (1..4): control mode pipelines every command over one tmux
 * client and the tmux server is single-threaded, so more clients add load, not throughput.
 */
export function createDefaultConfig(home: string): Config {
  return {
    profile: null,
    monitoring: {
      check_interval: 10,
      max_failures: 3,
      debounce: 10,
      async: {
        enabled: true,
        strategy: 'adaptive',
        concurrency: null,
        strategy_options: {},
        discovery: 'events',
        pool: { transport: 'control', min_size: 1, max_size: 4, connection_timeout: 5, max_age: 300 },
        cache: { enabled: true, default_ttl: 30, max_size: 1000, strategy: 'lru' },
      },
    },
    discovery: {
      window_patterns: ['Claude-*', 'Codex-*', 'Gemini-*', 'Aider-*'],
      role_words: ['pm', 'developer', 'qa', 'devops', 'reviewer', 'researcher', 'tester'],
      agent_option: '@tmux-orc-agent',
      include: [],
      exclude: [],
      pm: {
        window_patterns: ['pm', 'PM', 'Claude-pm', 'Claude-PM', 'project-manager'],
        role_option: '@tmux-orc-role',
      },
    },
    notifications: {
      pm_enabled: true,
      cooldowns: {
        active: 0,
        idle: 300,
        waiting_input: 120,
        queued_message: 120,
        fresh: 600,
        error: 300,
        rate_limited: 900,
        compacting: 600,
        crashed: 300,
        unknown: 600,
      },
      hooks: [],
      channels: [],
      hook_concurrency: 4,
      hook_timeout: 10,
      rate_limit_pause: 3600,
      escalation: { missing_agent: [0, 900], team_idle: [900, 3600] },
    },
    recovery: {
      restart_crashed: true,
      max_attempts_per_hour: 3,
      start_commands: { claude: 'claude', codex: 'codex', gemini: 'gemini', aider: 'aider' },
      resubmit_attempts: 3,
      resubmit_spacing: 20,
    },
    servers: [{ default: true }],
    detectors: [],
    logging: { level: 'info', directory: join(home, 'logs'), performance: false, debug_async: false },
  };
}
