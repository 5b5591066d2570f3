/**
 * Re-records every real Claude Code screen fixture of @tmux-orc/health-checker:
 *
 *   pnpm --filter @tmux-orc/testkit exec tsx src/claude-code/record-screens.ts [case-filter] [--pin newest]
 *
 * Writes packages/health-checker/src/__fixtures__/claude-code-<version>/ at 120x40 and 80x24.
 * An optional argument keeps only cases whose `<state>-<name>` contains it; `--pin newest` records
 * the second, newest install instead of the pinned one (`pnpm screens:record` passes it).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ClaudeCodePin, findClaudeCodeBinary } from './claude-code-binary.js';
import { screenCases } from './screen-cases.js';
import { recordScreens } from './screen-recorder.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { pin: { type: 'string', default: 'pinned' } } });
if (values.pin !== 'pinned' && values.pin !== 'newest') {
  process.stderr.write(`Expected --pin to be \`pinned\` or \`newest\`, got \`${values.pin}\`\n`);
  process.exit(2);
}
const pin: ClaudeCodePin = values.pin;
const filter = positionals[0] ?? '';
const lookup = await findClaudeCodeBinary({ pin });
if (!lookup.ok) {
  process.stderr.write(`Cannot record: ${lookup.reason}\n`);
  process.exit(1);
}
const outDir = join(here, '../../../health-checker/src/__fixtures__', `claude-code-${lookup.binary.version}`);
const results = await recordScreens({
  binary: lookup.binary,
  cases: screenCases.filter((c) => `${c.state}-${c.name}`.includes(filter)),
  sizes: [
    { cols: 120, rows: 40 },
    { cols: 80, rows: 24 },
  ],
  outDir,
  log: (line) => process.stdout.write(`${line}\n`),
});
const failed = results.filter((r) => r.error !== undefined);
process.stdout.write(`${results.length - failed.length} screens written to ${outDir}, ${failed.length} failed\n`);
process.exit(failed.length === 0 ? 0 : 1);
