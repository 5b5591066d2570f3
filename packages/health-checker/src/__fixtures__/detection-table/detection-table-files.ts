import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinDetectors } from '../../detectors/builtin-detectors.js';
import { collectDetectorProofs, fixturesDir } from './collect-detector-proofs.js';
import { renderDetectionTable, renderProofsModule, replaceBetweenMarkers } from './render-detection-table.js';

/** The repository's README.md and the generated proofs module. */
export const generatedFiles = {
  readme: join(fixturesDir, '..', '..', '..', '..', 'README.md'),
  module: join(fixturesDir, '..', 'proofs', 'detector-proofs.generated.ts'),
} as const;

/** The agent CLIs of the table: every built-in detector but the shell fallback. */
export const tableDetectors = builtinDetectors.map((detector) => detector.id).filter((id) => id !== 'shell');

/** What README.md and the generated module must hold, from the records and fixtures as they are now. */
export function expectedGeneratedFiles(): { readonly readme: string; readonly module: string } {
  const collected = collectDetectorProofs();
  return {
    readme: replaceBetweenMarkers(readFileSync(generatedFiles.readme, 'utf8'), renderDetectionTable(collected, tableDetectors)),
    module: renderProofsModule(collected.proofs),
  };
}
