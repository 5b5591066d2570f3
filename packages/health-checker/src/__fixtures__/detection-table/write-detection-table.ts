/**
 * Regenerates the README's detection table and `proofs/detector-proofs.generated.ts` from the live
 * tests' records (`../proofs/*.json`) and the recorded fixture folders:
 *
 *   pnpm detection-table
 */
import { writeFileSync } from 'node:fs';
import { expectedGeneratedFiles, generatedFiles } from './detection-table-files.js';

const expected = expectedGeneratedFiles();
writeFileSync(generatedFiles.readme, expected.readme);
writeFileSync(generatedFiles.module, expected.module);
process.stdout.write(`wrote the detection table into ${generatedFiles.readme} and ${generatedFiles.module}\n`);
