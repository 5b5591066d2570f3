/** One answered command: the lines between `%begin` and `%end`/`%error`. */
export interface ControlReply {
  readonly ok: boolean;
  readonly lines: string[];
  /** True for replies to commands this client typed (flag 1); false for the attach command's own reply. */
  readonly fromClient: boolean;
}

/** A line starting with `%` outside a reply block: `%exit`, `%sessions-changed`, `%window-add @3`… */
export interface ControlNotification {
  readonly name: string;
  readonly args: string;
}

export interface ControlProtocolHandlers {
  reply(reply: ControlReply): void;
  notification(notification: ControlNotification): void;
}

interface OpenBlock {
  readonly guard: string;
  readonly fromClient: boolean;
  readonly lines: string[];
}

/**
 * Parses the stdout of a tmux control-mode client, line by line. A block ends only at `%end` or
 * `%error` with the same time, number and flags as its `%begin`, so pane text that happens to start
 * with `%end` cannot close a block early.
 */
export class ControlProtocolParser {
  private block: OpenBlock | undefined;

  constructor(private readonly handlers: ControlProtocolHandlers) {}

  /** Feeds one line (without its newline). */
  line(line: string): void {
    const block = this.block;
    if (block !== undefined) {
      if (line.startsWith('%end ') || line.startsWith('%error ')) {
        const space = line.indexOf(' ');
        if (line.slice(space + 1) === block.guard) {
          this.block = undefined;
          this.handlers.reply({ ok: line.startsWith('%end'), lines: block.lines, fromClient: block.fromClient });
          return;
        }
      }
      block.lines.push(line);
      return;
    }
    if (line.startsWith('%begin ')) {
      const guard = line.slice('%begin '.length);
      const flags = guard.split(' ')[2] ?? '0';
      this.block = { guard, fromClient: (Number(flags) & 1) === 1, lines: [] };
      return;
    }
    if (line.startsWith('%')) {
      const space = line.indexOf(' ');
      const name = space === -1 ? line.slice(1) : line.slice(1, space);
      this.handlers.notification({ name, args: space === -1 ? '' : line.slice(space + 1) });
    }
  }
}
