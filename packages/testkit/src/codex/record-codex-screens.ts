/**
 * Records every real Codex screen fixture of @tmux-orc/health-checker:
 *
 *   pnpm --filter @tmux-orc/testkit exec tsx src/codex/record-codex-screens.ts [case-filter]
 *
 * Writes packages/health-checker/src/__fixtures__/codex-<version>/<state>-<case>-<cols>x<rows>.txt
 * (`capture-pane -p -J`) and a `.json` sidecar, at 120x40 and 80x24, each screen from its own
 * Codex against its own fake OpenAI API in a private tmux sandbox (all torn down afterwards).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI } from '../fake-openai/start-fake-openai.js';
import { createTmuxSandbox } from '@tmux-orc/sim-fleet';
import { findCodexBinary } from './codex-binary.js';
import { codexScreenCases } from './codex-screen-cases.js';
import { startCodex } from './start-codex.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const lookup = await findCodexBinary();
if (!lookup.ok) {
  process.stderr.write(`Cannot record: ${lookup.reason}\n`);
  process.exit(1);
}
const { binary } = lookup;
const outDir = join(here, '../../../health-checker/src/__fixtures__', `codex-${binary.version}`);
await mkdir(outDir, { recursive: true });
let failed = 0;
for (const size of [
  { cols: 120, rows: 40 },
  { cols: 80, rows: 24 },
]) {
  await using sandbox = await createTmuxSandbox({ width: size.cols, height: size.rows });
  const cases = codexScreenCases.filter((c) => `${c.state}-${c.name}`.includes(filter));
  // Three Codex panes at a time: the machine has two cores.
  for (let at = 0; at < cases.length; at += 3) {
    await Promise.all(
      cases.slice(at, at + 3).map(async (screenCase) => {
        const base = `${screenCase.state}-${screenCase.name}-${size.cols}x${size.rows}`;
        try {
          await using api = await startFakeOpenAI();
          await using pane = await startCodex(sandbox, { binary, session: base, width: size.cols, height: size.rows, apiUrl: api.url, ...screenCase.start });
          const screen = await screenCase.drive({ pane, sandbox });
          const info = await pane.info();
          const sidecar = {
            codexVersion: binary.version,
            state: screenCase.state,
            case: screenCase.name,
            description: screenCase.description,
            cols: size.cols,
            rows: size.rows,
            paneTitle: info.title,
            paneCurrentCommand: info.currentCommand,
            paneDead: info.dead,
            paneDeadStatus: info.deadStatus ?? null,
            apiScenarios: [...new Set(api.requests.map((r) => r.scenario).filter((s) => s !== undefined))],
          };
          await writeFile(join(outDir, `${base}.txt`), screen.endsWith('\n') ? screen : `${screen}\n`);
          await writeFile(join(outDir, `${base}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
          process.stdout.write(`recorded ${base}\n`);
        } catch (error) {
          failed += 1;
          process.stdout.write(`FAILED ${base}: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }),
    );
  }
}
process.stdout.write(`screens written to ${outDir}, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
