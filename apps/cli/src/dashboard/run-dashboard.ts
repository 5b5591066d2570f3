import { spawn } from 'node:child_process';
import type { LoadedConfig } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';
import { findLiveMonitor } from '../client/find-monitor.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import { createDaemonSource } from './daemon-source.js';
import { exposureNotice, readDashboardFlags, type DashboardFlags } from './dashboard-options.js';
import type { DashboardSource } from './dashboard-source.js';
import { startDashboardServer } from './dashboard-server.js';
import { createDashboardToken } from './dashboard-token.js';
import { startLocalSource } from './local-source.js';
import { loadPageAssets } from './page-assets.js';

/** Opens `url` in the desktop's browser; says so when no opener exists (a headless machine). */
function openBrowser(url: string, io: CommandIo): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
  child.on('error', (error) => io.stderr(`tmux-orc dashboard: --open: could not run ${opener} (${error.message}); open the URL yourself\n`));
  child.unref();
}

/**
 * `tmux-orc dashboard [--port N] [--listen H --expose] [--open] [--json]`: serves the live page from
 * the daemon (or demo) watching this server, else from a read-only monitor run here, until
 * Ctrl-C / SIGTERM. Exit 2 for a bad flag, 1 when it cannot listen or the page is missing.
 */
export async function runDashboard(loaded: LoadedConfig, flags: DashboardFlags, io: CommandIo): Promise<number> {
  const settings = readDashboardFlags(flags);
  if (typeof settings === 'string') {
    io.stderr(`tmux-orc dashboard: ${settings}\n`);
    return 2;
  }
  const shutdown = waitForShutdownSignal();
  let source: DashboardSource | null = null;
  try {
    const assets = await loadPageAssets();
    const live = await findLiveMonitor(loaded);
    source = live === null ? await startLocalSource(loaded.config) : createDaemonSource(live.socket, live.status.source);
    const server = await startDashboardServer({ source, assets, token: createDashboardToken(), host: settings.host, port: settings.port });
    if (settings.exposed) io.stderr(`${exposureNotice(settings.host, server.port)}\n`);
    if (flags.json === true) {
      io.stdout(`${JSON.stringify({ url: server.url, port: server.port, host: settings.host, exposed: settings.exposed, source: source.description })}\n`);
    } else {
      io.stdout(`tmux-orc dashboard: ${server.url}\n  data from ${source.description}\n  read-only; Ctrl-C stops it\n`);
    }
    if (flags.open === true) openBrowser(server.url, io);
    await shutdown.signal;
    await server.close();
    return 0;
  } catch (error) {
    io.stderr(`tmux-orc dashboard: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    shutdown.dispose();
    await source?.close();
  }
}
