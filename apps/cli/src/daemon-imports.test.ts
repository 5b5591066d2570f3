import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));
const root = resolve(src, '../../..');

/** True when an import or export declaration brings no value at run time (TypeScript erases it). */
function typeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
  }
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
}

/** The specifiers a file imports at load time: static, value imports and re-exports (not `import()`). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || typeOnly(statement)) return [];
    return [specifier.text];
  });
}

/** A workspace package's source entry (its `source` export condition), e.g. `@tmux-orc/monitor`. */
function workspaceEntry(specifier: string): string | undefined {
  const [scope, name, ...rest] = specifier.split('/');
  if (scope !== '@tmux-orc' || name === undefined) return undefined;
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'package.json'))) return undefined;
  const exports = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: Record<string, { source: string }> }).exports;
  const entry = exports[rest.length === 0 ? '.' : `./${rest.join('/')}`]?.source;
  return entry === undefined ? undefined : join(dir, entry);
}

/** Every file and outside package loaded when `entry` is, following static imports only. */
function loadedWith(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (specifier.startsWith('node:')) continue;
      else {
        const workspace = workspaceEntry(specifier);
        if (workspace !== undefined) queue.push(workspace);
        else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
      }
    }
  }
  return { files, packages };
}

describe('the detached daemon (daemon-main.ts)', () => {
  const { files, packages } = loadedWith(join(src, 'daemon-main.ts'));

  it('loads neither the config package nor zod, yaml, commander or the table renderer: its configuration comes on stdin', () => {
    expect([...files].filter((file) => file.includes('/packages/config/'))).toEqual([]);
    expect([...packages].filter((name) => ['zod', 'yaml', 'commander', 'cli-table3', 'execa'].includes(name))).toEqual([]);
  });

  it('does load the monitor and the daemon (the walk follows workspace packages)', () => {
    expect(files).toContain(join(root, 'packages/monitor/src/create-monitor.ts'));
    expect(files).toContain(join(src, 'daemon/api-server.ts'));
    expect(packages).toContain('pino');
  });
});
