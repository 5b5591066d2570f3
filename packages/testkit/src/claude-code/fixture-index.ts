import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Sidecar {
  readonly state?: unknown;
  readonly description?: unknown;
  readonly paneTitle?: unknown;
  readonly paneCurrentCommand?: unknown;
  readonly paneDead?: unknown;
  readonly paneDeadStatus?: unknown;
}

function cell(value: unknown): string {
  return String(value ?? '').replaceAll('|', '\\|');
}

/**
 * Writes `FILES.md` in `dir`: one table row per recorded screen, from every `.json` sidecar there
 * (so a partial re-record still lists all files). `recorder` names the script that wrote them.
 */
export async function writeFixtureIndex(dir: string, recorder = 'packages/testkit/src/claude-code/record-screens.ts'): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const rows: string[] = [];
  for (const name of names) {
    const sidecar = JSON.parse(await readFile(join(dir, name), 'utf8')) as Sidecar;
    const dead = sidecar.paneDead === true ? ` / dead, status ${cell(sidecar.paneDeadStatus)}` : '';
    rows.push(
      `| \`${name.replace(/\.json$/, '.txt')}\` | ${cell(sidecar.state)} | ${cell(sidecar.description)} | \`${cell(sidecar.paneTitle)}\` / \`${cell(sidecar.paneCurrentCommand)}\`${dead} |`,
    );
  }
  const text = [
    '# Recorded screens',
    '',
    `Written by \`${recorder}\` from the \`.json\` sidecars; see README.md for what they show.`,
    '',
    '| file | state | how it was produced | pane title / current command |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  await writeFile(join(dir, 'FILES.md'), text);
}
