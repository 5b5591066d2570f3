/**
 * A URL safe for logs: scheme, host and port only (`https://hooks.slack.com/…`). Paths, queries
 * and user info are where webhook tokens live, so none of them is ever logged.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '<invalid url>';
  }
}
