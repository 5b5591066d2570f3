import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A tmux whose `-C` clients never answer their attach; every other command is the real tmux. */
export const silentAttachTmux = join(dirname(fileURLToPath(import.meta.url)), 'silent-attach-tmux.sh');

/**
 * Points the fixture at a fresh marker file, which it creates once a control client started (so a
 * test knows the attach is under way), and returns the path and a cleanup.
 */
export function useAttachMarker(): { readonly path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-attach-'));
  const path = join(dir, 'attached');
  process.env['TMUX_ORC_TEST_ATTACH_MARKER'] = path;
  return {
    path,
    remove() {
      delete process.env['TMUX_ORC_TEST_ATTACH_MARKER'];
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
