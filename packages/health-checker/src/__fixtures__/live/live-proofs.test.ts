import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveCase } from './live-expectations.js';
import { createLiveProofs, readProofRecord } from './live-proofs.js';

const cases: readonly LiveCase[] = [
  { key: 'active-streaming', expect: { kind: 'reaches', state: 'active' } },
  { key: 'idle-replied', expect: { kind: 'idle' } },
];
const sizes = ['120x40', '80x24'];
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-proofs-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runAll(dir: string, idlePassesAt80x24: boolean) {
  const proofs = createLiveProofs('cli', '1.0.0', cases, sizes, dir);
  for (const size of sizes) proofs.ran(cases[0] as LiveCase, size, true);
  proofs.ran(cases[1] as LiveCase, '120x40', true);
  proofs.ran(cases[1] as LiveCase, '80x24', idlePassesAt80x24);
  return proofs;
}

describe('the live-proof record', () => {
  it('counts a case only when it passed at every size, and is written only when asked', () => {
    const dir = tempDir();
    expect(runAll(dir, false).record().states).toEqual({ active: ['active-streaming'] });
    expect(runAll(dir, true).finish()).toEqual([]); // no record yet: nothing claimed, nothing written
    expect(readProofRecord('cli', '1.0.0', dir)).toBeUndefined();
    vi.stubEnv('TMUX_ORC_WRITE_PROOFS', '1');
    runAll(dir, true).finish();
    expect(readProofRecord('cli', '1.0.0', dir)?.states).toEqual({ active: ['active-streaming'], idle: ['idle-replied'] });
  });

  it('names each claimed case a complete run did not prove, and says nothing after a partial run', () => {
    const dir = tempDir();
    vi.stubEnv('TMUX_ORC_WRITE_PROOFS', '1');
    runAll(dir, true).finish();
    vi.unstubAllEnvs();
    expect(runAll(dir, false).finish()).toEqual(['idle (idle-replied)']);
    const partial = createLiveProofs('cli', '1.0.0', cases, sizes, dir);
    partial.ran(cases[0] as LiveCase, '120x40', true);
    expect(partial.finish()).toEqual([]);
  });
});
