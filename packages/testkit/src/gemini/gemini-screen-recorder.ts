import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFixtureIndex } from '../claude-code/fixture-index.js';
import type { ScreenSize } from '../claude-code/screen-recorder.js';
import { startFakeGemini } from '../fake-gemini/start-fake-gemini.js';
import { createTmuxSandbox, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import type { GeminiCli } from './gemini-cli-entry.js';
import type { GeminiScreenCase } from './gemini-screen-case.js';
import { startGeminiCli } from './start-gemini-cli.js';

/** The outcome of one recorded (or failed) Gemini CLI screen. */
export interface RecordedGeminiScreen {
  readonly file: string;
  readonly screenCase: GeminiScreenCase;
  readonly size: ScreenSize;
  /** Set when the case could not reach its state; the message includes the last screen. */
  readonly error?: string;
}

/** Options of {@link recordGeminiScreens}. */
export interface RecordGeminiScreensOptions {
  readonly cli: GeminiCli;
  readonly cases: readonly GeminiScreenCase[];
  readonly sizes: readonly ScreenSize[];
  /** Directory the `.txt` screens and `.json` sidecars are written to. */
  readonly outDir: string;
  /** How many Gemini CLI panes run at once per size (default 3: each is a large node process). */
  readonly concurrency?: number;
  /** Told about each screen as it is written or fails. */
  readonly log?: (line: string) => void;
}

async function recordOne(sandbox: TmuxSandbox, options: RecordGeminiScreensOptions, screenCase: GeminiScreenCase, size: ScreenSize): Promise<RecordedGeminiScreen> {
  const base = `${screenCase.state}-${screenCase.name}-${size.cols}x${size.rows}`;
  try {
    await using api = await startFakeGemini();
    await using pane = await startGeminiCli(sandbox, {
      cli: options.cli,
      session: `${screenCase.state}-${screenCase.name}`,
      width: size.cols,
      height: size.rows,
      apiUrl: api.url,
      ...screenCase.start,
    });
    const screen = await screenCase.drive({ pane, sandbox });
    const info = await pane.info();
    const sidecar = {
      geminiCliVersion: options.cli.version,
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
      apiPaths: [...new Set(api.requests.map((r) => `${r.method} ${r.url}`))],
    };
    await writeFile(join(options.outDir, `${base}.txt`), screen.endsWith('\n') ? screen : `${screen}\n`);
    await writeFile(join(options.outDir, `${base}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
    return { file: `${base}.txt`, screenCase, size };
  } catch (cause) {
    return { file: `${base}.txt`, screenCase, size, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/**
 * Starts the real Gemini CLI once per case and size in a private tmux sandbox (one per size), each
 * against its own fake Gemini API, drives it into the case's state and writes
 * `<outDir>/<state>-<case>-<cols>x<rows>.txt` (`capture-pane -p -J`) plus a `.json` sidecar, then
 * rewrites `<outDir>/FILES.md`. Sandboxes and APIs are always torn down; failed cases are returned
 * with their error.
 */
export async function recordGeminiScreens(options: RecordGeminiScreensOptions): Promise<RecordedGeminiScreen[]> {
  await mkdir(options.outDir, { recursive: true });
  const results: RecordedGeminiScreen[] = [];
  for (const size of options.sizes) {
    await using sandbox = await createTmuxSandbox({ width: size.cols, height: size.rows });
    const queue = [...options.cases];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const result = await recordOne(sandbox, options, next, size);
        options.log?.(result.error === undefined ? `recorded ${result.file}` : `FAILED ${result.file}: ${result.error}`);
        results.push(result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 3, queue.length) }, worker));
  }
  await writeFixtureIndex(options.outDir, 'packages/testkit/src/gemini/record-gemini-screens.ts');
  return results;
}
