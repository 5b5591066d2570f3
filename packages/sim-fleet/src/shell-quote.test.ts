import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { shellQuote } from './shell-quote.js';

function echoThroughSh(word: string): string {
  return execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8' });
}

test('sh reads a quoted string back as the same single word', () => {
  for (const word of ["it's", 'a b', '$HOME', '`id`', 'x;y', '"q"', '\\n', '*', '-n', 'plain/path.txt', 'A=b']) {
    expect(echoThroughSh(word)).toBe(word);
  }
});

test('any string without NUL survives the round trip', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\0')), (word) => {
      expect(echoThroughSh(word)).toBe(word);
    }),
    { numRuns: 60 },
  );
});

test('a word that looks like an assignment is quoted, so it stays a word in command position', () => {
  expect(execFileSync('/bin/sh', ['-c', `${shellQuote('A=b')} 2>/dev/null || echo not-a-command`], { encoding: 'utf8' }).trim()).toBe('not-a-command');
});
