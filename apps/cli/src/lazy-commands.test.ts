import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedWith, staticImports } from './__fixtures__/static-imports.js';

/**
 * `tmux-orc --help` (and every command's start) must not load what only some commands need: the
 * monitor, tmux, the simulated fleet, the benchmark (an optional peer), the logger. Each command
 * imports those inside its action (`await import(…)`), so this walks the static imports from
 * `bin.ts` and lists every package they reach.
 */
const src = dirname(fileURLToPath(import.meta.url));
const heavy = ['@tmux-orc/monitor', '@tmux-orc/tmux-pool', '@tmux-orc/health-checker', '@tmux-orc/strategies', '@tmux-orc/sim-fleet', '@tmux-orc/benchmark', '@tmux-orc/testkit', 'pino', 'vitest'];

describe('commands load lazily', () => {
  it('reads value imports and skips type-only and dynamic ones', () => {
    const text = "import { a } from 'x';\nimport type { B } from 'y';\nimport { type E } from 'w';\nexport { c } from './c.js';\nconst d = await import('z');\nimport 'side';";
    expect(staticImports(text)).toEqual(['x', './c.js', 'side']);
  });

  it('starting the program reaches none of the packages only some commands need', () => {
    const reached = loadedWith(join(src, 'bin.ts'), { followWorkspace: false }).packages;
    expect([...reached].filter((name) => heavy.includes(name))).toEqual([]);
    expect(reached).toContain('commander');
  });
});
