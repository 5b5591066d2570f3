import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, formatConfigProblem } from './errors.js';
import { loadConfig } from './load-config.js';
import { validateConfigFile } from './validate-config-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-config-text-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function linesFor(text: string): Promise<{ path: string; lines: string[] }> {
  const path = join(dir, 'bad.yaml');
  await writeFile(path, text);
  return { path, lines: (await validateConfigFile(path, { home: join(dir, 'home') })).map(formatConfigProblem) };
}

const a80 = 'a'.repeat(80);

describe('values in problems are cut', () => {
  it('shows a long string value as its length and first 80 characters', async () => {
    const { path, lines } = await linesFor(`monitoring:\n  check_interval: "${'a'.repeat(900_000)}"\n`);
    expect(lines).toEqual([
      `${path}:2:19 monitoring.check_interval: expected a number, got a string of 900000 characters starting \`${a80}…\``,
    ]);
  });

  it('keeps a string of 80 characters whole', async () => {
    const { lines } = await linesFor(`monitoring:\n  debounce: "${a80}"\n`);
    expect(lines[0]).toMatch(new RegExp(`got the string \`${a80}\`$`));
  });

  it('cuts a long unknown key in the key path and in the value found', async () => {
    const key = 'k'.repeat(1000); // YAML allows implicit keys up to 1024 characters
    const { path, lines } = await linesFor(`monitoring:\n  ${key}: 1\n`);
    expect(lines).toHaveLength(1);
    const k80 = 'k'.repeat(80);
    expect(lines[0]).toMatch(new RegExp(`^${path}:2:3 monitoring\\.${k80}…: expected a known key \\(one of .*\\), got an unknown key of 1000 characters starting \`${k80}…\`$`));
  });

  it('counts the keys of a large mapping instead of listing them', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `    k${i}: 1\n`).join('');
    const { path, lines } = await linesFor(`monitoring:\n  check_interval:\n${keys}`);
    expect(lines).toEqual([
      `${path}:3:5 monitoring.check_interval: expected a number, got a mapping with 20000 keys: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, …`,
    ]);
  });

  it('cuts a long environment value', async () => {
    const raw = `${'9'.repeat(100_000)}x`;
    const error = await loadConfig({ env: { TMUX_ORC_POOL_SIZE: raw }, readHomeFile: false, home: join(dir, 'home') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map(formatConfigProblem)).toEqual([
      `TMUX_ORC_POOL_SIZE: expected a positive integer, got a value of 100001 characters starting \`${'9'.repeat(80)}…\` (sets monitoring.async.pool.max_size)`,
    ]);
  });

  it('bounds the whole error for a near-cap file of bad values', { timeout: 30_000 }, async () => {
    const hooks = Array.from({ length: 20_000 }, (_, i) => `    - { to: sleeping, command: "c${i}" }\n`).join('');
    const path = join(dir, 'hooks.yaml');
    await writeFile(path, `notifications:\n  hooks:\n${hooks}`);
    const error = await loadConfig({ env: {}, readHomeFile: false, home: join(dir, 'home'), configFile: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(101);
    expect(message).toContain('Invalid tmux-orc configuration (20000 problems)');
    expect(message.endsWith('… and 19900 more problems (the first 100 of 20000 are listed)')).toBe(true);
    expect(message.length).toBeLessThan(100 * 300);
  });
});
