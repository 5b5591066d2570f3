import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every regex here runs on every line of every captured screen, each cycle, for up to 1000 panes.
// One with super-linear backtracking (`/^\s*│?\s*[❯>]/` on a 120-column blank run) took the
// largest share of a 100-pane cycle's CPU. scslre finds such regexes statically.
const srcDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function regexLiterals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('regexes that read screens', () => {
  const files = sourceFiles(srcDir);

  it('finds the detectors and their regexes', () => {
    const literals = files.flatMap(regexLiterals);
    expect(files.some((file) => file.endsWith(join('detectors', 'claude-code.ts')))).toBe(true);
    expect(literals.length).toBeGreaterThan(50);
  });

  it('has no regex with super-linear backtracking', () => {
    const parser = new RegExpParser({ ecmaVersion: 2024 });
    const slow = files.flatMap((file) =>
      regexLiterals(file).flatMap(({ line, text }) =>
        analyse(parser.parseLiteral(text)).reports.map((report) => `${relative(srcDir, file)}:${line} ${report.type} ${text}`),
      ),
    );
    expect(slow).toEqual([]);
  });

  it('would catch the regex that was slow', () => {
    const parser = new RegExpParser({ ecmaVersion: 2024 });
    expect(analyse(parser.parseLiteral('/^\\s*│?\\s*[❯>]\\s*\\d+\\.\\s+\\S/u')).reports).not.toEqual([]);
  });
});
