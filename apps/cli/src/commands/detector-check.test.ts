import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCliIfStale, createCliHome, type CliHome } from '../__fixtures__/cli-harness.js';

// A detector plugin an outsider writes next to their config: plain ESM, options checked by hand.
const plugin = `export function createDetector(options) {
  for (const key of Object.keys(options)) if (key !== 'signature') throw Object.assign(new Error(\`Expected only \\\`signature\\\` for detector \\\`mycli\\\`, got unknown option \\\`\${key}\\\`\`), { code: 'INVALID_OPTION', [Symbol.for('@tmux-orc/detector-kit.DetectorError')]: true });
  return { contractVersion: 'v1', id: 'mycli', matches: () => 0, classify: () => ({ state: 'unknown', detector: 'mycli', detail: {}, evidence: [] }) };
}
`;
const config = (entry: string): string => `detectors:\n  - ${entry}\n`;

describe('detector plugins are loaded before anything runs', () => {
  let cli: CliHome;
  beforeAll(() => buildCliIfStale(), 300_000);
  beforeEach(async () => {
    cli = await createCliHome();
    await mkdir(cli.home, { recursive: true });
    await writeFile(join(cli.dir, 'mycli-detector.mjs'), plugin);
  });
  afterEach(() => cli.cleanup());

  it('a loadable plugin validates, and --dry-run lists it before the built-ins', async () => {
    await writeFile(join(cli.home, 'config.yaml'), config('{ name: ./mycli-detector.mjs, options: { signature: MYCLI } }'));
    const validate = await cli.run(['config', 'validate']);
    expect({ code: validate.code, stderr: validate.stderr }).toEqual({ code: 0, stderr: '' });
    const dry = await cli.run(['monitor', 'start', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^detectors: +mycli \(plugin\), claude-code, codex, gemini, aider, shell$/mu);
  });

  it('a bad option: config validate, --dry-run and monitor start exit 2 naming the entry, and no daemon starts', async () => {
    await writeFile(join(cli.home, 'config.yaml'), config('{ name: ./mycli-detector.mjs, options: { signatur: MYCLI } }'));
    const expected = 'detectors[0].options: Expected only `signature` for detector `mycli`, got unknown option `signatur`';
    const validate = await cli.run(['config', 'validate']);
    expect({ code: validate.code, stderr: validate.stderr }).toEqual({ code: 2, stderr: `${expected}\n` });
    const dry = await cli.run(['monitor', 'start', '--dry-run']);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain(`problem:    ${expected}`);
    const start = await cli.run(['monitor', 'start']);
    expect({ code: start.code, stderr: start.stderr }).toEqual({ code: 2, stderr: `tmux-orc monitor: not started: ${expected}\n` });
    expect((await cli.run(['monitor', 'status'])).code).toBe(3);
  });

  it('a plugin installed nowhere: config validate exits 2 naming it and every place looked', async () => {
    await writeFile(join(cli.home, 'config.yaml'), config('nope'));
    const validate = await cli.run(['config', 'validate']);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/^detectors\[0\] \(`nope`\): Expected detector `nope` to be an installed plugin, found none; looked for `@tmux-orc\/detector-nope` from tmux-orc's own dependencies, .*`tmux-orc-detector-nope` from /u);
  });
});
