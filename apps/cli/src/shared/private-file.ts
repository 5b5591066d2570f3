import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { CliError } from './cli-error.js';

// O_NONBLOCK: a FIFO planted under a file's name must not block the open (regular files ignore it).
const { O_WRONLY, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY } = constants;

/** How {@link openPrivateFile} opens: append to the file or a new one; create it afresh (fails if anything is there); read. */
export type PrivateFileMode = 'append' | 'create' | 'read';

const flags: Record<PrivateFileMode, number> = {
  append: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK,
  // O_EXCL never follows a link, also a dangling one: it fails with EEXIST.
  create: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK,
  read: O_RDONLY | O_NOFOLLOW | O_NONBLOCK,
};

/**
 * Opens a file of the daemon's home without following a symbolic link (a planted link would
 * make the daemon write to its target), creating it with mode 0600. The opened file must be a
 * regular file owned by this user with one name (a hard link to another file is refused too).
 * Throws a {@link CliError} `UNSAFE_FILE` naming the file and what was found there.
 */
export function openPrivateFile(path: string, mode: PrivateFileMode): number {
  let fd: number;
  try {
    fd = openSync(path, flags[mode], 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      throw new CliError('UNSAFE_FILE', `Expected ${path} to be a regular file, got a symbolic link (tmux-orc follows no links in its home); remove it: rm ${path}`, { cause: error });
    }
    throw error;
  }
  const stat = fstatSync(fd);
  const uid = process.getuid?.();
  const problem = !stat.isFile() ? 'not a regular file' : uid !== undefined && stat.uid !== uid ? `a file owned by uid ${stat.uid}` : stat.nlink > 1 ? `a file with ${stat.nlink} hard links` : null;
  if (problem !== null) {
    closeSync(fd);
    throw new CliError('UNSAFE_FILE', `Expected ${path} to be a regular file of yours with one name, got ${problem}; remove it: rm ${path}`);
  }
  return fd;
}
