import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCliIfStale, createCliHome, type CliHome } from '../__fixtures__/cli-harness.js';

// A typo in strategy_options used to pass `config validate` and `monitor start --dry-run` (which
// loaded the strategy with `{}`); the daemon then failed every cycle after "started".
const badOptions = 'monitoring:\n  async:\n    strategy: concurrent\n    strategy_options:\n      concurency: 5\n';

describe('strategy options are checked before anything runs', () => {
  let cli: CliHome;
  beforeAll(() => buildCliIfStale(), 300_000);
  beforeEach(async () => {
    cli = await createCliHome();
    await mkdir(cli.home, { recursive: true });
    await writeFile(join(cli.home, 'config.yaml'), badOptions);
  });
  afterEach(() => cli.cleanup());

  it('config validate exits 2 naming the bad option', async () => {
    const run = await cli.run(['config', 'validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/monitoring\.async\.strategy_options: .*`concurency`/);
  });

  it('monitor start --dry-run exits 2 naming the bad option', async () => {
    const run = await cli.run(['monitor', 'start', '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/`concurency`/);
  });

  it('monitor start exits 2 naming the bad option and starts no daemon', async () => {
    const run = await cli.run(['monitor', 'start']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/not started: monitoring\.async\.strategy_options: .*`concurency`/);
    expect((await cli.run(['monitor', 'status'])).code).toBe(3);
  });

  it('a strategy with valid options still validates', async () => {
    await writeFile(join(cli.home, 'config.yaml'), 'monitoring:\n  async:\n    strategy: concurrent\n    strategy_options: {}\n');
    const run = await cli.run(['config', 'validate']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
