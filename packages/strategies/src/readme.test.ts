import { createManualClock } from '@tmux-orc/clock';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptedChecker, testPane } from './testing/test-panes.js';
import { loadStrategy } from './load-strategy.js';
import type { Observation } from './monitoring-strategy.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the plugin example that is tested here', () => {
    const example = readme.split('```ts\nimport { freshObservation')[1]?.split('```')[0];
    const fixture = readFileSync(join(fixtures, 'plugins', 'pm-first.ts'), 'utf8');
    expect(fixture).toBe(`// The plugin example of the README, kept identical to it by readme.test.ts.\nimport { freshObservation${example ?? ''}`);
  });

  it('its plugin example loads by path and looks at the PM every cycle, agents every `every` cycles', async () => {
    const strategy = await loadStrategy('./plugins/pm-first.ts', { every: 2 }, { cwd: fixtures });
    const { checker, checked } = scriptedChecker({});
    const services = { runner: { run: async () => [] }, checker, clock: createManualClock(0) };
    const panes = [testPane('%1', { role: 'pm' }), testPane('%2')];
    let previous: ReadonlyMap<string, Observation> = new Map();
    for (let cycle = 1; cycle <= 3; cycle += 1) {
      previous = await strategy.observe({ panes, previous, services });
      expect(previous.size).toBe(2);
    }
    expect(checked).toEqual(['%1', '%2', '%1', '%2', '%1']);
    await expect(loadStrategy('./plugins/pm-first.ts', { evry: 2 }, { cwd: fixtures })).rejects.toThrow(
      'Expected only `every` for strategy `pm-first`, got unknown option `evry`',
    );
  });
});
