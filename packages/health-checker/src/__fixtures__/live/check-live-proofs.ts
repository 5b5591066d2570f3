import { afterAll, expect } from 'vitest';
import type { LiveProofs } from './live-proofs.js';

/** After every case of the file: writes (`TMUX_ORC_WRITE_PROOFS=1`) or checks each version's live-proof record. */
export function checkLiveProofsAfterAll(proofs: Iterable<LiveProofs>): void {
  afterAll(() => {
    for (const proof of proofs) expect(proof.finish(), 'states the stored live-proof record claims but this run did not prove').toEqual([]);
  });
}
