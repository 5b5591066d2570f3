import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, formatConfigProblem } from './errors.js';
import { loadConfig } from './load-config.js';
import { maxConfigFileBytes } from './read-capped-text.js';
import { validateConfigFile } from './validate-config-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-config-limits-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function problemLines(path: string): Promise<string[]> {
  return (await validateConfigFile(path, { home: join(dir, 'home') })).map(formatConfigProblem);
}

/** `recovery.start_commands` with `count` entries: a valid file that grows with `count`. */
function startCommands(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `    a${i}: r\n`);
  return `recovery:\n  start_commands:\n${lines.join('')}`;
}

describe('config file size', () => {
  it('rejects a file over 1 MiB before parsing it, naming the file, its size and the cap', async () => {
    expect(maxConfigFileBytes).toBe(1024 * 1024);
    const path = await file('huge.yaml', `# ${'x'.repeat(20 * 1024 * 1024)}\n`);
    expect(await problemLines(path)).toEqual([
      `${path}: the file is 20971523 bytes, more than the 1048576 bytes (1 MiB) a config file may have`,
    ]);
  });

  it('takes a file of exactly 1 MiB and rejects one byte more', async () => {
    const exact = await file('exact.yaml', `# ${'x'.repeat(maxConfigFileBytes - 3)}\n`);
    expect(await problemLines(exact)).toEqual([]);
    const over = await file('over.yaml', `# ${'x'.repeat(maxConfigFileBytes - 2)}\n`);
    expect(await problemLines(over)).toEqual([
      `${over}: the file is 1048577 bytes, more than the 1048576 bytes (1 MiB) a config file may have`,
    ]);
  });

  it('stops reading an endless device at the cap', async () => {
    expect(await problemLines('/dev/zero')).toEqual([
      '/dev/zero: the file holds more than the 1048576 bytes (1 MiB) a config file may have',
    ]);
  });
});

describe('loading time grows linearly with the mapping', () => {
  // 70 000 keys fill most of the 1 MiB cap. The quadratic steps (yaml's duplicate-key scan, the
  // merge's scan of every origin per key) needed ~4 s for 8 000 keys here, so minutes for these:
  // the test timeout fails them; the linear loader needs a second or two.
  it('loads a near-cap mapping of 70 000 keys, every key with its source', { timeout: 30_000 }, async () => {
    const text = startCommands(70_000);
    expect(text.length).toBeLessThan(maxConfigFileBytes);
    const path = await file('many.yaml', text);
    const loaded = await loadConfig({ env: {}, readHomeFile: false, home: join(dir, 'home'), configFile: path });
    expect(Object.keys(loaded.config.recovery.start_commands)).toHaveLength(70_004); // and the 4 built-in ones
    expect(loaded.config.recovery.start_commands['a69999']).toBe('r');
    expect(loaded.sources['recovery.start_commands.a69999']).toBe(`file:${path}`);
    expect(loaded.sources['recovery.start_commands.claude']).toBe('default');
  });

  it('still finds a duplicate among 70 000 keys, at the duplicate', { timeout: 30_000 }, async () => {
    const path = await file('dup.yaml', `${startCommands(70_000)}    a12345: again\n`);
    expect(await problemLines(path)).toEqual([`${path}:70003:5: invalid YAML: Map keys must be unique`]);
  });

  it('reports 60 000 unknown keys as the first 100 located problems and a count', { timeout: 30_000 }, async () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1\n`).join('');
    const path = await file('unknown.yaml', text);
    const lines = await problemLines(path);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(new RegExp(`^${path}:1:1 k0: expected a known key \\(one of `));
    expect(lines[99]).toContain(`${path}:100:1 k99:`);
    expect(lines[100]).toBe('… and 59900 more problems (the first 100 of 60000 are listed)');
  });
});
