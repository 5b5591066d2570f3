import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DetectorError } from './detector-error.js';
import { DetectorLoadError } from './detector-load-error.js';
import { loadDetector } from './load-detector.js';
import { testDetectorPane } from './testing/test-detector-pane.js';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');

async function loadError(name: string, options: Record<string, unknown> = {}, cwd = fixturesDir): Promise<DetectorLoadError> {
  const error: unknown = await loadDetector(name, options, { cwd }).then(
    () => new Error(`Expected loading \`${name}\` to fail`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DetectorLoadError);
  return error as DetectorLoadError;
}

describe('loadDetector: module paths', () => {
  it('loads a plugin by relative path, absolute path or file: URL, creating it with the options', async () => {
    const detector = await loadDetector('./plugins/good-detector.mjs', { command: 'mycli' }, { cwd: fixturesDir });
    expect(detector).toMatchObject({ contractVersion: 'v1', id: 'fixture-good', description: 'answers for mycli' });
    expect(detector.matches(testDetectorPane({ currentCommand: 'mycli' }))).toBe(0.9);
    expect(detector.classify('Allow?', testDetectorPane()).state).toBe('waiting_input');
    expect((await loadDetector(join(fixturesDir, 'plugins', 'default-export.mjs'))).id).toBe('fixture-default');
    expect((await loadDetector(pathToFileURL(join(fixturesDir, 'plugins', 'default-export.mjs')).href)).id).toBe('fixture-default');
  });

  it('says which file it looked for when there is none', async () => {
    const error = await loadError('./plugins/absent.mjs');
    expect(error.code).toBe('DETECTOR_NOT_FOUND');
    expect(error.message).toBe(`Expected detector module \`./plugins/absent.mjs\` at ${join(fixturesDir, 'plugins', 'absent.mjs')}, found no such file`);
  });

  it('passes the factory’s option error through, naming the option', async () => {
    const error: unknown = await loadDetector('./plugins/good-detector.mjs', { comand: 'x' }, { cwd: fixturesDir }).catch((e: unknown) => e);
    expect(DetectorError.isInstance(error) && error.code).toBe('INVALID_OPTION');
    expect((error as Error).message).toBe('Expected only `command` for detector `fixture-good`, got unknown option `comand`');
  });
});

describe('loadDetector: bad plugins', () => {
  it.each([
    ['./plugins/wrong-contract.mjs', 'INVALID_PLUGIN', "Expected the detector returned by the factory of `./plugins/wrong-contract.mjs` to be an AgentDetector v1: `contractVersion` must be `'v1'`, got `\"v2\"`; `id` must be a lowercase name such as `opencode` (letters, digits, `.`, `_`, `-`), got a string (`\"Not An Id\"`); `matches` must be a function, got a string (`\"yes\"`); `classify` must be a function, got undefined"],
    ['./plugins/factory-throws.mjs', 'PLUGIN_FACTORY_FAILED', 'Expected the factory of `./plugins/factory-throws.mjs` to return a detector, but it threw: no licence key'],
    ['./plugins/async-factory.mjs', 'INVALID_PLUGIN', 'Expected the detector returned by the factory of `./plugins/async-factory.mjs` to be an AgentDetector object, got a Promise (a factory returns the detector itself, synchronously)'],
    ['./plugins/no-factory.mjs', 'INVALID_PLUGIN', 'Expected `./plugins/no-factory.mjs` to export `createDetector` or a default function, got an object with keys: detector, helper'],
  ])('%s: %s', async (name, code, message) => {
    const error = await loadError(name);
    expect({ code: error.code, message: error.message, detectorName: error.detectorName }).toEqual({ code, message, detectorName: name });
  });

  it('tells a missing dependency of the plugin from a missing plugin', async () => {
    const error = await loadError('./plugins/broken-import.mjs');
    expect(error.code).toBe('PLUGIN_IMPORT_FAILED');
    expect(error.message).toMatch(/^Expected to import detector module `\.\/plugins\/broken-import\.mjs`, but it failed: .*tmux-orc-fixture-missing-dependency/u);
  });
});

describe('loadDetector: packages', () => {
  const project = mkdtempSync(join(tmpdir(), 'detector-kit-packages-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const install = (name: string, body: string): void => {
    const dir = join(project, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module', exports: './index.js' }));
    writeFileSync(join(dir, 'index.js'), body);
  };
  const body = (id: string): string =>
    `export const createDetector = () => ({ contractVersion: 'v1', id: '${id}', matches: () => 0, classify: () => ({ state: 'unknown', detector: '${id}', detail: {}, evidence: [] }) });`;

  it('finds `x` as tmux-orc-detector-x in the node_modules above cwd, and scoped names as themselves', async () => {
    install('tmux-orc-detector-mycli', body('mycli'));
    install('@acme/tmux-orc-detector-other', body('other'));
    expect((await loadDetector('mycli', {}, { cwd: project })).id).toBe('mycli');
    expect((await loadDetector('@acme/tmux-orc-detector-other', {}, { cwd: project })).id).toBe('other');
  });

  it('lists every place it looked for a name found nowhere, and never imports a bare name as is', async () => {
    install('left-pad', body('left-pad'));
    const error = await loadError('left-pad', {}, project);
    expect(error.code).toBe('DETECTOR_NOT_FOUND');
    expect(error.looked).toEqual([
      "`@tmux-orc/detector-left-pad` from tmux-orc's own dependencies",
      `\`@tmux-orc/detector-left-pad\` from ${project}`,
      "`tmux-orc-detector-left-pad` from tmux-orc's own dependencies",
      `\`tmux-orc-detector-left-pad\` from ${project}`,
    ]);
    expect(error.message).toBe(`Expected detector \`left-pad\` to be an installed plugin, found none; looked for ${error.looked.join(', ')}`);
  });
});
