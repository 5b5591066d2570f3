import { useSuiteTmuxSandbox } from '@tmux-orc/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale, createCliHome, type CliHome } from '../__fixtures__/cli-harness.js';
import type { StatusJson } from '../shared/status-json.js';
import { launchBrowser, type TestBrowser } from './__fixtures__/browser.js';
import { buildPageIfStale, rawRequest, startDashboard, type DashboardProcess } from './__fixtures__/dashboard-cli.js';
import { drawScreen, startTeam } from './__fixtures__/sim-fleet.js';

// One fleet, one daemon, one dashboard and one browser for the whole file; the daemon restart comes last.
describe('tmux-orc dashboard, fed by the daemon, in Chromium', { timeout: 120_000 }, () => {
  // The recorded screens are 120x40, as Claude Code drew them.
  const sandbox = useSuiteTmuxSandbox({ width: 120, height: 40 });
  let home: CliHome | undefined;
  let dashboard: DashboardProcess | undefined;
  let browser: TestBrowser | undefined;
  let team: Awaited<ReturnType<typeof startTeam>>;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`Expected beforeAll to have started ${what}, got nothing`);
    return value;
  };
  const h = (): CliHome => ready(home, 'the CLI home');
  const d = (): DashboardProcess => ready(dashboard, 'the dashboard');
  const b = (): TestBrowser => ready(browser, 'Chromium');

  const startDaemon = async (): Promise<void> => {
    const run = await h().run(['-L', sandbox().socketName, 'monitor', 'start', '--interval', '0.5']);
    expect(run.code, run.stderr).toBe(0);
  };
  const rows = (): Promise<Record<string, string>> =>
    b().page.$$eval('[data-agent-id]', (els) => Object.fromEntries(els.filter((el) => el.closest('#fleet') !== null).map((el) => [el.getAttribute('data-agent-id'), el.getAttribute('data-state')])));
  const token = (): string => new URL(d().url).searchParams.get('token') ?? '';

  beforeAll(async () => {
    buildCliIfStale();
    buildPageIfStale();
    team = await startTeam(sandbox());
    home = await createCliHome();
    await startDaemon();
    dashboard = await startDashboard(home, sandbox().socketName);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await dashboard?.stop();
    await home?.cleanup();
  }, 60_000);

  it('serves the daemon’s data and lists every agent of the fleet under its session', async () => {
    expect(d().source).toMatch(/^daemon .*monitor\.sock$/);
    await b().page.goto(d().url);
    expect(new URL(b().page.url()).search).toBe(''); // the token left the address bar for a cookie
    await expect.poll(() => b().page.locator('#fleet [data-agent-id]').count(), { timeout: 10_000 }).toBe(4);
    expect(Object.keys(await rows()).sort()).toEqual([team.pm, team.dev, team.qa, team.ops].sort());
    expect(await b().page.textContent('[data-session="team"]')).toContain('team');
    await b().page.waitForSelector(`[data-agent-id="${team.qa}"][data-state="waiting_input"]`);
    await b().page.waitForSelector(`[data-agent-id="${team.ops}"][data-state="error"]`);
    expect(await b().page.getAttribute('.needs-you', 'data-needs-you')).toBe('2');
  });

  it('shows the evidence lines of an agent on click', async () => {
    await b().page.click(`[data-agent-id="${team.qa}"]`);
    await b().page.waitForSelector(`#evidence[data-agent-id="${team.qa}"]`);
    expect(await b().page.textContent('#evidence .evidence-lines')).toMatch(/Do you want to proceed/);
    expect(await b().page.textContent('#evidence')).toContain('claude-code');
  });

  it('shows a transition within 2 s of the agent’s screen changing, in its row, counts and timeline', async () => {
    await drawScreen(sandbox(), team.dev, 'waiting_input-write-approval');
    await sandbox().waitForScreen(team.dev, /Do you want to create/);
    await b().page.waitForSelector(`[data-agent-id="${team.dev}"][data-state="waiting_input"]`, { timeout: 2000 });
    const marks = JSON.parse(await b().page.evaluate(`JSON.stringify(performance.getEntriesByName('tmux-orc:transition').map((mark) => mark.detail))`)) as { agentId: string; to: string }[];
    expect(marks).toContainEqual({ agentId: team.dev, to: 'waiting_input' }); // it came by the event stream
    expect(await b().page.getAttribute('[data-count-key="waiting_input"]', 'data-count')).toBe('2');
    expect(await b().page.$$eval(`[data-agent-id="${team.dev}"] .lane .seg`, (segs) => segs.map((seg) => seg.className))).toContain('seg state-waiting_input');
  });

  it('agrees with status --json and /metrics on every agent', async () => {
    let last = '';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const cli = await h().run(['-L', sandbox().socketName, 'status', '--json']);
      const status = JSON.parse(cli.stdout) as StatusJson;
      const served = JSON.parse((await rawRequest(d().port, '/api/status', { headers: { authorization: `Bearer ${token()}` } })).body) as StatusJson;
      const metrics = (await rawRequest(d().port, '/metrics', { headers: { authorization: `Bearer ${token()}` } })).body;
      const page = await rows();
      const byCli = Object.fromEntries(status.agents.map((agent) => [agent.id, agent.state]));
      const byDashboard = Object.fromEntries(served.agents.map((agent) => [agent.id, agent.state]));
      const byMetrics = Object.fromEntries([...metrics.matchAll(/^tmux_orc_agents\{state="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]).filter(([, n]) => n !== 0));
      last = JSON.stringify({ byCli, byDashboard, page, summary: status.summary, byMetrics });
      if (JSON.stringify(byCli) === JSON.stringify(byDashboard) && JSON.stringify(Object.entries(byCli).sort()) === JSON.stringify(Object.entries(page).sort()) && JSON.stringify(Object.entries(status.summary).sort()) === JSON.stringify(Object.entries(byMetrics).sort())) {
        expect(status.source).toBe('daemon');
        expect(Object.keys(byCli)).toHaveLength(4);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`Expected status --json, the dashboard's /api/status, the page and /metrics to agree on every agent within 10 s, got ${last}`);
  });

  it('refuses requests without the token, naming another Host, or that would write; the CSP stops inline script', async () => {
    const { port } = dashboard!;
    expect((await rawRequest(port, '/')).status).toBe(401);
    expect((await rawRequest(port, '/api/status')).status).toBe(401);
    expect((await rawRequest(port, '/api/events', { headers: { cookie: `tmux-orc-dashboard-${port}=wrong` } })).status).toBe(401);
    expect((await rawRequest(port, `/?token=${token()}`, { headers: { host: `rebound.example:${port}` } })).status).toBe(403);
    expect((await rawRequest(port, `/?token=${token()}`, { method: 'POST' })).status).toBe(405);
    const first = await rawRequest(port, `/?token=${token()}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(first.headers['content-security-policy']).toMatch(/script-src 'self'/);

    const stranger = await b().context.browser()?.newContext();
    const other = stranger === undefined ? await b().context.newPage() : await stranger.newPage();
    try {
      const refused = await other.goto(`http://127.0.0.1:${port}/`);
      expect(refused?.status()).toBe(401);
      expect(await other.textContent('body')).toMatch(/needs its token/);
    } finally {
      await (stranger ?? other).close();
    }
    // The test kit's own evaluate is allowed (DevTools protocol); a script element added by a page is not.
    const injected = await b().page.evaluate(`(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return window.injected === true;
    })()`);
    expect(injected).toBe(false);
  });

  it('says the daemon is gone when it stops, and recovers by itself when it restarts', async () => {
    const page = b().page;
    const stop = await h().run(['monitor', 'stop']);
    expect(stop.code, stop.stderr).toBe(0);
    await page.waitForSelector('#connection[data-up="false"]', { timeout: 10_000 });
    expect(await page.textContent('#connection')).toMatch(/daemon unreachable/);
    await startDaemon();
    await page.waitForSelector('#connection[data-up="true"]', { timeout: 15_000 });
    // The event stream is back too: a new transition shows within 2 s.
    await drawScreen(sandbox(), team.ops, 'rate_limited-http429-unified');
    await sandbox().waitForScreen(team.ops, /Rate limited/);
    await page.waitForSelector(`[data-agent-id="${team.ops}"][data-state="rate_limited"]`, { timeout: 2000 });
  });
});
