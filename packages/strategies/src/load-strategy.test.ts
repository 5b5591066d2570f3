import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStrategy } from './load-strategy.js';
import { StrategyError } from './strategy-error.js';
import { StrategyLoadError } from './strategy-load-error.js';

const plugins = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'plugins');
const fixturesDir = dirname(plugins);

async function loadError(name: string, options: Record<string, unknown> = {}, cwd = fixturesDir): Promise<StrategyLoadError> {
  try {
    await loadStrategy(name, options, { cwd });
  } catch (error) {
    expect(error).toBeInstanceOf(StrategyLoadError);
    return error as StrategyLoadError;
  }
  throw new Error(`Expected loading \`${name}\` to fail`);
}

describe('loadStrategy: built-ins', () => {
  it('creates polling and concurrent by name, with their options', async () => {
    expect((await loadStrategy('polling')).name).toBe('polling');
    const concurrent = await loadStrategy('concurrent', {});
    expect(concurrent).toMatchObject({ specificationVersion: 'v1', name: 'concurrent' });
  });

  it('passes a built-in option error through as is', async () => {
    await expect(loadStrategy('concurrent', { nope: -1 })).rejects.toThrow(
      new StrategyError('INVALID_OPTION', 'Expected no options for strategy `concurrent`, got unknown option `nope`'),
    );
  });

  it('never takes an inherited property for a built-in', async () => {
    expect((await loadError('toString')).code).toBe('STRATEGY_NOT_FOUND');
  });
});

