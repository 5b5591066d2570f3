import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGeminiHome, geminiSettings } from './gemini-home.js';

describe('geminiSettings', () => {
  it('selects API-key auth with folder trust on, and turns updates, usage statistics and telemetry off', () => {
    expect(geminiSettings()).toEqual({
      security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: true } },
      general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: false },
    });
    expect(geminiSettings({ errorVerbosity: 'full' })).toMatchObject({ ui: { errorVerbosity: 'full' } });
  });
});

describe('createGeminiHome', () => {
  it('writes ~/.gemini/settings.json, trusts the cwd, links .local/bin/gemini, and removes it all', async () => {
    const home = await createGeminiHome({ cwd: '/work/project', entry: '/opt/gemini/bundle/gemini.js' });
    const dotGemini = join(home.path, '.gemini');
    expect(JSON.parse(readFileSync(join(dotGemini, 'settings.json'), 'utf8'))).toEqual(geminiSettings());
    expect(JSON.parse(readFileSync(join(dotGemini, 'trustedFolders.json'), 'utf8'))).toEqual({ '/work/project': 'TRUST_FOLDER' });
    expect(readlinkSync(join(home.binDir, 'gemini'))).toBe('/opt/gemini/bundle/gemini.js');
    await home.remove();
    expect(existsSync(home.path)).toBe(false);
  });
});
