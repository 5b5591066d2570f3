// The detector on every screen recorded from the real opencode CLI (screens/<version>/), through
// the kit's fixture runner, as an installed plugin's own test: `npm test` (node --test).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyRecordedScreens } from '@tmux-orc/detector-kit/testing';
import { createDetector } from './index.js';

const screens = fileURLToPath(new URL('./screens/', import.meta.url));

for (const version of readdirSync(screens)) {
  test(`opencode ${version}: every recorded screen`, () => {
    const verdicts = classifyRecordedScreens(createDetector({}), `${screens}${version}`);
    assert.ok(verdicts.length >= 14, `expected the recorded corpus, got ${verdicts.length} screens`);
    assert.deepEqual(verdicts.filter((v) => !v.ok).map((v) => `${v.file}: ${v.got.state} (${v.got.evidence.join(' | ')})`), []);
  });
}

test('chosen by its screen alone where opencode draws its input box (no title, no known command)', () => {
  const detector = createDetector({});
  const bare = { dead: false, deadStatus: null, currentCommand: 'sleep', title: '', agentOption: null };
  for (const version of readdirSync(screens)) {
    for (const file of readdirSync(`${screens}${version}`).filter((f) => /^(fresh|queued_message|active|idle|error|rate_limited)-.*\.txt$/u.test(f))) {
      assert.ok(detector.matches(bare, readFileSync(`${screens}${version}/${file}`, 'utf8')) > 0, `${version}/${file}`);
    }
  }
});

test('a typo in the options fails at load, naming it', () => {
  assert.throws(() => createDetector({ comands: ['oc'] }), /Expected only `commands` for detector `opencode`, got unknown option `comands`/u);
});
