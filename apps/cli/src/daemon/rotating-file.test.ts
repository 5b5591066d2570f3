import { existsSync, linkSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingFile } from './rotating-file.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createRotatingFile', () => {
  it('rotates by size, keeps N generations, never splits a line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-rotate-'));
    dirs.push(dir);
    const path = join(dir, 'logs', 'a.log');
    const file = createRotatingFile(path, { maxBytes: 20, keep: 2 });
    for (let i = 0; i < 7; i += 1) file.write(`line ${i} 1234567\n`); // 15 bytes each: one per file
    file.close();
    expect(readFileSync(path, 'utf8')).toBe('line 6 1234567\n');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('line 5 1234567\n');
    expect(readFileSync(`${path}.2`, 'utf8')).toBe('line 4 1234567\n');
    expect(existsSync(`${path}.3`)).toBe(false);
  });

  it('appends to an existing file and counts its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-rotate-'));
    dirs.push(dir);
    const path = join(dir, 'b.log');
    const first = createRotatingFile(path, { maxBytes: 10 });
    first.write('12345678\n');
    first.close();
    const second = createRotatingFile(path, { maxBytes: 10 });
    second.write('abc\n');
    second.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('12345678\n');
    expect(readFileSync(path, 'utf8')).toBe('abc\n');
  });

  it('refuses a symbolic link or a hard link planted as the log, naming it; the target is untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-rotate-'));
    dirs.push(dir);
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'secret\n', { mode: 0o600 });
    symlinkSync(victim, join(dir, 'sym.log'));
    expect(() => createRotatingFile(join(dir, 'sym.log'))).toThrow(`Expected ${join(dir, 'sym.log')} to be a regular file, got a symbolic link`);
    linkSync(victim, join(dir, 'hard.log'));
    expect(() => createRotatingFile(join(dir, 'hard.log'))).toThrow(`Expected ${join(dir, 'hard.log')} to be a regular file of yours with one name, got a file with 2 hard links`);
    expect(readFileSync(victim, 'utf8')).toBe('secret\n');
  });

  it('rotates over links planted as x.log.1..3 without writing to their targets; new logs are 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-rotate-'));
    dirs.push(dir);
    const path = join(dir, 'c.log');
    const victims = [1, 2, 3].map((i) => {
      const victim = join(dir, `victim-${i}`);
      writeFileSync(victim, `secret ${i}\n`, { mode: 0o600 });
      symlinkSync(victim, `${path}.${i}`);
      return victim;
    });
    const file = createRotatingFile(path, { maxBytes: 20, keep: 3 });
    for (let i = 0; i < 6; i += 1) file.write(`line ${i} 1234567\n`);
    file.close();
    victims.forEach((victim, i) => expect(readFileSync(victim, 'utf8')).toBe(`secret ${i + 1}\n`));
    for (const name of [path, `${path}.1`, `${path}.2`, `${path}.3`]) {
      expect(lstatSync(name).isSymbolicLink(), name).toBe(false);
      expect(statSync(name).mode & 0o777, name).toBe(0o600);
    }
    expect(readFileSync(`${path}.3`, 'utf8')).toBe('line 2 1234567\n');
  });
});
