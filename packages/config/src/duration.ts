import * as z from 'zod';

/**
 * The longest delay Node's `setTimeout` honours, in seconds: 2^31-1 ms (about 24.8 days). A longer
 * one fires at once, so a duration above it turns a wait into a busy loop.
 */
export const maxTimerSeconds = (2 ** 31 - 1) / 1000;

/** The range a duration key accepts, in seconds, both ends included. */
export interface DurationBounds {
  readonly min: number;
  readonly max: number;
}

/** One day and one week, the usual upper bounds. */
export const daySeconds = 86_400;
export const weekSeconds = 7 * daySeconds;

const boundsBySchema = new WeakMap<z.core.$ZodType, DurationBounds>();

/**
 * A number of seconds within `bounds`. Every duration in the schema is one, so none can overflow
 * a timer or spin a loop; {@link durationBoundsOf} finds the bounds again for error messages.
 */
export function duration(bounds: DurationBounds): z.ZodNumber {
  if (!(bounds.min >= 0 && bounds.min <= bounds.max && bounds.max <= maxTimerSeconds)) {
    throw new RangeError(
      `Expected duration bounds with 0 <= min <= max <= ${maxTimerSeconds}, got min ${bounds.min} and max ${bounds.max}`,
    );
  }
  const schema = z.number().min(bounds.min).max(bounds.max);
  boundsBySchema.set(schema, bounds);
  return schema;
}

/** The bounds of a schema made by {@link duration}, else `undefined`. */
export function durationBoundsOf(schema: z.core.$ZodType): DurationBounds | undefined {
  return boundsBySchema.get(schema);
}

/** `a number of seconds from 0.1 to 86400`: how errors and the README state a duration's bounds. */
export function describeDurationBounds(bounds: DurationBounds): string {
  return `a number of seconds from ${bounds.min} to ${bounds.max}`;
}
