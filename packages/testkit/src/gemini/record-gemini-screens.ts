/**
 * Re-records every real Gemini CLI screen fixture of @tmux-orc/health-checker:
 *
 *   pnpm --filter @tmux-orc/testkit exec tsx src/gemini/record-gemini-screens.ts [case-filter] [cols x rows]
 *
 * Writes packages/health-checker/src/__fixtures__/gemini-<version>/ at 120x40 and 80x24 (or
 * the one size given, e.g. `120x40`). A first argument keeps only cases whose `<state>-<name>`
 * contains it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGeminiCli } from './gemini-cli-entry.js';
import { geminiScreenCases } from './gemini-screen-cases.js';
import { recordGeminiScreens } from './gemini-screen-recorder.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const onlySize = /^(\d+)x(\d+)$/.exec(process.argv[3] ?? '');
const lookup = await findGeminiCli(process.env['TMUX_ORC_GEMINI_CLI'] === undefined ? {} : { path: process.env['TMUX_ORC_GEMINI_CLI'] });
if (!lookup.ok) {
  process.stderr.write(`Cannot record: ${lookup.reason}\n`);
  process.exit(1);
}
const outDir = join(here, '../../../health-checker/src/__fixtures__', `gemini-${lookup.cli.version}`);
const results = await recordGeminiScreens({
  cli: lookup.cli,
  cases: geminiScreenCases.filter((c) => `${c.state}-${c.name}`.includes(filter)),
  sizes:
    onlySize === null
      ? [
          { cols: 120, rows: 40 },
          { cols: 80, rows: 24 },
        ]
      : [{ cols: Number(onlySize[1]), rows: Number(onlySize[2]) }],
  outDir,
  log: (line) => process.stdout.write(`${line}\n`),
});
const failed = results.filter((r) => r.error !== undefined);
process.stdout.write(`${results.length - failed.length} screens written to ${outDir}, ${failed.length} failed\n`);
process.exit(failed.length === 0 ? 0 : 1);
