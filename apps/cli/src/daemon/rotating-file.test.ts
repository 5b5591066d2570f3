import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
});
