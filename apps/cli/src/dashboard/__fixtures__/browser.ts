import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`scripts/ensure-tools.sh` installs it): no browser is downloaded. */
export const chromiumPath = '/usr/bin/chromium';

/** Without these, Chromium's background connections meet the closed network and stall it. */
export const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A headless Chromium with a fresh profile; `close()` ends it and removes the profile. */
export interface TestBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Starts Chromium (fails naming the missing executable rather than skipping). */
export async function launchBrowser(viewport = { width: 1280, height: 720 }): Promise<TestBrowser> {
  if (!existsSync(chromiumPath)) throw new Error(`Expected Chromium at ${chromiumPath} (run scripts/ensure-tools.sh), got no file`);
  // Named like the sandboxes, so CI's leftover check (pgrep tmux-orc-test) also finds a browser left running.
  const profile = await mkdtemp(join(tmpdir(), 'tmux-orc-test-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumFlags, viewport, timeout: 60_000 });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
