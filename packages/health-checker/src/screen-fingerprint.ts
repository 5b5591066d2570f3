import { toScreenLines } from './screen-lines.js';

/**
 * A short fingerprint of what a screen shows (FNV-1a over the normalized lines), so the tracker
 * keeps one number per pane instead of whole screens. Trailing blanks and colours do not count.
 */
export function screenFingerprint(screen: string): string {
  const text = toScreenLines(screen).join('\n');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}:${String(text.length)}`;
}
