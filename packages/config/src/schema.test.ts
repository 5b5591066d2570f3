import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from './defaults.js';
import { profiles } from './profiles.js';
import { configSchema } from './schema.js';

describe('configSchema', () => {
  const defaults = createDefaultConfig('/home/u/.tmux-orchestrator');

  it('accepts the built-in defaults unchanged', () => {
    expect(configSchema.parse(defaults)).toEqual(defaults);
  });

  it('defaults the pool to 1..4 control-mode connections and the default tmux server', () => {
    expect(defaults.monitoring.async.pool).toMatchObject({ transport: 'control', min_size: 1, max_size: 4 });
    expect(defaults.servers).toEqual([{ default: true }]);
    expect(defaults.logging.directory).toBe('/home/u/.tmux-orchestrator/logs');
  });

  it('rejects unknown keys instead of ignoring them', () => {
    const result = configSchema.safeParse({ ...defaults, monitorng: {} });
    expect(result.success).toBe(false);
  });

  it('rejects a pool whose min_size exceeds max_size', () => {
    const pool = { ...defaults.monitoring.async.pool, min_size: 5, max_size: 4 };
    const config = {
      ...defaults,
      monitoring: { ...defaults.monitoring, async: { ...defaults.monitoring.async, pool } },
    };
    const result = configSchema.safeParse(config);
    expect(result.error?.issues[0]?.path).toEqual(['monitoring', 'async', 'pool', 'min_size']);
  });

  it.each([
    [{ socket_name: 'work' }, true],
    [{ socket_path: '/tmp/tmux-1000/default' }, true],
    [{ default: true }, true],
    [{ default: false }, false],
    [{ socket_name: '' }, false],
    [{ socket_name: 'a', socket_path: '/b' }, false],
    [{ socket_name: 'work', host: 'me@box', port: 2222, ssh: { identity_file: '/k', options: { ProxyJump: 'bastion' } } }, true],
    [{ default: true, host: 'box' }, true],
    [{ socket_name: 'work', port: 22 }, false],
    [{ socket_name: 'work', host: 'box', ssh: { options: { ProxyCommand: 'a\nb' } } }, false],
    [{ socket_name: 'work', host: 'two words' }, false],
  ])('servers entry %j valid: %s', (server, valid) => {
    expect(configSchema.safeParse({ ...defaults, servers: [server] }).success).toBe(valid);
  });

  it('takes any record as strategy_options (the strategy checks it) and nothing else', () => {
    const withOptions = (strategy_options: unknown) => ({
      ...defaults,
      monitoring: { ...defaults.monitoring, async: { ...defaults.monitoring.async, strategy_options } },
    });
    expect(defaults.monitoring.async.strategy_options).toEqual({});
    expect(configSchema.safeParse(withOptions({ concurrency: 8, nested: { any: ['thing'] } })).success).toBe(true);
    expect(configSchema.safeParse(withOptions('concurrency=8')).success).toBe(false);
    expect(configSchema.safeParse(withOptions([8])).success).toBe(false);
  });

  it('requires at least one server', () => {
    expect(configSchema.safeParse({ ...defaults, servers: [] }).success).toBe(false);
  });

  it('takes hooks with an optional from state and rejects unknown states', () => {
    const withHooks = (hooks: unknown) => ({ ...defaults, notifications: { ...defaults.notifications, hooks } });
    expect(configSchema.safeParse(withHooks([{ to: 'crashed', command: 'notify' }])).success).toBe(true);
    expect(configSchema.safeParse(withHooks([{ from: 'active', to: 'idle', command: 'x' }])).success).toBe(true);
    expect(configSchema.safeParse(withHooks([{ to: 'sleeping', command: 'x' }])).success).toBe(false);
  });

  it('takes escalation thresholds and resubmit bounds, and rejects negative ones', () => {
    const withEscalation = (escalation: unknown) => ({ ...defaults, notifications: { ...defaults.notifications, escalation } });
    expect(configSchema.safeParse(withEscalation({ missing_agent: [0, 60], team_idle: [] })).success).toBe(true);
    expect(configSchema.safeParse(withEscalation({ missing_agent: [-1], team_idle: [] })).success).toBe(false);
    const recovery = { ...defaults.recovery, resubmit_attempts: 1.5 };
    expect(configSchema.safeParse({ ...defaults, recovery }).success).toBe(false);
    expect(defaults.recovery).toMatchObject({ resubmit_attempts: 3, resubmit_spacing: 20 });
    expect(defaults.notifications.rate_limit_pause).toBe(3600);
  });

  it('requires tmux user option names to start with @', () => {
    const discovery = { ...defaults.discovery, agent_option: 'tmux-orc-agent' };
    expect(configSchema.safeParse({ ...defaults, discovery }).success).toBe(false);
  });
});

describe('profiles', () => {
  it('reproduces the classic tuning table', () => {
    const table = Object.fromEntries(
      Object.entries(profiles).map(([name, p]) => [
        name,
        [p.monitoring?.async?.pool?.min_size, p.monitoring?.async?.pool?.max_size, p.monitoring?.async?.cache?.max_size, p.monitoring?.async?.cache?.default_ttl],
      ]),
    );
    expect(table).toEqual({ small: [3, 10, 500, 30], medium: [8, 20, 1500, 45], large: [15, 35, 3000, 60] });
  });
});
