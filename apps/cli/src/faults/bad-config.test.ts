import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDefaultConfig, listLeaves } from '@tmux-orc/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale, type CliHome } from '../__fixtures__/cli-harness.js';
import { useCliHome } from './__fixtures__/fault-daemon.js';

beforeAll(() => buildCliIfStale(), 300_000);

/** A YAML value of the wrong type for a leaf whose default is `value`. */
function wrongValue(value: unknown): string {
  if (typeof value === 'number') return '"soon"';
  if (typeof value === 'boolean') return '"maybe"';
  if (typeof value === 'string') return '123';
  // Arrays and objects (servers, hooks, patterns, strategy_options) and nullable keys: a number
  // would be valid for `monitoring.async.concurrency` (null by default), a word is wrong for every one.
  return '"oops"';
}

/**
 * The config's tree as YAML with every leaf given a value of the wrong type; returns the text and
 * the line of each leaf's key.
 */
function wrongYaml(node: unknown, indent = '', path = '', out: { lines: string[]; lineOf: Map<string, number> } = { lines: [], lineOf: new Map() }) {
  const isTree = typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length > 0;
  if (!isTree) return out;
  for (const [key, value] of Object.entries(node)) {
    const keyPath = path === '' ? key : `${path}.${key}`;
    const subtree = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
    out.lines.push(`${indent}${key}:${subtree ? '' : ` ${wrongValue(value)}`}`);
    if (subtree) wrongYaml(value, `${indent}  `, keyPath, out);
    else out.lineOf.set(keyPath, out.lines.length);
  }
  return out;
}

/** Nothing was started: no lock, no pid file, no socket. */
function nothingStarted(home: CliHome): void {
  for (const file of ['monitor.lock', 'monitor.pid', 'monitor.sock']) expect(existsSync(join(home.home, file)), file).toBe(false);
}

describe('monitor start with a bad config exits 2 naming the key or line, and starts nothing', () => {
  const leaves = listLeaves(createDefaultConfig('/home'));
  // One key of each kind also alone: a number, a boolean, an enum, a list, a record, the nullable profile.
  const sample = leaves.filter(([key]) => ['monitoring.check_interval', 'notifications.pm_enabled', 'logging.level', 'servers', 'recovery.start_commands.claude', 'profile', 'monitoring.async.strategy_options'].includes(key));

  it(`every key of the schema with a wrong type (${leaves.length} keys, one file): each named with its line`, async () => {
    const home = await useCliHome();
    const { lines, lineOf } = wrongYaml(createDefaultConfig('/home'));
    await writeFile(join(home.dir, 'bad.yaml'), `${lines.join('\n')}\n`);
    const run = await home.run(['--config', 'bad.yaml', 'monitor', 'start']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const reported = run.stderr.trim().split('\n');
    const unnamed = leaves.map(([key]) => key).filter((key) => !reported.some((line) => line.startsWith(`bad.yaml:${lineOf.get(key)}:`) && line.includes(` ${key}: expected`)));
    expect(unnamed).toEqual([]);
    expect(reported).toHaveLength(leaves.length);
    nothingStarted(home);
  });

  it.each(sample)('%s alone with a wrong type', async (key, value) => {
    const home = await useCliHome();
    const keys = key.split('.');
    const yaml = keys.map((k, i) => `${'  '.repeat(i)}${k}:${i === keys.length - 1 ? ` ${wrongValue(value)}` : ''}`).join('\n');
    await writeFile(join(home.dir, 'bad.yaml'), `${yaml}\n`);
    const run = await home.run(['--config', 'bad.yaml', 'monitor', 'start']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^bad\\.yaml:${keys.length}:\\d+ ${key.replaceAll('.', '\\.')}: expected`));
    nothingStarted(home);
  });

  it.each([
    ['an unknown key', 'monitoring:\n  chek_interval: 5\n', /bad\.yaml:2:\d+ monitoring\.chek_interval: .*check_interval/],
    ['an unknown top-level key', 'monitor:\n  check_interval: 5\n', /bad\.yaml:1:\d+ monitor\b/],
    ['invalid YAML (an unclosed flow sequence)', 'monitoring:\n  check_interval: [1,\n', /bad\.yaml:3:\d+: invalid YAML: Flow sequence/],
    ['invalid YAML (a tab indent)', 'monitoring:\n\tcheck_interval: 5\n', /bad\.yaml:2:\d+: invalid YAML: Tabs/],
    ['a value out of range', 'monitoring:\n  async:\n    pool:\n      min_size: 9\n      max_size: 2\n', /bad\.yaml:4:\d+ monitoring\.async\.pool\.min_size: expected/],
  ])('%s', async (_what, yaml, message) => {
    const home = await useCliHome();
    await writeFile(join(home.dir, 'bad.yaml'), yaml);
    const run = await home.run(['--config', 'bad.yaml', 'monitor', 'start']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    nothingStarted(home);
  });

  it('an unreadable file (a directory where the file is expected) names the file', async () => {
    const home = await useCliHome();
    // As root, chmod 000 does not stop a read: a directory is unreadable as a file for everyone.
    await mkdir(join(home.dir, 'bad.yaml'));
    const run = await home.run(['--config', 'bad.yaml', 'monitor', 'start']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml.*(EISDIR|cannot read)/);
    nothingStarted(home);
  });

  it('an empty file is an empty layer (the defaults), not an error: --dry-run accepts it', async () => {
    const home = await useCliHome();
    await writeFile(join(home.dir, 'empty.yaml'), '');
    const run = await home.run(['--config', 'empty.yaml', '-L', 'tmux-orc-test-never-started', 'monitor', 'start', '--dry-run', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ dry_run: true, interval_s: 10 });
    nothingStarted(home);
  });
});
