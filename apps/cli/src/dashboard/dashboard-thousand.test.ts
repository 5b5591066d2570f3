import { simAgentCommand, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale, createCliHome } from '../__fixtures__/cli-harness.js';
import { launchBrowser } from './__fixtures__/browser.js';
import { buildPageIfStale, rawRequest, startDashboard } from './__fixtures__/dashboard-cli.js';
import type { StatusJson } from '../shared/status-json.js';
import { markClaudeCode, screensDir } from './__fixtures__/sim-fleet.js';

const screens = ['idle-replied', 'active-thinking', 'waiting_input-bash-approval', 'error-http529-retrying', 'rate_limited-http429-unified', 'compacting-compact', 'fresh-started', 'queued_message-typed-not-sent'];

describe('tmux-orc dashboard with 1000 agents and no daemon', { timeout: 300_000 }, () => {
  beforeAll(() => {
    buildCliIfStale();
    buildPageIfStale();
  }, 300_000);

  it('runs its own read-only monitor, renders all 1000 agents in 20 sessions, and keeps the DOM to the rows in view', async ({ annotate }) => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const spawned = await sandbox.spawnAgents(1000, {
      session: 'fleet',
      windowsPerSession: 50,
      windowName: (i) => `Claude-a${i}`,
      command: (i) => simAgentCommand({ screensDir, screen: screens[i % screens.length] ?? 'idle-replied' }),
    });
    await markClaudeCode(sandbox, spawned.map((agent) => agent.paneId));
    const home = await createCliHome();
    onTestFinished(() => home.cleanup());
    const dashboard = await startDashboard(home, sandbox.socketName);
    onTestFinished(() => dashboard.stop());
    expect(dashboard.source).toMatch(/monitor run here, read-only/);
    const browser = await launchBrowser({ width: 1280, height: 900 });
    onTestFinished(() => browser.close());
    const { page } = browser;

    await page.goto(dashboard.url);
    // (Playwright's waitForFunction evaluates strings, which the page's CSP forbids: locators poll instead.)
    await page.locator('#summary', { hasText: /^1000 agents/ }).waitFor({ timeout: 120_000 });
    // 1000 agents and 20 session headings are in the list; only the rows in view are in the DOM.
    expect(await page.getAttribute('#fleet', 'data-rows')).toBe('1020');
    const inDom = await page.$$eval('#fleet .row', (rows) => rows.length);
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(80);
    expect(await page.$$eval('[data-count]', (chips) => chips.reduce((sum, chip) => sum + Number(chip.getAttribute('data-count')), 0))).toBe(1000);

    // The last row of the list is the monitor's last agent (sessions sort by name: fleet-9 ends it).
    const token = new URL(dashboard.url).searchParams.get('token') ?? '';
    const served = JSON.parse((await rawRequest(dashboard.port, '/api/status', { headers: { authorization: `Bearer ${token}` } })).body) as StatusJson;
    expect(served.agents).toHaveLength(1000);
    const last = served.agents.at(-1)?.id ?? '';
    await page.$eval('#fleet', (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForSelector(`[data-agent-id="${last}"]`, { timeout: 5000 });
    await page.click(`[data-agent-id="${last}"]`);
    await page.waitForSelector(`#evidence[data-agent-id="${last}"]`, { timeout: 5000 });

    // Let a few snapshots (every 2 s) and transitions arrive, then read the page's own timings.
    await page.waitForTimeout(8000);
    const timings = JSON.parse(await page.evaluate(`JSON.stringify(performance.getEntriesByType('measure').map((m) => ({ name: m.name, ms: m.duration, agents: m.detail && m.detail.agents })))`)) as { name: string; ms: number; agents: number }[];
    const first = timings.find((t) => t.name === 'tmux-orc:first-render');
    const full = timings.filter((t) => t.name.startsWith('tmux-orc:') && t.agents === 1000);
    expect(full.length).toBeGreaterThan(0);
    const updates = timings.filter((t) => t.name === 'tmux-orc:render' && t.agents === 1000).map((t) => t.ms).sort((a, b) => a - b);
    await annotate(`first render ${first?.ms.toFixed(0)} ms (${first?.agents} agents); ${updates.length} updates of 1000 agents: median ${updates[Math.floor(updates.length / 2)]?.toFixed(0)} ms, max ${updates.at(-1)?.toFixed(0)} ms`);
  });
});
