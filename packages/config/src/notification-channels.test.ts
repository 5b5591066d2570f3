import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, formatConfigProblem } from './errors.js';
import { loadConfig } from './load-config.js';
import { notificationChannelSchema } from './notification-channels.js';

let dir = '';
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'tmux-orc-channels-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function load(yaml: string): Promise<Awaited<ReturnType<typeof loadConfig>>> {
  const path = join(dir, 'config.yaml');
  await writeFile(path, yaml);
  return loadConfig({ env: { TMUX_ORC_HOME: dir }, configFile: path });
}

describe('notifications.channels', () => {
  it('fills in every filter and policy default of a one-line channel', () => {
    expect(notificationChannelSchema.parse({ type: 'desktop' })).toEqual({
      type: 'desktop',
      method: 'auto',
      display_seconds: 10,
      filter: { states: ['waiting_input', 'error', 'rate_limited', 'crashed'], roles: [], sessions: [], hosts: [] },
      policy: { cooldown: 600, rollup_window: 30, max_per_agent: 4, max_per_agent_window: 3600, escalate_after: 900, quiet_when_watched: true },
    });
  });

  it('loads a webhook, a Slack webhook and a command channel from YAML', async () => {
    const { config } = await load(
      'notifications:\n  channels:\n    - { type: webhook, url: "http://127.0.0.1:9/x", retries: 1 }\n    - { type: webhook, url: "https://hooks.example/T/B/secret", format: slack, name: team }\n    - { type: command, command: "logger hi", filter: { states: [idle] } }\n',
    );
    expect(config.notifications.channels.map((c) => [c.type, c.name ?? null, c.filter.states])).toEqual([
      ['webhook', null, ['waiting_input', 'error', 'rate_limited', 'crashed']],
      ['webhook', 'team', ['waiting_input', 'error', 'rate_limited', 'crashed']],
      ['command', null, ['idle']],
    ]);
  });

  it('names the key, what it expected and what it got for a bad channel', async () => {
    const error = await load('notifications:\n  channels:\n    - { type: webhook, url: "ftp://x/y", timeout: 0 }\n    - { type: pager }\n').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as ConfigError).problems.map(formatConfigProblem).join('\n');
    expect(lines).toMatch(/notifications\.channels\.0\.url: .*http:\/\/ or https:\/\/ URL.*ftp:\/\/x\/y/);
    expect(lines).toMatch(/notifications\.channels\.0\.timeout: .*0\.1.*got `0`/);
    expect(lines).toMatch(/notifications\.channels\.1\.type: .*got the string `pager`/);
  });

  it('loads every copy-paste config of the root README\'s Notifications section', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Notifications'), readme.indexOf('\n## ', readme.indexOf('## Notifications') + 3));
    const blocks = [...section.matchAll(/```yaml\n(notifications:[\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks).toHaveLength(3);
    const types = [];
    for (const block of blocks) types.push(...(await load(block)).config.notifications.channels.map((c) => c.type));
    expect(types).toEqual(['desktop', 'webhook', 'webhook', 'command']);
  });
});
