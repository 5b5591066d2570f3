import { detectorProofs, provenVersions } from '@tmux-orc/health-checker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      proven_live: [{ version: '2.1.332', states: ['active', 'idle'] }],
      recorded: [{ version: '2.1.332', states: ['active', 'idle', 'crashed'] }],
      unproven_states: ['waiting_input', 'queued_message', 'fresh', 'error', 'rate_limited', 'compacting'],
    });
    expect(codex?.proven_live).toEqual([]);
    expect(aider).toEqual({ id: 'aider', proven_live: [], recorded: [], unproven_states: expect.arrayContaining(['active', 'crashed']) });
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
});
