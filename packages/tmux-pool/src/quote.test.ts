import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ControlModeConnection } from './control-mode-connection.js';
import { ExecConnection } from './exec-connection.js';
import { escapeMessage, quoteArgument, toExecArgv } from './quote.js';
import type { TmuxConnection } from './runner.js';

const canaryDir = mkdtempSync(join(tmpdir(), 'tmux-orc-canary-'));
const canary = join(canaryDir, 'injected');

// Pieces an attacker would use: command separators, quotes, format and shell expansion, escapes,
// control bytes, and complete injection attempts that would create the canary if they ever ran.
const hostile = [
  ';', '\\;', '"', "'", '\n', '\r', '\t', '#{session_name}', '#(touch ' + canary + ')', '#S', '##', '$HOME', '${HOME}',
  '$(touch ' + canary + ')', '`touch ' + canary + '`', '\\', '\\\\', '\x01', '\x1b[31m', '\x7f', '~', '{', '}', '%', ' ',
  `" ; run-shell "touch ${canary}" ; display-message "`, `' ; run-shell 'touch ${canary}' ; '`, `\\" ; run-shell touch ${canary} \\;`,
  'é', '日本', '🙂', '#[', '##[', '#[fg=red]',
];
const hostileString = fc.string({ unit: fc.oneof(fc.constantFrom(...hostile), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 });

async function echo(connection: TmuxConnection, text: string): Promise<string> {
  const lines = await connection.run(['display-message', '-p', '--', escapeMessage(text)]);
  return lines.join('\n');
}

describe('quoteArgument / toExecArgv', () => {
  it('double-quotes and escapes what tmux parses inside double quotes', () => {
    expect(quoteArgument('a "b" $c \\ d\ne')).toBe('"a \\"b\\" \\$c \\\\ d\\ne"');
    expect(quoteArgument('\x01~')).toBe('"\\001\\176"');
  });

  it('escapes only a trailing ; in argv, where tmux would split the command', () => {
    expect(toExecArgv(['a;b', 'end;', ';'])).toEqual(['a;b', 'end\\;', '\\;']);
  });
});

describe('arbitrary strings round-trip through real tmux unchanged and never run a second command', () => {
  for (const transport of ['control', 'exec'] as const) {
    it(`over ${transport}`, async () => {
      const sandbox = await useTmuxSandbox();
      const connection: TmuxConnection =
        transport === 'control' ? await ControlModeConnection.connect({ server: sandbox.server }) : new ExecConnection(sandbox.server);
      try {
        await fc.assert(
          fc.asyncProperty(hostileString, async (text) => {
            expect(await echo(connection, text)).toBe(text);
          }),
          { numRuns: transport === 'control' ? 300 : 60 },
        );
        for (const piece of hostile) expect(await echo(connection, piece)).toBe(piece);
        // display-message passes its text through strftime, whose buffer ends near 8 KB; an option
        // value has no such limit, so the 10 KB string round-trips through set-option/show-options.
        const big = Array.from({ length: 10_240 }, (_, i) => hostile[i % hostile.length]).join('').slice(0, 10_240);
        await connection.run(['set-option', '-p', '-t', sandbox.defaultSession, '--', '@tmux-orc-echo', big]);
        const stored = await connection.run(['show-options', '-pv', '-t', sandbox.defaultSession, '@tmux-orc-echo']);
        expect(stored.join('\n')).toBe(big);
        expect(existsSync(canary)).toBe(false);
      } finally {
        await connection.close();
      }
    });
  }
});
