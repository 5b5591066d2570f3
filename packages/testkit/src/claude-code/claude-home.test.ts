import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeConfig, createClaudeHome } from './claude-home.js';

const KEY = 'sk-ant-test-0123456789abcdefghijklmnopqrstuvwxyz';

describe('claudeConfig', () => {
  it('approves the key by its last 20 characters and trusts the working directory', () => {
    const config = claudeConfig({ apiKey: KEY, cwd: '/work/project' });
    expect(config).toMatchObject({
      hasCompletedOnboarding: true,
      customApiKeyResponses: { approved: ['ghijklmnopqrstuvwxyz'], rejected: [] },
      projects: { '/work/project': { hasTrustDialogAccepted: true } },
    });
  });
});

describe('createClaudeHome', () => {
  it('writes .claude.json and links .local/bin/claude to the binary, and removes it all', async () => {
    const home = await createClaudeHome({ apiKey: KEY, cwd: '/work/project', binary: '/opt/claude/bin/claude' });
    const written = JSON.parse(readFileSync(join(home.path, '.claude.json'), 'utf8')) as unknown;
    expect(written).toEqual(claudeConfig({ apiKey: KEY, cwd: '/work/project' }));
    expect(home.binDir).toBe(join(home.path, '.local', 'bin'));
    expect(readlinkSync(join(home.binDir, 'claude'))).toBe('/opt/claude/bin/claude');
    await home.remove();
    expect(existsSync(home.path)).toBe(false);
  });
});
