import type { TmuxRunner } from '@tmux-orc/tmux-pool';

/** A client attached to a tmux server by a person (control-mode clients, ours among them, are left out). */
export interface AttachedClient {
  readonly name: string;
  readonly session: string;
  /** Index of the client's current window: the one the person sees. */
  readonly windowIndex: number;
}

const separator = '\u001f';

/** The attached non-control clients of a server and the window each shows; none when it cannot be asked. */
export async function attachedClients(runner: TmuxRunner): Promise<AttachedClient[]> {
  let lines: readonly string[];
  try {
    lines = await runner.run(['list-clients', '-F', ['#{client_control_mode}', '#{client_name}', '#{session_name}', '#{window_index}'].join(separator)]);
  } catch {
    return [];
  }
  return lines.flatMap((line) => {
    const [control, name, session, windowIndex] = line.split(separator);
    if (control !== '0' || name === undefined || session === undefined) return [];
    return [{ name, session, windowIndex: Number(windowIndex) }];
  });
}
