import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it } from 'vitest';
import { createTmuxConnectionPool } from './pool.js';
import { sendText } from './send-text.js';

describe('sendText on a real tmux server', () => {
  it('types text literally, key names and leading dashes included, then submits it with Enter', async () => {
    const sandbox = await useTmuxSandbox();
    const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-send-'));
    const out = join(dir, 'received');
    const pane = await sandbox.newWindow(sandbox.defaultSession, 'reader', { command: `exec sh -c 'IFS= read -r line; printf %s "$line" > ${out}; exec sleep 600'` });
    const pool = createTmuxConnectionPool({ server: sandbox.server });
    const text = `-n Enter C-c "quoted" ; $(touch ${join(dir, 'canary')}) #{pane_id} \\ end;`;
    try {
      await sendText(pool, pane.paneId, text);
      await expect.poll(() => existsSync(out)).toBe(true);
      expect(readFileSync(out, 'utf8')).toBe(text);
      expect(existsSync(join(dir, 'canary'))).toBe(false);
    } finally {
      await pool.close();
    }
  });
});
