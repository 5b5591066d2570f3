const rule = /^\s*─{8,}\s*$/u;
const inputLine = /^ [>*!]\s{1,3}(.*)$/u;

/**
 * The text in Gemini CLI's input line (the ` > ` line a few rows under the bare `────` rule), or
 * null when no composer is drawn (a dialog replaces it). The transcript's own ` > prompt` lines sit
 * above the rule and are not it.
 */
export function geminiInputText(screen: string): string | null {
  const lines = screen.split('\n');
  const at = lines.findLastIndex((line) => rule.test(line));
  if (at < 0) return null;
  for (const line of lines.slice(at + 1, at + 5)) {
    const match = inputLine.exec(line.trimEnd());
    if (match !== null) return (match[1] ?? '').trim();
  }
  return null;
}
