import { withoutRightBorder } from './screen-lines.js';

/**
 * The three regions of a screen drawn around a bordered prompt box (Claude Code, Gemini CLI):
 * the conversation ABOVE the box (where activity shows), the box itself (typed text), and the
 * permanent footer under it (`? for shortcuts`, `bypass permissions on`, model/context lines),
 * which is never activity.
 */
export interface PromptBoxScreen {
  /** Lines above the box's top border; the whole screen when no box is drawn (e.g. a dialog). */
  readonly above: readonly string[];
  /** Text typed into the box, lines joined with `\n`; '' when empty; null when no box is drawn. */
  readonly typed: string | null;
  /** The box's prompt line as drawn, when there is a box. */
  readonly promptLine: string | null;
  /** Lines under the box's bottom border. */
  readonly footer: readonly string[];
}

// Box borders: the rounded box of 1.x (`╭───`, `╰───`) and the bare rules of 2.x (`────`).
const border = /^\s*(?:[╭╰]─|─{8,}|━{8,})/u;
const promptStart = /^\s*(?:│\s*)?[>❯›]\s?/u;

/** How far up from the bottom the prompt box is looked for: footers are a few lines, dialogs more. */
const searchDepth = 40;

/** Splits a screen into its regions around the lowest prompt box; see {@link PromptBoxScreen}. */
export function splitAtPromptBox(lines: readonly string[]): PromptBoxScreen {
  const lowest = Math.max(0, lines.length - searchDepth);
  for (let top = lines.length - 2; top >= lowest; top -= 1) {
    if (!border.test(lines[top] ?? '') || !promptStart.test(lines[top + 1] ?? '')) continue;
    let bottom = top + 2;
    while (bottom < lines.length && !border.test(lines[bottom] ?? '')) bottom += 1;
    const content = lines.slice(top + 1, bottom).map((line, index) => {
      const withoutSide = withoutRightBorder(line.replace(/^\s*│/u, ''));
      return index === 0 ? withoutSide.replace(/^\s*[>❯›]\s?/u, '') : withoutSide;
    });
    return {
      above: lines.slice(0, top),
      typed: content.map((line) => line.trim()).join('\n').trim(),
      promptLine: (lines[top + 1] ?? '').trim(),
      footer: lines.slice(bottom + 1),
    };
  }
  return { above: lines, typed: null, promptLine: null, footer: [] };
}
