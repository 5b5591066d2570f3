// Takes docs/dashboard.png: node scripts/dashboard-screenshot.mjs URL OUT.png
// (URL as `tmux-orc dashboard` printed it). Debian's chromium, a fresh profile, closed at the end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, out] = process.argv.slice(2);
if (url === undefined || out === undefined) throw new Error('Expected: dashboard-screenshot.mjs URL OUT.png');
const profile = await mkdtemp(join(tmpdir(), 'tmux-orc-chromium-'));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args, viewport: { width: 1280, height: 760 } });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForSelector('[data-agent-id]');
  // Show the evidence of the first agent that needs a person.
  const asking = page.locator('[data-state="waiting_input"], [data-state="error"]').first();
  if ((await asking.count()) > 0) await asking.click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: out });
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
