import type { RunOptions, TmuxRunner } from './runner.js';

/** What {@link CaptureReplay} needs of a pool: single commands, and commands kept in order on one connection. */
export interface OrderedRunner extends TmuxRunner {
  runInOrder(commands: readonly (readonly string[])[], options?: RunOptions): Promise<string[]>[];
}

const key = (args: readonly string[]): string => JSON.stringify(args);

/**
 * Saves a round trip a cycle on a distant server. Each `list-panes` (the start of a cycle) is sent
 * together with every `capture-pane` of the previous cycle, right behind it on the same connection,
 * so tmux runs the captures after the listing (their screens are at least as new as it); the
 * cycle's own captures then take those answers instead of asking again. A capture not asked for
 * in the previous cycle goes out as usual. Costs the captures nobody asks for again (a pane that
 * stopped changing): one cycle's worth at most.
 */
export class CaptureReplay implements TmuxRunner {
  #asked = new Map<string, readonly string[]>();
  #sent = new Map<string, Promise<string[]>>();

  constructor(private readonly pool: OrderedRunner) {}

  run(args: readonly string[], options?: RunOptions): Promise<string[]> {
    if (args[0] === 'list-panes') return this.listWithCaptures(args, options);
    if (args[0] !== 'capture-pane') return this.pool.run(args, options);
    const id = key(args);
    this.#asked.set(id, [...args]);
    const sent = this.#sent.get(id);
    if (sent === undefined) return this.pool.run(args, options);
    this.#sent.delete(id);
    return sent;
  }

  private listWithCaptures(args: readonly string[], options?: RunOptions): Promise<string[]> {
    const replayed = [...this.#asked.values()];
    this.#asked = new Map();
    const [listing, ...captures] = this.pool.runInOrder([args, ...replayed], options);
    // Captures nobody takes (a pane gone, or no longer changing) must not fail unobserved.
    for (const capture of captures) capture.catch(() => undefined);
    this.#sent = new Map(replayed.map((capture, i) => [key(capture), captures[i] ?? Promise.resolve([])]));
    return listing ?? this.pool.run(args, options);
  }
}
