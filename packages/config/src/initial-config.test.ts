import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createDefaultConfig } from './defaults.js';
import { ConfigError } from './errors.js';
import { renderInitialConfig, writeInitialConfig } from './initial-config.js';
import { listLeaves } from './key-path.js';
import { loadConfig } from './load-config.js';
import { profileNames } from './schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderInitialConfig', () => {
  it('spells out every key except logging.directory (home-relative by default)', () => {
    const written = new Set(listLeaves(parse(renderInitialConfig())).map(([path]) => path));
    const expected = listLeaves(createDefaultConfig('/h')).map(([path]) => path).filter((p) => p !== 'logging.directory');
    expect([...written].sort()).toEqual(expected.sort());
  });

  it('loads back to exactly the defaults', async () => {
    await writeFile(join(dir, 'config.yaml'), renderInitialConfig());
    const { config } = await loadConfig({ env: { TMUX_ORC_HOME: dir } });
    expect(config).toEqual(createDefaultConfig(dir));
  });

  it.each(profileNames)('loads back to the %s profile values', async (profile) => {
    await writeFile(join(dir, 'config.yaml'), renderInitialConfig(profile));
    const fromTemplate = (await loadConfig({ env: { TMUX_ORC_HOME: dir } })).config;
    const fromProfile = (await loadConfig({ env: { TMUX_ORC_HOME: join(dir, 'x') }, argvOverrides: { profile }, home: dir, readHomeFile: false })).config;
    expect(fromTemplate).toEqual(fromProfile);
    expect(fromTemplate.profile).toBe(profile);
  });
});

describe('writeInitialConfig', () => {
  it('creates home and writes config.yaml, owner-only', async () => {
    const home = join(dir, 'nested', 'home');
    const file = await writeInitialConfig({ home, profile: 'small' });
    expect(file).toBe(join(home, 'config.yaml'));
    expect(await readFile(file, 'utf8')).toContain('profile: small');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite without force, overwrites with it', async () => {
    await writeFile(join(dir, 'config.yaml'), 'mine: true\n');
    const error = await writeInitialConfig({ home: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_FILE_EXISTS');
    expect(await readFile(join(dir, 'config.yaml'), 'utf8')).toBe('mine: true\n');
    await writeInitialConfig({ home: dir, force: true, profile: 'large' });
    expect(await readFile(join(dir, 'config.yaml'), 'utf8')).toContain('profile: large');
  });
});
