import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedGeneratedFiles, generatedFiles } from './detection-table-files.js';
import { renderDetectionTable, replaceBetweenMarkers, tableMarkers } from './render-detection-table.js';

describe('the detection table', () => {
  it('in README.md and the generated proofs module matches the live records and recorded fixtures (run `pnpm detection-table`)', () => {
    const expected = expectedGeneratedFiles();
    expect(readFileSync(generatedFiles.readme, 'utf8')).toBe(expected.readme);
    expect(readFileSync(generatedFiles.module, 'utf8')).toBe(expected.module);
  });

  it('says live (with its number of cases) over recorded over unproven, per CLI version, and names CLIs without versions', () => {
    const table = renderDetectionTable(
      {
        proofs: [{ detector: 'codex', version: '1.2.3', live: ['active'], recorded: ['active', 'idle'] }],
        documented: { aider: ['error'] },
        liveCases: { 'codex@1.2.3': { active: 3 } },
      },
      ['codex', 'aider'],
    );
    const [, , codex, aider] = table.split('\n');
    expect(codex).toBe('| Codex CLI (`codex`) | 1.2.3 | live ×3 | recorded | – | – | – | – | – | – | – |');
    expect(aider).toBe('| Aider (`aider`) | none (documented screens only) | – | – | – | – | – | – | – | – | – |');
  });

  it('refuses a README without its markers, naming them', () => {
    expect(() => replaceBetweenMarkers('# no table here\n', 'x')).toThrow(tableMarkers.start);
  });
});
