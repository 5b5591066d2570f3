/**
 * Records the real Claude Code screens that the live detection test met and testkit's
 * `screenCases` do not produce, into `../claude-code-<version>/` (next to the other recordings,
 * so `claude-code.test.ts` classifies them too), at 120x40 and 80x24:
 *
 *   pnpm --filter @tmux-orc/testkit exec tsx --conditions=source ../health-checker/src/__fixtures__/live/record-live-only-screens.ts [--pin newest]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ScreenCase, findClaudeCodeBinary, recordScreens } from '@tmux-orc/testkit';

const liveOnlyCases: readonly ScreenCase[] = [
  {
    state: 'error',
    name: 'http500-first-retry',
    description:
      'prompt `ERR500`: every request answers HTTP 500; captured at the first retry, where Claude Code does not name the status yet (`API error · retrying in 1s · attempt 1/10`; it names it from attempt 3).',
    drive: async ({ pane }) => {
      await pane.waitForScreen(/\? for shortcuts/u, { timeoutMs: 30_000 });
      await pane.submit('ERR500 please');
      return pane.waitForScreen(/API error · retrying in \d+s · attempt 1\/10/u, { timeoutMs: 20_000, intervalMs: 50 });
    },
  },
];

const { values } = parseArgs({ options: { pin: { type: 'string', default: 'pinned' } } });
if (values.pin !== 'pinned' && values.pin !== 'newest') {
  process.stderr.write(`Expected --pin to be \`pinned\` or \`newest\`, got \`${values.pin}\`\n`);
  process.exit(2);
}
const lookup = await findClaudeCodeBinary({ pin: values.pin });
if (!lookup.ok) {
  process.stderr.write(`Cannot record: ${lookup.reason}\n`);
  process.exit(1);
}
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', `claude-code-${lookup.binary.version}`);
const results = await recordScreens({
  binary: lookup.binary,
  cases: liveOnlyCases,
  sizes: [
    { cols: 120, rows: 40 },
    { cols: 80, rows: 24 },
  ],
  outDir,
  log: (line) => process.stdout.write(`${line}\n`),
});
const failed = results.filter((result) => result.error !== undefined);
process.stdout.write(`${results.length - failed.length} screens written to ${outDir}, ${failed.length} failed\n`);
process.exit(failed.length === 0 ? 0 : 1);
