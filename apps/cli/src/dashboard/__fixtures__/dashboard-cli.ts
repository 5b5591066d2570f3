import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { root, spawnCli, type CliHome } from '../../__fixtures__/cli-harness.js';

/** A `tmux-orc dashboard --json` process started by a test. */
export interface DashboardProcess {
  readonly url: string;
  readonly port: number;
  readonly source: string;
  /** What it printed on stderr so far. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Rebuilds the page when one of its sources is newer than its bundle (the CLI harness watches `.ts` only). */
export function buildPageIfStale(): void {
  const source = join(root, 'apps/cli/src/dashboard-page');
  const bundle = join(root, 'apps/cli/dist/dashboard-page/app.js');
  const newest = Math.max(...readdirSync(source).map((name) => statSync(join(source, name)).mtimeMs));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest) return;
  execFileSync(process.execPath, [join(root, 'apps/cli/scripts/build-page.mjs')], { stdio: 'pipe' });
}

/** Starts `tmux-orc -L <socket> dashboard --json` and waits for its URL line. */
export async function startDashboard(home: CliHome, socketName: string, extra: readonly string[] = []): Promise<DashboardProcess> {
  const cli = spawnCli(home, ['-L', socketName, 'dashboard', '--json', ...extra]);
  const stop = async (): Promise<void> => {
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) return;
    cli.child.kill('SIGTERM');
    const killer = setTimeout(() => cli.child.kill('SIGKILL'), 10_000);
    await cli.exited;
    clearTimeout(killer);
  };
  try {
    await cli.waitFor(() => cli.stdout().includes('\n'), 'the dashboard to print its URL', 60_000);
    const line = JSON.parse(cli.stdout().split('\n')[0] ?? '') as { url: string; port: number; source: string };
    return { ...line, stderr: cli.stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A raw HTTP GET (or other method) against the dashboard, with full control of the headers. */
export function rawRequest(port: number, path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
