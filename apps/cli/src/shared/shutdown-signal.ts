const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A promise of the first SIGINT, SIGTERM or SIGHUP, with our handlers replacing the default exit. */
export function waitForShutdownSignal(): { readonly signal: Promise<NodeJS.Signals>; dispose(): void } {
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    handler = (received) => resolve(received);
    for (const name of signals) process.on(name, handler);
  });
  return {
    signal,
    dispose() {
      // Keep swallowing signals until the process ends: a second Ctrl-C must not skip cleanup.
      if (handler !== undefined) for (const name of signals) process.off(name, handler);
      for (const name of signals) process.on(name, () => undefined);
    },
  };
}
