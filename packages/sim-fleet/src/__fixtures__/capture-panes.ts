import type { TmuxSandbox } from '../tmux-sandbox.js';

const END = '\u0001end-of-pane';

/** Captures many panes, 100 per tmux invocation (capture-pane chained with `;`), by pane id. */
export async function capturePanes(sandbox: TmuxSandbox, paneIds: readonly string[]): Promise<Map<string, string>> {
  const screens = new Map<string, string>();
  for (let start = 0; start < paneIds.length; start += 100) {
    for (const [paneId, screen] of await captureBatch(sandbox, paneIds.slice(start, start + 100))) screens.set(paneId, screen);
  }
  return screens;
}

async function captureBatch(sandbox: TmuxSandbox, paneIds: readonly string[]): Promise<Map<string, string>> {
  const args = paneIds.flatMap((paneId, i) => [
    ...(i === 0 ? [] : [';']),
    'capture-pane', '-p', '-t', paneId, ';',
    // The id comes from the format: display-message would read a literal `%1` as a strftime escape.
    'display-message', '-p', '-t', paneId, `${END} #{pane_id}`,
  ]);
  const screens = new Map<string, string>();
  let lines: string[] = [];
  for (const line of (await sandbox.tmux(...args)).split('\n')) {
    if (line.startsWith(END)) {
      screens.set(line.slice(END.length + 1), lines.join('\n'));
      lines = [];
    } else {
      lines.push(line);
    }
  }
  return screens;
}
