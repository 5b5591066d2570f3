import type { DetectorPane } from '../detector-pane.js';

/**
 * A pane as the monitor hands it to a detector: alive, `currentCommand` `node`, no title, no agent
 * option, unless `overrides` says otherwise.
 *
 * @example
 * detector.classify(screen, testDetectorPane({ currentCommand: 'opencode' }));
 */
export function testDetectorPane(overrides: Partial<DetectorPane> = {}): DetectorPane {
  return { dead: false, deadStatus: null, currentCommand: 'node', title: '', agentOption: null, ...overrides };
}

/**
 * A screen as `capture-pane -p -J` gives it: `lines`, then blank rows up to `rows` (the pane's
 * height; default: no padding), each line cut at `columns` when given.
 *
 * @example
 * const screen = testScreen(['┃ Build  claude-sonnet', '', '  ctrl+p commands'], { rows: 24, columns: 80 });
 */
export function testScreen(lines: readonly string[], size: { readonly rows?: number; readonly columns?: number } = {}): string {
  const cut = size.columns === undefined ? [...lines] : lines.map((line) => [...line].slice(0, size.columns).join(''));
  while (size.rows !== undefined && cut.length < size.rows) cut.push('');
  return cut.join('\n');
}
