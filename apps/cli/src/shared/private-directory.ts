import { statSync } from 'node:fs';
import { CliError } from './cli-error.js';
import { ensureWritableDirectory } from './writable-directory.js';

/**
 * Creates `dir` like {@link ensureWritableDirectory}, then refuses it unless it is owned by this
 * user and writable by nobody else: anyone who can write there could plant a link named like one
 * of the daemon's files (`monitor.pid`, `logs/async-monitor.log`) and make it write elsewhere.
 * The message names the directory and the command that fixes it.
 */
export function ensurePrivateDirectory(dir: string, what: string): void {
  ensureWritableDirectory(dir, what);
  const uid = process.getuid?.();
  if (uid === undefined) return; // Windows: no owner or mode bits to check
  const stat = statSync(dir);
  const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
  if (stat.uid !== uid) {
    throw new CliError(
      'HOME_NOT_PRIVATE',
      `Expected the ${what} ${dir} to be owned by you (uid ${uid}), got uid ${stat.uid}; fix: chown ${uid} ${dir} && chmod 700 ${dir}, or use a directory of your own`,
    );
  }
  if ((stat.mode & 0o022) !== 0) {
    const by = (stat.mode & 0o002) !== 0 ? 'everyone' : 'its group';
    throw new CliError('HOME_NOT_PRIVATE', `Expected the ${what} ${dir} to be writable only by you, got mode ${mode} (writable by ${by}); fix: chmod 700 ${dir}`);
  }
}
