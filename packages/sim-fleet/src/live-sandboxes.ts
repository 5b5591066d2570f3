/**
 * The process-level safety net: every sandbox still alive is killed when the process exits or
 * receives SIGINT, SIGTERM or SIGHUP. Handlers are installed only while a sandbox is alive, so
 * the process's own signal behaviour is unchanged otherwise.
 */

/** What the safety net needs of a live sandbox: a synchronous, best-effort kill. */
export interface LiveSandbox {
  readonly socketName: string;
  killNow(): void;
}

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const live = new Set<LiveSandbox>();

function killAllNow(): void {
  for (const sandbox of live) {
    try {
      sandbox.killNow();
    } catch {
      // Best effort: the process is going away, one failure must not spare the others.
    }
  }
  live.clear();
}

function onExit(): void {
  killAllNow();
}

function onSignal(signal: NodeJS.Signals): void {
  killAllNow();
  // Listening to a signal disables its default action; when nobody else handles it,
  // restore the default and re-raise so the process still ends as the sender meant.
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  } else {
    uninstall();
  }
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of EXIT_SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of EXIT_SIGNALS) process.off(signal, onSignal);
}

/** Adds a sandbox to the safety net; returns the function that removes it again. */
export function registerLiveSandbox(sandbox: LiveSandbox): () => void {
  if (live.size === 0) install();
  live.add(sandbox);
  return () => {
    if (live.delete(sandbox) && live.size === 0) uninstall();
  };
}

/** Socket names of the sandboxes the safety net would kill now (for tests and diagnostics). */
export function liveSandboxSocketNames(): string[] {
  return [...live].map((sandbox) => sandbox.socketName);
}
