import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This package's directory: the daemon starts here, so that it finds the adaptive plugin the way a
 * user's daemon finds an installed plugin (this package depends on it; `tmux-orc` itself does not).
 */
export const benchmarkRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The built `tmux-orc` CLI of this checkout (the soak and `--live` run the real daemon). */
export const cliBin = join(benchmarkRoot, '../cli/dist/bin.js');

/** Runs `file args` in this package's directory to its end; never rejects (the exit code says how it went). */
export function run(file: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { env, cwd: benchmarkRoot, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** Resident memory of `pid` in KiB (VmRSS), NaN once it is gone. */
export function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** The fields of the daemon's `GET /status` the soak and `--live` read. */
export interface DaemonStatus {
  readonly agents: readonly { readonly id: string; readonly state: string }[];
  readonly detailed?: {
    readonly cycles: { readonly count: number; readonly p50_ms: number | null; readonly p95_ms: number | null; readonly max_ms: number | null };
    readonly connection_pool: { readonly created: number; readonly recycled: number; readonly errors: number } | null;
    readonly skipped_cycles: number;
  };
}

/** The daemon's `GET /status` (asked directly: the CLI would run a cycle of its own for another server). */
export function daemonStatus(socketPath: string): Promise<DaemonStatus> {
  return new Promise((done, fail) => {
    const req = request({ socketPath, path: '/status' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          done(JSON.parse(body) as DaemonStatus);
        } catch (error) {
          fail(error);
        }
      });
    });
    req.on('error', fail);
    req.end();
  });
}
