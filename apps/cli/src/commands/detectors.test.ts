import { detectorProofs, provenVersions } from '@tmux-orc/health-checker';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale, type CliHome, createCliHome } from '../__fixtures__/cli-harness.js';
import { detectorsJson } from '../shared/detectors-json.js';

let home: CliHome | undefined;
beforeAll(async () => {
  buildCliIfStale();
  home = await createCliHome();
}, 300_000);
afterAll(async () => home?.cleanup());

describe('tmux-orc detectors', () => {
  it('separates versions proven live from versions only recorded, and names states no real screen shows', () => {
    const [claude, codex, , aider] = detectorsJson([
      { detector: 'claude-code', version: '2.1.332', live: ['active', 'idle'], recorded: ['active', 'idle', 'crashed'] },
      { detector: 'codex', version: '0.171.0', live: [], recorded: ['error'] },
    ]);
    expect(claude).toEqual({
      id: 'claude-code',
      source: 'builtin',
      declared_versions: [],
      proven_live: [{ version: '2.1.332', states: ['active', 'idle'] }],
      recorded: [{ version: '2.1.332', states: ['active', 'idle', 'crashed'] }],
      unproven_states: ['waiting_input', 'queued_message', 'fresh', 'error', 'rate_limited', 'compacting'],
    });
    expect(codex?.proven_live).toEqual([]);
    expect(aider).toEqual({ id: 'aider', source: 'builtin', declared_versions: [], proven_live: [], recorded: [], unproven_states: expect.arrayContaining(['active', 'crashed']) });
  });

  it('prints every built-in agent detector with the versions the tests proved (--json and the table)', async () => {
    if (home === undefined) throw new Error('Expected a CLI home');
    const json = await home.run(['detectors', '--json']);
    expect(json.code).toBe(0);
    const listed = (JSON.parse(json.stdout) as { detectors: { id: string; proven_live: { version: string }[] }[] }).detectors;
    expect(listed.map((d) => d.id)).toEqual(['claude-code', 'codex', 'gemini', 'aider']);
    expect(listed[0]?.proven_live.map((p) => p.version)).toEqual(provenVersions('claude-code'));
    expect(detectorProofs.length).toBeGreaterThan(0);
    const table = await home.run(['detectors']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/detector\s+│?\s*proven live/u);
    for (const version of provenVersions('claude-code')) expect(table.stdout).toContain(version);
  }, 120_000);

  it('lists config\'s detector plugins first, with the versions they claim, and exits 2 naming a plugin that cannot load', async () => {
    const cli = await createCliHome();
    onTestFinished(() => cli.cleanup());
    await mkdir(cli.home, { recursive: true });
    await writeFile(
      join(cli.dir, 'mycli-detector.mjs'),
      `export function createDetector(options) {
  if (Object.keys(options).length > 0) throw Object.assign(new Error('Expected no options for detector \\\`mycli\\\`'), { code: 'INVALID_OPTION', [Symbol.for('@tmux-orc/detector-kit.DetectorError')]: true });
  return { contractVersion: 'v1', id: 'mycli', provenVersions: ['1.0.0'], matches: () => 0, classify: () => ({ state: 'unknown', detector: 'mycli', detail: {}, evidence: [] }) };
}
`,
    );
    await writeFile(join(cli.home, 'config.yaml'), 'detectors:\n  - ./mycli-detector.mjs\n');
    const json = await cli.run(['detectors', '--json']);
    expect(json.code).toBe(0);
    const listed = (JSON.parse(json.stdout) as { detectors: { id: string; source: string; declared_versions: string[] }[] }).detectors;
    expect(listed.map((d) => `${d.id}:${d.source}`)).toEqual(['mycli:plugin', 'claude-code:builtin', 'codex:builtin', 'gemini:builtin', 'aider:builtin']);
    expect(listed[0]?.declared_versions).toEqual(['1.0.0']);
    const table = await cli.run(['detectors']);
    expect(table.stdout).toMatch(/mycli \(plugin\)\s+│?\s*1\.0\.0/u);

    await writeFile(join(cli.home, 'config.yaml'), 'detectors:\n  - { name: ./mycli-detector.mjs, options: { x: 1 } }\n');
    const bad = await cli.run(['detectors']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/detectors\[0\].*Expected no options for detector `mycli`/u);
  }, 120_000);
});
