import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Which folder of `src/` may import which. The daemon process and the commands that talk to it
 * (`client/`) share only `shared/`; `commands/` may start the daemon in this process
 * (`monitor run`) or serve its API (`demo`) through the two entry files named here, nothing else
 * of it. Top-level files (`bin.ts`, `program.ts`) wire the commands together.
 */
const allowed: Readonly<Record<string, readonly string[]>> = {
  // `daemon-main.ts` is the detached daemon's own entry: it runs the daemon, with nothing of the commands.
  '.': ['.', 'commands', 'shared', 'daemon/run-daemon'],
  commands: ['commands', 'client', 'shared', 'render', 'demo', 'dashboard', 'daemon/run-daemon', 'daemon/api-server'],
  client: ['client', 'shared'],
  daemon: ['daemon', 'shared'],
  shared: ['shared'],
  render: ['render', 'shared'],
  demo: ['demo', 'shared'],
  // A client of the daemon's API; without a daemon it renders `/metrics` itself, as the daemon does.
  dashboard: ['dashboard', 'client', 'shared', 'daemon/prometheus-metrics'],
  // The browser page: bundled on its own, it imports nothing of the Node side.
  'dashboard-page': ['dashboard-page'],
};

/** Test harnesses drive the built CLI from outside: their folders may import anything in `src/`. */
const testFolders = new Set(['faults', '__fixtures__']);

const src = dirname(fileURLToPath(import.meta.url));

/** One relative import that breaks {@link allowed}, as `file: import 'specifier' (why)`. */
export function forbiddenImport(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const from = file.split('/');
  const folder = from.length === 1 ? '.' : (from[0] ?? '.');
  const target = relative(src, resolve(src, dirname(file), specifier)).replace(/\.js$/, '');
  const say = (why: string) => `${file}: import '${specifier}' (${why})`;
  // The package's own manifest (the version `--version` prints) is the one file outside src it reads.
  if (target === '../package.json') return null;
  if (target.startsWith('..')) return say('leaves apps/cli/src; import the package by name');
  const isTest = file.endsWith('.test.ts') || file.includes('__fixtures__/');
  if (target.split('/').includes('__fixtures__')) return isTest ? null : say('test fixtures are not built; only tests may import them');
  if (testFolders.has(folder)) return null;
  const targetFolder = target.includes('/') ? (target.split('/')[0] ?? '.') : '.';
  const rules = allowed[folder];
  if (rules === undefined) return say(`${folder}/ has no import rule; add one to import-directions.test.ts`);
  if (rules.includes(targetFolder) || rules.includes(target)) return null;
  return say(`${folder}/ may import only ${rules.map((rule) => (rule.includes('/') ? rule : `${rule}/`)).join(', ')}; got ${target}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(src, path)] : [];
  });
}

/** Every module specifier of a file: static imports, `export … from` and `import()`. */
function specifiersOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(src, file), 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

describe('import directions in apps/cli/src', () => {
  it('finds every file and its imports', () => {
    const files = sourceFiles(src);
    expect(files).toContain('daemon/run-daemon.ts');
    expect(files).toContain('client/one-shot-status.ts');
    expect(specifiersOf('daemon/run-daemon.ts')).toContain('./api-server.js');
  });

  it('no file imports against the allowed directions', () => {
    const problems = sourceFiles(src).flatMap((file) => specifiersOf(file).flatMap((specifier) => forbiddenImport(file, specifier) ?? []));
    expect(problems).toEqual([]);
  });

  it('names the file and the import that go the wrong way', () => {
    expect(forbiddenImport('daemon/run-daemon.ts', '../commands/config-io.js')).toBe(
      "daemon/run-daemon.ts: import '../commands/config-io.js' (daemon/ may import only daemon/, shared/; got commands/config-io)",
    );
    expect(forbiddenImport('daemon/api-server.ts', '../client/api-client.js')).toMatch(/^daemon\/api-server\.ts: .*got client\/api-client/);
    expect(forbiddenImport('client/find-monitor.ts', '../daemon/daemon-lock.js')).toMatch(/client\/ may import only client\/, shared\//);
    expect(forbiddenImport('shared/status-json.ts', '../daemon/claude-hooks.js')).toMatch(/shared\/ may import only shared\//);
    expect(forbiddenImport('commands/status.ts', '../daemon/claude-hooks.js')).toMatch(/got daemon\/claude-hooks/);
    expect(forbiddenImport('render/status-table.ts', '../../../../packages/config/src/index.js')).toMatch(/leaves apps\/cli\/src/);
    expect(forbiddenImport('daemon/run-daemon.ts', '../__fixtures__/cli-harness.js')).toMatch(/only tests may import them/);
    expect(forbiddenImport('newfolder/x.ts', '../shared/cli-error.js')).toMatch(/newfolder\/ has no import rule/);
  });

  it('lets each side use what it may', () => {
    expect(forbiddenImport('commands/monitor.ts', '../daemon/run-daemon.js')).toBeNull();
    expect(forbiddenImport('commands/status.ts', '../client/one-shot-status.js')).toBeNull();
    expect(forbiddenImport('daemon/api-server.ts', '../shared/status-json.js')).toBeNull();
    expect(forbiddenImport('daemon/daemon.test.ts', '../__fixtures__/cli-harness.js')).toBeNull();
    expect(forbiddenImport('client/api-client.ts', 'node:http')).toBeNull();
  });
});