describe('loadStrategy: module paths', () => {
  it('loads a plugin by path relative to cwd, absolute, or file: URL, giving it the options', async () => {
    const relative = await loadStrategy('./plugins/good-plugin.mjs', { depth: 2 }, { cwd: fixturesDir });
    expect(relative).toMatchObject({ name: 'fixture-good', options: { depth: 2 } });
    expect((await loadStrategy(join(plugins, 'good-plugin.mjs'))).name).toBe('fixture-good');
    expect((await loadStrategy(pathToFileURL(join(plugins, 'default-export.mjs')).href)).name).toBe('fixture-default');
  });

  it('says which file it looked for when there is none', async () => {
    const error = await loadError('./plugins/absent.mjs');
    expect(error.code).toBe('STRATEGY_NOT_FOUND');
    expect(error.message).toBe(`Expected strategy module \`./plugins/absent.mjs\` at ${join(plugins, 'absent.mjs')}, found no such file`);
  });

  it('names the module and what it exports when there is no factory', async () => {
    const error = await loadError('./plugins/no-factory.mjs');
    expect(error.code).toBe('INVALID_PLUGIN');
    expect(error.message).toBe('Expected `./plugins/no-factory.mjs` to export `createStrategy` or a default function, got an object with keys: bar, foo');
    expect((await loadError('./plugins/empty.mjs')).message).toBe(
      'Expected `./plugins/empty.mjs` to export `createStrategy` or a default function, got an object with no keys',
    );
  });

  it('names every problem of a strategy that is not v1', async () => {
    expect((await loadError('./plugins/wrong-version.mjs')).message).toBe(
      "Expected the strategy returned by the factory of `./plugins/wrong-version.mjs` to be a MonitoringStrategy v1: `specificationVersion` must be `'v1'`, got `\"v2\"`",
    );
    expect((await loadError('./plugins/missing-observe.mjs')).message).toBe(
      'Expected the strategy returned by the factory of `./plugins/missing-observe.mjs` to be a MonitoringStrategy v1: `observe` must be a function, got undefined',
    );
  });

  it('says the factory threw, keeping the cause', async () => {
    const error = await loadError('./plugins/factory-throws.mjs');
    expect(error.code).toBe('PLUGIN_FACTORY_FAILED');
    expect(error.message).toBe('Expected the factory of `./plugins/factory-throws.mjs` to return a strategy, but it threw: the fixture refuses to start');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('explains that a factory returns the strategy itself, not a promise', async () => {
    expect((await loadError('./plugins/async-factory.mjs')).message).toBe(
      'Expected the strategy returned by the factory of `./plugins/async-factory.mjs` to be a MonitoringStrategy object, got a Promise (a factory returns the strategy itself; do asynchronous set-up inside `observe`)',
    );
  });

  it('tells a module that fails to import (a missing dependency) from a module not found', async () => {
    const error = await loadError('./plugins/broken-import.mjs');
    expect(error.code).toBe('PLUGIN_IMPORT_FAILED');
    expect(error.message).toMatch(/^Expected to import strategy module `\.\/plugins\/broken-import\.mjs`, but it failed: .*tmux-orc-fixture-missing-dependency/);
  });
});

describe('loadStrategy: packages', () => {
  const project = mkdtempSync(join(tmpdir(), 'tmux-orc-strategies-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  function installPlugin(packageName: string, source: string): void {
    const dir = join(project, 'node_modules', ...packageName.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: packageName, type: 'module', exports: { '.': { import: './index.js' } } }));
    writeFileSync(join(dir, 'index.js'), source);
  }

  it('finds `x` as tmux-orc-strategy-x in the node_modules above cwd', async () => {
    installPlugin('tmux-orc-strategy-local', "export default () => ({ specificationVersion: 'v1', name: 'local', description: '', observe: async () => new Map() });\n");
    const strategy = await loadStrategy('local', {}, { cwd: join(project, 'some', 'where') });
    expect(strategy.name).toBe('local');
  });

  it('prefers @tmux-orc/strategy-x, and takes a scoped name as itself', async () => {
    installPlugin('@tmux-orc/strategy-twice', "export const createStrategy = () => ({ specificationVersion: 'v1', name: 'scoped', description: '', observe: async () => new Map() });\n");
    installPlugin('tmux-orc-strategy-twice', "export const createStrategy = () => ({ specificationVersion: 'v1', name: 'unscoped', description: '', observe: async () => new Map() });\n");
    expect((await loadStrategy('twice', {}, { cwd: project })).name).toBe('scoped');
    expect((await loadStrategy('tmux-orc-strategy-twice', {}, { cwd: project })).name).toBe('unscoped');
  });

  it('uses the given importModule first, so the host finds the plugins it depends on', async () => {
    const asked: string[] = [];
    const strategy = await loadStrategy('hosted', {}, {
      cwd: project,
      importModule: async (specifier) => {
        asked.push(specifier);
        if (specifier === 'tmux-orc-strategy-hosted') return import(pathToFileURL(join(plugins, 'good-plugin.mjs')).href);
        throw Object.assign(new Error(`Cannot find package '${specifier}' imported from /host/index.js`), { code: 'ERR_MODULE_NOT_FOUND' });
      },
    });
    expect(strategy.name).toBe('fixture-good');
    expect(asked).toEqual(['@tmux-orc/strategy-hosted', 'tmux-orc-strategy-hosted']);
  });

  it('names the package when its export is wrong', async () => {
    installPlugin('tmux-orc-strategy-x', 'export const foo = 1;\nexport const bar = 2;\n');
    const error = await loadError('x', {}, project);
    expect(error.message).toBe('Expected `tmux-orc-strategy-x` to export `createStrategy` or a default function, got an object with keys: bar, foo');
  });

  it('names every place it looked when no package is found', async () => {
    const error = await loadError('nope', {}, project);
    expect(error.code).toBe('STRATEGY_NOT_FOUND');
    expect(error.looked).toEqual([
      "`@tmux-orc/strategy-nope` from tmux-orc's own dependencies",
      `\`@tmux-orc/strategy-nope\` from ${project}`,
      "`tmux-orc-strategy-nope` from tmux-orc's own dependencies",
      `\`tmux-orc-strategy-nope\` from ${project}`,
    ]);
    expect(error.message).toBe(
      `Expected strategy \`nope\` to be a built-in (\`polling\`, \`concurrent\`) or an installed plugin, found none; looked for ${error.looked.join(', ')}`,
    );
  });
});
