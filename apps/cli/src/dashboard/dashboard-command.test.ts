import { useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale, createCliHome } from '../__fixtures__/cli-harness.js';
import { buildPageIfStale, rawRequest, startDashboard } from './__fixtures__/dashboard-cli.js';

describe('tmux-orc dashboard --listen', { timeout: 120_000 }, () => {
  beforeAll(() => {
    buildCliIfStale();
    buildPageIfStale();
  }, 300_000);

  it('refuses a non-loopback host without --expose (exit 2, naming the flag) and serves nothing', async () => {
    const home = await createCliHome();
    onTestFinished(() => home.cleanup());
    const run = await home.run(['-L', 'tmux-orc-test-none', 'dashboard', '--listen', '0.0.0.0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--listen 0\.0\.0\.0 would serve the dashboard beyond this machine: add --expose/);
    expect(run.stdout).toBe('');
  });

  it('with --expose says what it exposes, and still checks the token and the Host', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await createCliHome();
    onTestFinished(() => home.cleanup());
    const dashboard = await startDashboard(home, sandbox.socketName, ['--listen', '0.0.0.0', '--expose']);
    onTestFinished(() => dashboard.stop());
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(dashboard.stderr()).toMatch(/EXPOSED on 0\.0\.0\.0:\d+ .*sees\n.*evidence.*\n.*Read-only.*Plain HTTP/s);
    expect((await rawRequest(dashboard.port, '/api/status')).status).toBe(401);
    const token = new URL(dashboard.url).searchParams.get('token') ?? '';
    expect((await rawRequest(dashboard.port, '/api/status', { headers: { authorization: `Bearer ${token}`, host: `rebound.example:${dashboard.port}` } })).status).toBe(403);
    expect((await rawRequest(dashboard.port, '/api/status', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
