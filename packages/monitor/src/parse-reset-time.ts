const unitMs: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000 };

/** The wall-clock fields of `at` in `timeZone` (undefined: the system's zone). */
function wallClock(at: number, timeZone: string | undefined): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/** Offset (ms) of `timeZone` from UTC at `at`. */
function zoneOffset(at: number, timeZone: string | undefined): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The next time after `now` the clock in `timeZone` shows `hour:minute`. */
function nextWallTime(now: number, hour: number, minute: number, timeZone: string | undefined): number {
  const today = wallClock(now, timeZone);
  for (let dayOffset = 0; dayOffset <= 1; dayOffset++) {
    const naive = Date.UTC(today.year, today.month - 1, today.day + dayOffset, hour, minute);
    const candidate = naive - zoneOffset(naive - zoneOffset(naive, timeZone), timeZone);
    if (candidate > now) return candidate;
  }
  return Date.UTC(today.year, today.month - 1, today.day + 1, hour, minute) - zoneOffset(now, timeZone);
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a rate-limit reset time as agents show it — `in 5 minutes`, `in 32s`, `3pm (Europe/Paris)`,
 * `3:28 PM`, `15:00`, an ISO date — into ms since the epoch, the next such moment after `now`.
 * A clock time without a zone is read in the system's zone. Returns undefined when it cannot tell.
 */
export function parseResetTime(text: string, now: number): number | undefined {
  const trimmed = text.trim();
  const relative = /\bin\s+(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b/i.exec(trimmed);
  if (relative?.[1] !== undefined && relative[2] !== undefined) {
    const unit = unitMs[relative[2].toLowerCase().charAt(0)] ?? 1_000;
    return now + Math.round(Number(relative[1]) * unit);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : at;
  }
  const clock = /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b(?:\s*\(([^)]+)\))?/i.exec(trimmed);
  if (clock?.[1] === undefined) return undefined;
  const meridiem = clock[3]?.toLowerCase();
  if (clock[2] === undefined && meridiem === undefined) return undefined;
  let hour = Number(clock[1]);
  const minute = Number(clock[2] ?? 0);
  if (minute > 59 || hour > 23 || (meridiem !== undefined && (hour < 1 || hour > 12))) return undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const zone = clock[4]?.trim();
  if (zone !== undefined && !validZone(zone)) return undefined;
  return nextWallTime(now, hour, minute, zone);
}
