/**
 * What tmux prints when its server is not there: never started, killed, or gone while a client
 * talked to it (`no server running on …`, `error connecting to …`, `server exited`, `lost server`).
 */
const SERVER_GONE = /no server running|error connecting|server exited|lost server|connection refused/i;

/**
 * True when `text` (a tmux client's stderr or `%exit` reason) says the server is not running.
 * The one place this package decides "server gone" from tmux's words; everything else reads the
 * resulting `TMUX_SERVER_GONE` code.
 */
export function saysServerGone(text: string): boolean {
  return SERVER_GONE.test(text);
}
