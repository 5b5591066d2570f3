import { splitAtPromptBox } from '../prompt-box.js';

/**
 * The regions of a Gemini CLI screen around its composer (the input area at the bottom).
 *
 * Gemini CLI 0.61 draws no box: the status line (`⠏ Thinking... (esc to cancel, 3s)` or just
 * `? for shortcuts`), a full-width `────` rule, a mode line (`Shift+Tab to accept edits`, `YOLO
 * mode …`), then ` >   Type your message or @path/to/file` between blank (or `▄▄▄`/`▀▀▀`) rows,
 * then the workspace/sandbox/model footer. Releases before it drew a bordered box (`╭───╮`,
 * `│ > … │`, `╰───╯`); both are read here.
 */
export interface GeminiComposer {
  /** Lines above the composer: the conversation, ending with the status line. */
  readonly above: readonly string[];
  /** The status line just above the rule (0.61), or null (bordered box, or none drawn). */
  readonly statusLine: string | null;
  /** Text in the input, lines joined with `\n`; '' when empty or showing the placeholder. */
  readonly typed: string;
  /** The input line as drawn. */
  readonly promptLine: string;
}

const rule = /^\s*─{8,}\s*$/u;
const inputLine = /^\s?[>!*]\s{1,3}(.*)$/u;
const placeholder = /^Type your message or @path\/to\/file$/u;
// Rows drawn around the input in the input's background colour: blank, or half blocks.
const paddingRow = /^[\s▄▀]*$/u;
/** How far up from the bottom the rule is looked for: mode line, input, a slash-command menu (up to 10 rows), footer. */
const searchDepth = 26;

function withoutPlaceholder(text: string): string {
  return placeholder.test(text.trim()) ? '' : text;
}

function flatComposer(lines: readonly string[]): GeminiComposer | null {
  for (let at = lines.length - 1; at >= Math.max(0, lines.length - searchDepth); at -= 1) {
    if (!rule.test(lines[at] ?? '')) continue;
    // The input line follows the mode line (and padding rows) within a few lines of the rule.
    for (let input = at + 1; input < Math.min(lines.length, at + 5); input += 1) {
      const match = inputLine.exec(lines[input] ?? '');
      if (match === null) continue;
      const continued: string[] = [];
      for (let next = input + 1; next < lines.length && !paddingRow.test(lines[next] ?? ''); next += 1) continued.push((lines[next] ?? '').trim());
      const typed = withoutPlaceholder([(match[1] ?? '').trim(), ...continued].join('\n').trim());
      const above = lines.slice(0, at);
      const status = [...above].reverse().find((line) => line.trim() !== '');
      return { above, statusLine: status?.trim() ?? null, typed, promptLine: (lines[input] ?? '').trim() };
    }
    return null;
  }
  return null;
}

/** Finds the composer of a Gemini CLI screen (flat 0.61 layout, else a bordered box); null when none is drawn (a dialog replaces it). */
export function findGeminiComposer(lines: readonly string[]): GeminiComposer | null {
  const flat = flatComposer(lines);
  if (flat !== null) return flat;
  const box = splitAtPromptBox(lines);
  if (box.typed === null || box.promptLine === null) return null;
  return { above: box.above, statusLine: null, typed: withoutPlaceholder(box.typed), promptLine: box.promptLine };
}
