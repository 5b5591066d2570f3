import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `tmux-orc --help` (and every command's start) must not load what only some commands need: the
 * monitor, tmux, the simulated fleet, the benchmark (an optional peer), the logger. Each command
 * imports those inside its action (`await import(…)`), so this walks the static imports from
 * `bin.ts` and lists every package they reach.
 */
const src = dirname(fileURLToPath(import.meta.url));
const heavy = ['@tmux-orc/monitor', '@tmux-orc/tmux-pool', '@tmux-orc/health-checker', '@tmux-orc/strategies', '@tmux-orc/sim-fleet', '@tmux-orc/benchmark', '@tmux-orc/testkit', 'pino', 'vitest'];

/** The value (not type-only) static imports and re-exports of a TypeScript source. */
export function staticImports(text: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm;
  for (const match of text.matchAll(statement)) if (match[1] !== undefined) found.push(match[1]);
  return found;
}

function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (!specifier.startsWith('node:')) packages.add(specifier);
    }
  }
  return packages;
}

describe('commands load lazily', () => {
  it('reads value imports and skips type-only and dynamic ones', () => {
    const text = "import { a } from 'x';\nimport type { B } from 'y';\nexport { c } from './c.js';\nconst d = await import('z');\nimport 'side';";
    expect(staticImports(text)).toEqual(['x', './c.js', 'side']);
  });

  it('starting the program reaches none of the packages only some commands need', () => {
    const reached = packagesReachedFrom(join(src, 'bin.ts'));
    expect([...reached].filter((name) => heavy.includes(name))).toEqual([]);
    expect(reached).toContain('commander');
  });
});
