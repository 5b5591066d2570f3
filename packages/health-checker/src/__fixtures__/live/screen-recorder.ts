import type { RunOptions, TmuxRunner } from '@tmux-orc/tmux-pool';

/** A runner that remembers the last screen `capture-pane` gave for each pane. */
export interface ScreenRecordingRunner extends TmuxRunner {
  /** The last captured screen of `paneId`: the one a checker classified, also when it answered from its cache. */
  lastScreen(paneId: string): string | undefined;
}

/**
 * Wraps `runner` so the screen behind every verdict can be shown when a live check fails
 * (checkers return a verdict, not the screen).
 */
export function recordScreens(runner: TmuxRunner): ScreenRecordingRunner {
  const screens = new Map<string, string>();
  return {
    async run(args: readonly string[], options?: RunOptions) {
      const lines = await runner.run(args, options);
      const target = args.indexOf('-t');
      if (args[0] === 'capture-pane' && target >= 0) screens.set(args[target + 1] ?? '', lines.join('\n'));
      return lines;
    },
    lastScreen: (paneId) => screens.get(paneId),
  };
}
