import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectorPane } from '../detector-pane.js';

/** One screen under `__fixtures__/`, with the pane tmux showed it in (recorded, or the CLI's usual). */
export interface FixtureScreen {
  readonly file: string;
  readonly screen: string;
  readonly pane: DetectorPane;
  /** The state the file name says (`idle` screens are `no_activity` for a detector). */
  readonly named: string;
}

const root = dirname(fileURLToPath(import.meta.url));
const documentedPanes: Readonly<Record<string, Pick<DetectorPane, 'currentCommand' | 'title'>>> = {
  'codex-documented': { currentCommand: 'codex', title: '' },
  'gemini-documented': { currentCommand: 'node', title: 'Gemini CLI' },
  'aider-documented': { currentCommand: 'aider', title: '' },
};

interface Meta {
  readonly paneTitle?: string;
  readonly paneCurrentCommand?: string;
  readonly paneDead?: boolean;
  readonly paneDeadStatus?: number | null;
  readonly paneStartCommand?: string;
}

/** Every fixture screen of every CLI (for tests that must hold on all of them, such as rule ids). */
export function fixtureScreens(): FixtureScreen[] {
  const found: FixtureScreen[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'live')) {
    for (const file of readdirSync(join(root, dir.name)).filter((name) => name.endsWith('.txt'))) {
      const base = join(root, dir.name, file);
      const metaFile = base.replace(/\.txt$/u, '.json');
      const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Meta) : {};
      const usual = documentedPanes[dir.name] ?? { currentCommand: '', title: '' };
      found.push({
        file: `${dir.name}/${file}`,
        screen: readFileSync(base, 'utf8'),
        named: file.slice(0, file.indexOf('-')),
        pane: {
          dead: meta.paneDead ?? false,
          deadStatus: meta.paneDeadStatus ?? null,
          currentCommand: meta.paneCurrentCommand ?? usual.currentCommand,
          title: meta.paneTitle ?? usual.title,
          agentOption: null,
          startCommand: meta.paneStartCommand ?? null,
        },
      });
    }
  }
  return found;
}

/** One fixture screen by its path under `__fixtures__/` (`codex-0.171.0/active-streaming-120x40.txt`). */
export function fixtureScreen(file: string): FixtureScreen {
  const found = fixtureScreens().find((screen) => screen.file === file);
  if (found === undefined) throw new Error(`Expected the fixture ${file}, got none`);
  return found;
}
