import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeAnthropic } from '../fake-anthropic/start-fake-anthropic.js';
import { createTmuxSandbox, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import type { ClaudeCodeBinary } from './claude-code-binary.js';
import { writeFixtureIndex } from './fixture-index.js';
import type { ScreenCase } from './screen-cases.js';
import { startClaudeCode } from './start-claude-code.js';

/** A terminal size to record at. */
export interface ScreenSize {
  readonly cols: number;
  readonly rows: number;
}

/** The outcome of one recorded (or failed) screen. */
export interface RecordedScreen {
  readonly file: string;
  readonly screenCase: ScreenCase;
  readonly size: ScreenSize;
  /** Set when the case could not reach its state; the message includes the last screen. */
  readonly error?: string;
}

/** Options of {@link recordScreens}. */
export interface RecordScreensOptions {
  readonly binary: ClaudeCodeBinary;
  readonly cases: readonly ScreenCase[];
  readonly sizes: readonly ScreenSize[];
  /** Directory the `.txt` screens and `.json` sidecars are written to. */
  readonly outDir: string;
  /** How many Claude Code panes run at once per size (default 6). */
  readonly concurrency?: number;
  /** Told about each screen as it is written or fails. */
  readonly log?: (line: string) => void;
}

/** `<state>-<case>-<cols>x<rows>`, the fixture's file name without extension. */
export function screenFileBase(screenCase: ScreenCase, size: ScreenSize): string {
  return `${screenCase.state}-${screenCase.name}-${size.cols}x${size.rows}`;
}

async function recordOne(sandbox: TmuxSandbox, binary: ClaudeCodeBinary, screenCase: ScreenCase, size: ScreenSize, outDir: string): Promise<RecordedScreen> {
  const base = screenFileBase(screenCase, size);
  try {
    return await recordInPane(sandbox, binary, screenCase, size, outDir, base);
  } catch (cause) {
    return { file: `${base}.txt`, screenCase, size, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

async function recordInPane(sandbox: TmuxSandbox, binary: ClaudeCodeBinary, screenCase: ScreenCase, size: ScreenSize, outDir: string, base: string): Promise<RecordedScreen> {
  await using api = await startFakeAnthropic();
  await using pane = await startClaudeCode(sandbox, {
    binary,
    session: `${screenCase.state}-${screenCase.name}`,
    width: size.cols,
    height: size.rows,
    apiUrl: api.url,
    ...screenCase.start,
  });
  const screen = await screenCase.drive({ pane, sandbox });
  const info = await pane.info();
  const sidecar = {
    claudeCodeVersion: binary.version,
    state: screenCase.state,
    case: screenCase.name,
    description: screenCase.description,
    cols: size.cols,
    rows: size.rows,
    paneTitle: info.title,
    paneCurrentCommand: info.currentCommand,
    paneDead: info.dead,
    paneDeadStatus: info.deadStatus ?? null,
    paneStartCommand: info.startCommand,
    apiScenarios: [...new Set(api.requests.map((r) => r.scenario).filter((s) => s !== undefined))],
    apiPaths: [...new Set(api.requests.map((r) => `${r.method} ${r.url}`))],
  };
  await writeFile(join(outDir, `${base}.txt`), screen.endsWith('\n') ? screen : `${screen}\n`);
  await writeFile(join(outDir, `${base}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
  return { file: `${base}.txt`, screenCase, size };
}

/** Runs `tasks` with at most `limit` in flight, keeping their order in the result. */
async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let at = next++; at < tasks.length; at = next++) {
      const task = tasks[at];
      if (task !== undefined) results[at] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Starts the real Claude Code once per case and size in a private tmux sandbox (one per size),
 * each against its own fake Anthropic API, drives it into the case's state and writes
 * `<outDir>/<state>-<case>-<cols>x<rows>.txt` (`capture-pane -p -J`) plus a `.json` sidecar, then
 * rewrites `<outDir>/FILES.md`, the table of every recorded file.
 * Sandboxes and APIs are always torn down; failed cases are returned with their error.
 */
export async function recordScreens(options: RecordScreensOptions): Promise<RecordedScreen[]> {
  await mkdir(options.outDir, { recursive: true });
  const results: RecordedScreen[] = [];
  for (const size of options.sizes) {
    await using sandbox = await createTmuxSandbox({ width: size.cols, height: size.rows });
    const tasks = options.cases.map((screenCase) => async () => {
      const result = await recordOne(sandbox, options.binary, screenCase, size, options.outDir);
      options.log?.(result.error === undefined ? `recorded ${result.file}` : `FAILED ${result.file}: ${result.error}`);
      return result;
    });
    results.push(...(await inParallel(tasks, options.concurrency ?? 6)));
  }
  await writeFixtureIndex(options.outDir);
  return results;
}
