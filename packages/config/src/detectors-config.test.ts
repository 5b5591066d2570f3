import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, formatConfigProblem } from './errors.js';
import { loadConfig } from './load-config.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-config-detectors-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(text: string): Promise<{ path: string; result: unknown }> {
  const path = join(dir, 'config.yaml');
  await writeFile(path, text);
  const result = await loadConfig({ env: { TMUX_ORC_HOME: dir }, configFile: path }).catch((e: unknown) => e);
  return { path, result };
}

describe('detectors', () => {
  it('takes names and { name, options } entries as written, and none by default', async () => {
    const { result } = await load('detectors:\n  - opencode\n  - name: ./mine.js\n    options: { commands: [mycli], strict: true }\n');
    expect((result as { config: { detectors: unknown } }).config.detectors).toEqual(['opencode', { name: './mine.js', options: { commands: ['mycli'], strict: true } }]);
    const defaults = await loadConfig({ env: { TMUX_ORC_HOME: join(dir, 'empty-home') } });
    expect(defaults.config.detectors).toEqual([]);
  });

  it('locates a bad entry: file, line, column and the entry’s key path', async () => {
    const { path, result } = await load('detectors:\n  - name: ok\n  - nam: typo\n  - name: ""\n');
    expect(result).toBeInstanceOf(ConfigError);
    const lines = (result as ConfigError).problems.map(formatConfigProblem);
    expect(lines).toEqual([
      `${path}:3:5 detectors.1.nam: expected a known key (one of name, options) (did you mean \`name\`?), got the unknown key \`nam\``,
      `${path}:4:11 detectors.2.name: expected a non-empty string, got an empty string`,
    ]);
  });
});
