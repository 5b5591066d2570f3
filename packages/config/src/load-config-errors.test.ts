import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, formatConfigProblem } from './errors.js';
import { loadConfig, type LoadConfigOptions } from './load-config.js';

let dir: string;
let home: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-config-'));
  home = join(dir, 'home');
  await mkdir(home);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** The error's problems, formatted one per line as users see them. */
async function problemLines(options: LoadConfigOptions): Promise<string[]> {
  const error = await loadConfig({ env: { TMUX_ORC_HOME: home }, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const configError = error as ConfigError;
  expect(configError.code).toBe('CONFIG_INVALID');
  const lines = configError.problems.map(formatConfigProblem);
  for (const line of lines) expect(configError.message).toContain(line);
  return lines;
}

describe('loadConfig errors', () => {
  it('names key path, expected, actual and file:line:column for a wrong type', async () => {
    const path = await file('bad.yaml', 'monitoring:\n  check_interval: "30"\n  max_failures: 0\n');
    expect(await problemLines({ configFile: path })).toEqual([
      `${path}:2:19 monitoring.check_interval: expected a number, got the string \`30\``,
      `${path}:3:17 monitoring.max_failures: expected a positive number, got \`0\``,
    ]);
  });

  it('names a relative --config file as the user gave it', async () => {
    await file('rel.yaml', 'monitoring:\n  debounce: soon\n');
    expect(await problemLines({ configFile: 'rel.yaml', cwd: dir })).toEqual([
      'rel.yaml:2:13 monitoring.debounce: expected a number, got the string `soon`',
    ]);
  });

  it('lists every problem of every layer in one error', async () => {
    await writeFile(join(home, 'config.yaml'), 'logging:\n  level: loud\n');
    const path = await file('extra.yaml', 'monitoring:\n  async:\n    cache:\n      strategy: fifo\n');
    const lines = await problemLines({ configFile: path, env: { TMUX_ORC_HOME: home, TMUX_ORC_POOL_SIZE: 'abc' } });
    expect(lines).toEqual([
      `${join(home, 'config.yaml')}:2:10 logging.level: expected one of debug, info, warn, error, got the string \`loud\``,
      `${path}:4:17 monitoring.async.cache.strategy: expected one of ttl, lru, lfu, got the string \`fifo\``,
      'TMUX_ORC_POOL_SIZE: expected a positive integer, got `abc` (sets monitoring.async.pool.max_size)',
    ].sort(byLayer(lines)));
  });

  it('reports unknown keys at the key with a did-you-mean suggestion', async () => {
    const path = await file(
      'typo.yaml',
      'monitoring:\n  chek_interval: 5\n  async:\n    pool:\n      maxSize: 3\ncheck_interval: 4\nfrobnicate: 1\n',
    );
    const lines = await problemLines({ configFile: path });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      new RegExp(`^${path}:2:3 monitoring\\.chek_interval: expected a known key \\(one of check_interval, max_failures, debounce, async\\) \\(did you mean \`check_interval\`\\?\\), got the unknown key \`chek_interval\`$`),
    );
    expect(lines[1]).toContain(`${path}:5:7 monitoring.async.pool.maxSize:`);
    expect(lines[1]).toContain('did you mean `max_size`?');
    expect(lines[2]).toContain(`${path}:6:1 check_interval:`);
    expect(lines[2]).toContain('did you mean `monitoring.check_interval`?');
    expect(lines[3]).toContain(`${path}:7:1 frobnicate:`);
    expect(lines[3]).not.toContain('did you mean');
  });

  it('suggests the right key inside a servers entry', async () => {
    const path = await file('servers.yaml', 'servers:\n  - socket_nam: work\n  - { default: false }\n');
    const lines = await problemLines({ configFile: path });
    expect(lines[0]).toContain(`${path}:2:5 servers.0.socket_nam:`);
    expect(lines[0]).toContain('did you mean `socket_name`?');
    expect(lines[1]).toBe(
      `${path}:3:5 servers.1: expected one of \`{ socket_name: NAME }\`, \`{ socket_path: PATH }\`, \`{ default: true }\` (each may add \`host\`, \`port\`, \`ssh\`), got a mapping with keys default`,
    );
  });

  it('locates mistakes in a remote server entry: its host, port and ssh keys', async () => {
    const path = await file(
      'remote.yaml',
      [
        'servers:',
        '  - { socket_name: work, hots: box }',
        '  - { socket_name: work, host: box, port: 70000 }',
        '  - { socket_name: work, host: "-oProxyCommand=x" }',
        '  - socket_name: work',
        '    host: box',
        '    ssh: { identiy_file: ~/.ssh/id }',
        '  - { default: true, port: 22 }',
        '  - { socket_name: work, host: box, ssh: { options: { "Bad Key": x } } }',
        '',
      ].join('\n'),
    );
    const lines = await problemLines({ configFile: path });
    expect(lines[0]).toContain(`${path}:2:26 servers.0.hots:`);
    expect(lines[0]).toContain('did you mean `host`?');
    expect(lines[1]).toBe(`${path}:3:43 servers.1.port: expected a number <= 65535, got \`70000\``);
    expect(lines[2]).toMatch(new RegExp(`^${path}:4:32 servers.2.host: expected a host such as \`box\` or \`user@box\` \\(no spaces, not starting with \`-\`\\), got`));
    expect(lines[3]).toContain(`${path}:7:12 servers.3.ssh.identiy_file:`);
    expect(lines[3]).toContain('did you mean `identity_file`?');
    expect(lines[4]).toContain(`${path}:8:28 servers.4.port: expected \`port\` only next to a \`host\``);
    expect(lines[5]).toContain(`${path}:9:66 servers.5.ssh.options.Bad Key:`);
    expect(lines[5]).toContain('an ssh option name such as `ProxyJump`');
    expect(lines).toHaveLength(6);
  });

  it('reports invalid YAML with line and column', async () => {
    const tabs = await file('tabs.yaml', 'monitoring:\n  debounce: 1\n\tcheck_interval: 5\n');
    expect((await problemLines({ configFile: tabs }))[0]).toMatch(new RegExp(`^${tabs}:3:1: invalid YAML: .*[Tt]ab`));
    const nested = await file('nested.yaml', 'monitoring:\n  check_interval: 5\n   debounce: 1\n');
    expect(await problemLines({ configFile: nested })).toEqual([
      `${nested}:2:19: invalid YAML: Nested mappings are not allowed in compact mappings`,
      `${nested}:2:19: invalid YAML: Implicit keys need to be on a single line`,
    ]);
  });

  it('reports duplicate keys as invalid YAML at the duplicate', async () => {
    const path = await file('dup.yaml', 'logging:\n  level: info\n  level: debug\n');
    expect(await problemLines({ configFile: path })).toEqual([`${path}:3:3: invalid YAML: Map keys must be unique`]);
  });

  it('rejects a top level that is not a mapping', async () => {
    const path = await file('list.yaml', '- a\n- b\n');
    expect(await problemLines({ configFile: path })).toEqual([
      `${path}:1:1: expected a mapping of configuration keys, got a list (2 items)`,
    ]);
  });

  it('names the file and the OS reason when --config cannot be read', async () => {
    const missing = join(dir, 'nope.yaml');
    const [line] = await problemLines({ configFile: missing });
    expect(line).toBe(`${missing}: cannot read the file: ENOENT: no such file or directory, open '${missing}'`);
    const [dirLine] = await problemLines({ configFile: dir });
    expect(dirLine).toContain(`${dir}: cannot read the file: EISDIR`);
  });

  it('ignores a missing home config.yaml but reports an unreadable one', async () => {
    await expect(loadConfig({ env: { TMUX_ORC_HOME: join(dir, 'absent') } })).resolves.toBeDefined();
    await mkdir(join(home, 'config.yaml'));
    const [line] = await problemLines({});
    expect(line).toContain(`${join(home, 'config.yaml')}: cannot read the file: EISDIR`);
  });

  it.each([
    ['TMUX_ORC_POOL_SIZE', '0', 'a positive integer'],
    ['TMUX_ORC_POOL_SIZE', '2.5', 'a positive integer'],
    ['TMUX_ORC_CACHE_TTL', '-1', 'a number of seconds >= 0'],
    ['TMUX_ORC_ASYNC_DISABLED', 'maybe', 'a boolean (1/0, true/false, yes/no, on/off)'],
    ['TMUX_ORC_PERF_LOGGING', '2', 'a boolean (1/0, true/false, yes/no, on/off)'],
  ])('names %s=%s in the error', async (name, value, expected) => {
    const [line] = await problemLines({ env: { TMUX_ORC_HOME: home, [name]: value } });
    expect(line).toMatch(new RegExp(`^${name}: expected ${escape(expected)}, got \`${escape(value)}\``));
  });

  it('attributes invalid CLI overrides to cli', async () => {
    const lines = await problemLines({ argvOverrides: { monitoring: { debounce: -1 } } });
    expect(lines).toEqual(['cli monitoring.debounce: expected a number of seconds from 0 to 86400, got `-1`']);
  });

  it('reports a min_size above max_size at the min_size that caused it', async () => {
    const path = await file('pool.yaml', 'monitoring:\n  async:\n    pool:\n      min_size: 6\n');
    expect(await problemLines({ configFile: path })).toEqual([
      `${path}:4:17 monitoring.async.pool.min_size: expected a number <= max_size (4), got \`6\``,
    ]);
  });

  it('reports an unknown profile at its line and falls back to no profile', async () => {
    const path = await file('profile.yaml', '\nprofile: huge\n');
    expect(await problemLines({ configFile: path })).toEqual([
      `${path}:2:10 profile: expected one of small, medium, large, got the string \`huge\``,
    ]);
  });

  it('reports an empty value as null at the key', async () => {
    const path = await file('empty-value.yaml', 'monitoring:\n  check_interval:\n');
    expect(await problemLines({ configFile: path })).toEqual([
      `${path}:2:3 monitoring.check_interval: expected a number, got null (an empty value)`,
    ]);
  });

  it('reports a missing required key inside a list entry at the entry', async () => {
    const path = await file('hooks.yaml', 'notifications:\n  hooks:\n    - command: notify-send\n');
    expect(await problemLines({ configFile: path })).toEqual([
      `${path}:3:7 notifications.hooks.0.to: expected one of active, idle, waiting_input, queued_message, fresh, error, rate_limited, compacting, crashed, unknown, got nothing`,
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Keeps `expected` in the order the loader produced (files first, then environment). */
function byLayer(actual: readonly string[]): (a: string, b: string) => number {
  return (a, b) => actual.indexOf(a) - actual.indexOf(b);
}
