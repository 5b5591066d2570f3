import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function resultsDir(): string {
  const dir = process.env['SAFETY_NET_RESULTS'];
  if (dir === undefined) throw new Error('Expected SAFETY_NET_RESULTS to name a directory, got nothing');
  return dir;
}

/** Writes a sandbox's socket name where the outer test (safety-net.test.ts) reads it. */
export function recordSocket(label: string, socketName: string): void {
  writeFileSync(join(resultsDir(), `${label}.txt`), socketName);
}

/** Reads what {@link recordSocket} wrote. */
export function recordedSocket(label: string): string {
  return readFileSync(join(resultsDir(), `${label}.txt`), 'utf8');
}
