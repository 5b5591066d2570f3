import type { Logger } from '@tmux-orc/tmux-pool';
import { emptyActionState, pruneActionState, readActionState, writeActionState, type ActionState } from './state-file.js';

/** The actions' persisted counters (`state.json`): read before the first cycle, written when changed. */
export interface ActionStateStore {
  /** The state, read from the file on first call. */
  load(): Promise<ActionState>;
  /** Drops entries older than `keepMs`, then writes the file if anything changed; false when writing failed. */
  save(now: number, keepMs: number): Promise<boolean>;
}

/** Creates an {@link ActionStateStore} on `path`; without a path the state lives in memory only. */
export function createActionStateStore(path: string | undefined, logger: Logger): ActionStateStore {
  let state: ActionState = emptyActionState();
  let saved = JSON.stringify(state);
  let loaded: Promise<ActionState> | undefined;

  return {
    load() {
      loaded ??= (async () => {
        if (path === undefined) return state;
        const read = await readActionState(path);
        if (read.problem !== undefined) logger.warn('state file ignored', { problem: read.problem });
        state = read.state;
        saved = JSON.stringify(state);
        return state;
      })();
      return loaded;
    },
    async save(now, keepMs) {
      pruneActionState(state, now, keepMs);
      if (path === undefined) return true;
      const text = JSON.stringify(state);
      if (text === saved) return true;
      try {
        await writeActionState(path, state);
        saved = text;
        return true;
      } catch (error) {
        logger.error('could not write the state file', { path, error: String(error) });
        return false;
      }
    },
  };
}
