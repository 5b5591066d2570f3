import { loadStrategy } from '@tmux-orc/strategies';
import { describe, expect, it } from 'vitest';

// The monitor loads plugins with an `import` of its own, so packages it depends on are found.
const importModule = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);

describe('loadStrategy finds this package as a plugin', () => {
  it('by its short name `adaptive`, as @tmux-orc/strategy-adaptive, with options from config', async () => {
    const strategy = await loadStrategy('adaptive', { staleness: 30, max_captures_per_cycle: 10 }, { importModule });
    expect(strategy).toMatchObject({ specificationVersion: 'v1', name: 'adaptive' });
    expect(strategy.description).toContain('unseen for 30 s, at most 10 a cycle');
  });

  it('by its full package name, and passes its option errors through', async () => {
    expect((await loadStrategy('@tmux-orc/strategy-adaptive', {}, { importModule })).name).toBe('adaptive');
    await expect(loadStrategy('adaptive', { staleness: -1 }, { importModule })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      message: 'Expected the `staleness` option of strategy `adaptive` to be a finite number > 0, got a number (`-1`)',
    });
  });
});
