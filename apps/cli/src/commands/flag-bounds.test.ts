import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale, createCliHome } from '../__fixtures__/cli-harness.js';

beforeAll(() => buildCliIfStale(), 300_000);

describe('seconds flags outside the bounds the config schema gives their keys', () => {
  it.each([
    [['demo', '--interval', '3000000'], /monitoring\.check_interval: expected a number of seconds from 0\.1 to 86400, got `?3000000/],
    [['demo', '--interval', '0.001'], /monitoring\.check_interval: expected a number of seconds from 0\.1 to 86400, got `?0\.001/],
    [['demo', '--debounce', '1e9'], /monitoring\.debounce: expected a number of seconds from 0 to 86400, got `?1000000000/],
    [['perf', 'watch', '--interval', '3000000'], /^--interval: expected a number of seconds from 0\.1 to 2147483\.647, got `3000000`$/m],
    [['perf', 'watch', '--interval', '0.001'], /^--interval: expected a number of seconds from 0\.1 to 2147483\.647, got `0\.001`$/m],
    [['monitor', 'stop', '--timeout', '1e9'], /^--timeout: expected a number of seconds from 0\.1 to 2147483\.647, got `1e9`$/m],
    [['monitor', 'stop', '--timeout', '0'], /^--timeout: expected a number of seconds from 0\.1 to 2147483\.647, got `0`$/m],
  ])('%j exits 2 naming the bound, before starting anything', async (args, message) => {
    const home = await createCliHome();
    try {
      // perf watch with an overflowing interval redrew in a busy loop: the timeout makes that a failure.
      const run = await home.run(['-L', 'tmux-orc-test-unused', ...args], { timeoutMs: 20_000 });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    } finally {
      await home.cleanup();
    }
  });
});
