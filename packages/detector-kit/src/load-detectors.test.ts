import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AgentDetector } from './agent-detector.js';
import { DetectorError } from './detector-error.js';
import { loadDetectors } from './load-detectors.js';

const cwd = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const builtin = (id: string): AgentDetector => ({ contractVersion: 'v1', id, matches: () => 0, classify: () => ({ state: 'unknown', detector: id, detail: {}, evidence: [] }) });
const builtins = [builtin('claude-code'), builtin('shell')];

async function failure(entries: { name: string; options?: Record<string, unknown> }[]): Promise<DetectorError> {
  const error: unknown = await loadDetectors(entries, { builtins, cwd }).catch((e: unknown) => e);
  if (!DetectorError.isInstance(error)) throw new Error(`Expected a DetectorError, got ${String(error)}`);
  return error;
}

describe('loadDetectors', () => {
  it('puts plugins before the built-ins, in config order, and keeps every built-in', async () => {
    const detectors = await loadDetectors([{ name: './plugins/good-detector.mjs' }, { name: './plugins/default-export.mjs' }], { builtins, cwd });
    expect(detectors.map((d) => d.id)).toEqual(['fixture-good', 'fixture-default', 'claude-code', 'shell']);
    expect(await loadDetectors([], { builtins, cwd })).toEqual(builtins);
  });

  it('lets a plugin replace a built-in only when it says so', async () => {
    const detectors = await loadDetectors([{ name: './plugins/overrides-shell.mjs' }], { builtins, cwd });
    expect(detectors.map((d) => d.id)).toEqual(['shell', 'claude-code']);
    expect(detectors[0]?.classify('', { dead: false, deadStatus: null, currentCommand: 'sh', title: '', agentOption: null }).evidence).toEqual(['plugin shell']);
    const error = await failure([{ name: './plugins/clashes-with-shell.mjs' }]);
    expect(error.code).toBe('DUPLICATE_DETECTOR');
    expect(error.message).toBe(
      'Expected detectors[0] (`./plugins/clashes-with-shell.mjs`) to have an id no built-in detector has, or to say `overridesBuiltin: true`, got id `shell` (a built-in) without it',
    );
  });

  it('refuses two plugins with one id, naming both entries', async () => {
    const error = await failure([{ name: './plugins/good-detector.mjs' }, { name: './plugins/good-detector.mjs', options: { command: 'x' } }]);
    expect(error.message).toBe('Expected each detector id once, got `fixture-good` from detectors[0] (`./plugins/good-detector.mjs`) and from detectors[1] (`./plugins/good-detector.mjs`)');
  });

  it('names the entry of a load failure, and the options of an option error', async () => {
    const missing = await failure([{ name: './plugins/good-detector.mjs' }, { name: './plugins/absent.mjs' }]);
    expect({ code: missing.code, message: missing.message }).toEqual({
      code: 'DETECTOR_NOT_FOUND',
      message: `detectors[1] (\`./plugins/absent.mjs\`): Expected detector module \`./plugins/absent.mjs\` at ${join(cwd, 'plugins', 'absent.mjs')}, found no such file`,
    });
    const option = await failure([{ name: './plugins/good-detector.mjs', options: { command: 3 } }]);
    expect({ code: option.code, message: option.message }).toEqual({
      code: 'INVALID_OPTION',
      message: 'detectors[0].options: Expected the `command` option of detector `fixture-good` to be a non-empty string, got a number (`3`)',
    });
  });
});
