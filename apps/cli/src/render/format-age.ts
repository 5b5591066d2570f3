/** `42s`, `3m05s`, `2h07m`: how long ago `iso` was, at `now`. */
export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return '-';
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** Milliseconds with one decimal, or `-`. */
export function formatMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '-' : `${ms.toFixed(1)} ms`;
}
