import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from './all-rules.js';
import { classifyScreen } from './classify-screen.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';
import { fixtureScreens } from './__fixtures__/fixture-screens.js';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');

describe('rule ids', () => {
  it('are unique and named `<detector>/<rule>`', () => {
    const ids = allRules.map((rule) => rule.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z-]+\/[a-z-]+$/u.test(id))).toEqual([]);
  });

  it('are each documented in the README', () => {
    expect(allRules.map((rule) => rule.id).filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });

  it('belong to the detector that lists them', () => {
    for (const detector of builtinDetectors) {
      expect(detector.rules?.length ?? 0).toBeGreaterThan(0);
      expect((detector.rules ?? []).filter((rule) => !rule.id.startsWith(`${detector.id}/`))).toEqual([]);
    }
  });
});

describe('every classification of every fixture screen names a listed rule that can give its state', () => {
  const screens = fixtureScreens();

  it('finds the fixtures', () => {
    expect(screens.length).toBeGreaterThan(250);
  });

  it.each(screens.map((s): [string, (typeof screens)[number]] => [s.file, s]))('%s', (_file, fixture) => {
    const result = classifyScreen(fixture.pane, fixture.screen);
    const rule = allRules.find((candidate) => candidate.id === result.rule);
    expect(rule, `rule ${String(result.rule)} of ${result.detector}`).toBeDefined();
    expect(rule?.id.startsWith(`${result.detector}/`)).toBe(true);
    expect(rule?.states).toContain(result.state);
  });
});
