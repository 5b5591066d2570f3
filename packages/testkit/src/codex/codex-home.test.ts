import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codexConfig, createCodexHome } from './codex-home.js';

describe('codexConfig', () => {
  it('points a custom responses provider at the fake and trusts the work dir', () => {
    const toml = codexConfig({ apiUrl: 'http://127.0.0.1:4000/v1', envKey: 'FAKE_KEY', cwd: '/w/work', maxRetries: 0 });
    expect(toml).toContain('model_provider = "fake"');
    expect(toml).toContain('[model_providers.fake]\nname = "Fake OpenAI"\nbase_url = "http://127.0.0.1:4000/v1"\nenv_key = "FAKE_KEY"\nwire_api = "responses"\nrequest_max_retries = 0');
    expect(toml).toContain('[projects."/w/work"]\ntrust_level = "trusted"');
    expect(toml).toContain('check_for_update_on_startup = false');
    expect(toml).toContain('[analytics]\nenabled = false');
    expect(toml).toContain('hide_rate_limit_model_nudge = true');
  });

  it('leaves the rate-limit nudge on when asked', () => {
    expect(codexConfig({ apiUrl: 'http://x/v1', envKey: 'K', cwd: '/w', rateLimitNudge: true })).toContain('hide_rate_limit_model_nudge = false');
  });
});

describe('createCodexHome', () => {
  it('makes home, work and bin outside the system temp dir and removes them', async () => {
    const home = await createCodexHome({ apiUrl: 'http://127.0.0.1:1/v1', envKey: 'K', binary: '/bin/true' });
    try {
      // Outside the system temp dir, unless the checkout itself lives there (a clone in /tmp).
      if (!process.cwd().startsWith(tmpdir())) expect(home.path.startsWith(tmpdir())).toBe(false);
      expect(readFileSync(join(home.path, 'config.toml'), 'utf8')).toContain(`[projects.${JSON.stringify(home.cwd)}]`);
      expect(existsSync(join(home.binDir, 'codex'))).toBe(true);
    } finally {
      await home.remove();
    }
    expect(existsSync(home.path)).toBe(false);
  });
});
