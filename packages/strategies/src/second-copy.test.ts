import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as first from './index.js';

type Contract = typeof first;
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let copyDir = '';
let second: Contract;

// A plugin may install its own copy of the contract next to the monitor's: its errors then come
// from another class. A real second copy of this package's modules is loaded here (copied into
// `.tmp/` inside the package, so that its own dependencies resolve as an install's would).
beforeAll(async () => {
  await mkdir(join(packageDir, '.tmp'), { recursive: true });
  copyDir = await mkdtemp(join(packageDir, '.tmp', 'second-copy-'));
  await cp(join(packageDir, 'src'), join(copyDir, 'src'), { recursive: true, filter: (source) => !source.endsWith('.test.ts') && !source.includes('__fixtures__') });
  second = (await import(pathToFileURL(join(copyDir, 'src/index.ts')).href)) as Contract;
});
afterAll(() => rm(copyDir, { recursive: true, force: true }));

describe('errors across two copies of @tmux-orc/strategies', () => {
  it('the second copy is another module: its classes are not the first copy’s', () => {
    expect(second.StrategyError).not.toBe(first.StrategyError);
    expect(new second.StrategyError('INVALID_OPTION', 'x') instanceof first.StrategyError).toBe(false);
  });

  it('a plugin built on its own copy: its INVALID_OPTION reaches the caller as itself, recognised by code and marker, not as a factory crash', async () => {
    const plugin = (options: Readonly<Record<string, unknown>>) => {
      second.readStrategyOptions('from-copy', options).rejectUnknown();
      return first.createPollingStrategy();
    };
    const error: unknown = await first.loadStrategy('from-copy', { concurency: 5 }, { builtins: { 'from-copy': plugin } }).catch((e: unknown) => e);
    expect(error instanceof first.StrategyError).toBe(false);
    expect(first.StrategyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_OPTION' });
    expect((error as Error).message).toContain('concurency');
    expect(second.StrategyError.isInstance(new first.StrategyLoadError('STRATEGY_NOT_FOUND', 'x', 'y'))).toBe(true);
  });

  it('a plugin that really crashes is still wrapped as PLUGIN_FACTORY_FAILED by either copy', async () => {
    const crash = () => {
      throw new TypeError('undefined is not a function');
    };
    await expect(second.loadStrategy('crash', {}, { builtins: { crash } })).rejects.toMatchObject({ code: 'PLUGIN_FACTORY_FAILED' });
    await expect(first.loadStrategy('crash', {}, { builtins: { crash } })).rejects.toMatchObject({ code: 'PLUGIN_FACTORY_FAILED' });
  });
});
