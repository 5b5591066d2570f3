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
  if (value === null) return '7';
  return '"oops"'; // arrays and objects (servers, hooks, patterns, strategy_options)
}

/** `a.b.c: v` as nested YAML; the key is on the last line. */
function nestedYaml(path: string, value: string): string {
  const keys = path.split('.');
  return keys.map((key, i) => `${'  '.repeat(i)}${key}:${i === keys.length - 1 ? ` ${value}` : ''}`).join('\n') + '\n';
}

/** Nothing was started: no lock, no pid file, no socket. */
function nothingStarted(home: CliHome): void {
  for (const file of ['monitor.lock', 'monitor.pid', 'monitor.sock']) expect(existsSync(join(home.home, file)), file).toBe(false);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  }));
  return results;
}

describe('monitor start with a bad config exits 2 naming the key or line, and starts nothing', () => {
  const leaves = listLeaves(createDefaultConfig('/home'));

  it(`every key of the schema with a wrong type (${leaves.length} keys)`, async () => {
    const home = await useCliHome();
    const runs = await mapLimit(leaves, 4, async ([key, value], i) => {
      const file = `bad-${i}.yaml`;
      const yaml = nestedYaml(key, wrongValue(value));
      await writeFile(join(home.dir, file), yaml);
      const run = await home.run(['--config', file, 'monitor', 'start']);
      return { key, yaml, line: yaml.trim().split('\n').length, ...run };
    });
    const wrong = runs.filter((run) => run.code !== 2 || !run.stderr.includes(`bad-${runs.indexOf(run)}.yaml:${run.line}:`) || !run.stderr.includes(`${run.key}: expected`));
    expect(wrong.map((r) => `${r.key} -> exit ${r.code}: ${r.stderr.trim()}`)).toEqual([]);
    nothingStarted(home);
  }, 120_000);

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
