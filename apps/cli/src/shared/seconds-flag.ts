import { maxTimerSeconds } from '@tmux-orc/config';

/** The range a seconds flag accepts, both ends included. */
export interface SecondsBounds {
  readonly min: number;
  readonly max: number;
}

/** Default bounds: a tenth of a second (a shorter wait only spins) to the longest `setTimeout` honours. */
export const timerSecondsBounds: SecondsBounds = { min: 0.1, max: maxTimerSeconds };

/**
 * Parses a flag given in seconds, or returns the message that names the flag, the range and what
 * was given (`--interval: expected a number of seconds from 0.1 to 2147483.647, got \`3e9\``). A value
 * past `maxTimerSeconds` would make Node fire the timer at once, turning a wait into a busy loop.
 */
export function parseSecondsFlag(flag: string, text: string, bounds: SecondsBounds = timerSecondsBounds): number | string {
  const value = Number(text);
  if (text.trim() !== '' && Number.isFinite(value) && value >= bounds.min && value <= bounds.max) return value;
  return `--${flag}: expected a number of seconds from ${bounds.min} to ${bounds.max}, got \`${text}\``;
}
