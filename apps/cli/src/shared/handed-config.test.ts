import { Readable } from 'node:stream';
import { createDefaultConfig, loadConfig } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { handedConfigText, readHandedConfig } from './handed-config.js';

describe('the configuration monitor start hands the daemon', () => {
  it('arrives as the daemon would have loaded it, every key and source', async () => {
    const loaded = await loadConfig({ home: '/tmp/tmux-orc-handed', readHomeFile: false, env: { TMUX_ORC_POOL_SIZE: '3' }, argvOverrides: { monitoring: { check_interval: 7, async: { strategy: 'adaptive' } } } });
    const handed = await readHandedConfig(Readable.from([handedConfigText(loaded)]));
    expect(handed).toEqual(loaded);
    expect(typeof handed === 'string' ? handed : handed.config.monitoring.check_interval).toBe(7);
  });

  it('says what came instead of a loaded configuration', async () => {
    expect(await readHandedConfig(Readable.from([]))).toBe('expected the JSON of a loaded configuration on stdin, got nothing');
    expect(await readHandedConfig(Readable.from(['monitoring: {}']))).toMatch(/^expected the JSON of a loaded configuration on stdin, got text that is not JSON \(SyntaxError: /);
    expect(await readHandedConfig(Readable.from([JSON.stringify({ config: createDefaultConfig('/tmp/tmux-orc-handed') })]))).toBe(
      `expected the JSON of a loaded configuration on stdin (\`config\`, \`home\`, …), got \`${JSON.stringify({ config: createDefaultConfig('/tmp/tmux-orc-handed') }).slice(0, 80)}\``,
    );
  });
});
