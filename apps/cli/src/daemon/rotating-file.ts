import { closeSync, fstatSync, mkdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { openPrivateFile } from '../shared/private-file.js';

/** Options of {@link createRotatingFile}. */
export interface RotatingFileOptions {
  /** Rotate once the file would grow past this many bytes. Default 10 MiB. */
  readonly maxBytes?: number;
  /** Rotated files kept (`file.1` newest … `file.N`). Default 3. */
  readonly keep?: number;
}

/** An append-only file that rotates by size; pino writes into it. */
export interface RotatingFile {
  write(chunk: string): boolean;
  close(): void;
}

/**
 * Opens `path` for appending, never through a symbolic link (`openPrivateFile`); rotated
 * generations are only renamed or removed, which acts on a link itself, not its target. Writes are synchronous (a log line is small and the daemon must not
 * lose its last lines when it is killed); when the next line would pass `maxBytes` the file is
 * renamed to `path.1` (older ones shift up, the oldest is removed) and a new one is opened.
 */
export function createRotatingFile(path: string, options: RotatingFileOptions = {}): RotatingFile {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const keep = options.keep ?? 3;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd = openPrivateFile(path, 'append');
  let size = fstatSync(fd).size;

  function rotate(): void {
    closeSync(fd);
    rmSync(`${path}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i -= 1) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep > 0) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    // Just renamed away: a file (or link) there now was planted in between.
    fd = openPrivateFile(path, 'create');
    size = 0;
  }

  return {
    write(chunk) {
      const bytes = Buffer.byteLength(chunk);
      if (size > 0 && size + bytes > maxBytes) rotate();
      writeSync(fd, chunk);
      size += bytes;
      return true;
    },
    close() {
      closeSync(fd);
    },
  };
}
