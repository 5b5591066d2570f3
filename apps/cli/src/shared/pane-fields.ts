import { execFile } from 'node:child_process';
import { serverArgs, type TmuxServer } from '@tmux-orc/tmux-pool';

/** One tmux format per pane of `server` (one `list-panes -a` process), by pane id; empty when unreachable. */
export function readPaneField(server: TmuxServer, format: string): Promise<ReadonlyMap<string, string>> {
  return new Promise((resolve) => {
    execFile('tmux', [...serverArgs(server), 'list-panes', '-a', '-F', `#{pane_id}\t${format}`], (error, stdout) => {
      if (error !== null) {
        resolve(new Map());
        return;
      }
      const entries = stdout.split('\n').flatMap((line) => {
        const tab = line.indexOf('\t');
        return tab < 0 ? [] : [[line.slice(0, tab), line.slice(tab + 1)] as const];
      });
      resolve(new Map(entries));
    });
  });
}

/** `pane_current_path` of every pane of `server`, for matching hooks by cwd. */
export function readPaneCwds(server: TmuxServer): Promise<ReadonlyMap<string, string>> {
  return readPaneField(server, '#{pane_current_path}');
}
