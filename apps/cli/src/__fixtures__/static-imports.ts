import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root (this file is apps/cli/src/__fixtures__/static-imports.ts). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

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

/** The specifiers a TypeScript source imports at load time: static, value imports and re-exports (not `import()`). */
export function staticImports(text: string, fileName = 'module.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest);
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

/** `@scope/name` or `name`: the package a bare specifier names. */
function packageOf(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
}

/**
 * Every file and outside package loaded when `entry` is, following static imports only. With
 * `followWorkspace`, a `@tmux-orc/*` package is walked into (its source entry) instead of counted.
 */
export function loadedWith(entry: string, options: { readonly followWorkspace: boolean }): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'), file)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (specifier.startsWith('node:')) continue;
      else {
        const workspace = options.followWorkspace ? workspaceEntry(specifier) : undefined;
        if (workspace !== undefined) queue.push(workspace);
        else packages.add(packageOf(specifier));
      }
    }
  }
  return { files, packages };
}
