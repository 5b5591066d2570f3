import { stampMatches, type Stamp } from './stamp.js';

interface Flight<Value> {
  readonly stamp: Stamp | undefined;
  readonly promise: Promise<Value>;
  /** Set when a newer write, delete or invalidation made this compute's result outdated. */
  readonly control: { discarded: boolean };
}

/** Computes in progress for one layer, so concurrent callers of a key share one compute. */
export interface SingleFlight<Value> {
  /** The running compute for `key` that can answer `stamp`, if any. */
  join(key: string, stamp: Stamp | undefined): Promise<Value> | undefined;
  /**
   * Starts `compute` for `key`; on success `store` runs unless the flight was discarded meanwhile.
   * A failure is stored nowhere and reaches every caller of this flight.
   */
  start(
    key: string,
    stamp: Stamp | undefined,
    compute: () => Value | PromiseLike<Value>,
    store: (value: Value) => void,
  ): Promise<Value>;
  /** Forgets the running compute for `key`: its callers still get its result, the layer does not. */
  discard(key: string): void;
  /** Keys with a compute in progress. */
  keys(): string[];
}

/** Creates the single-flight registry of one layer. */
export function createSingleFlight<Value>(): SingleFlight<Value> {
  const flights = new Map<string, Flight<Value>>();

  function discard(key: string): void {
    const flight = flights.get(key);
    if (flight === undefined) return;
    flight.control.discarded = true;
    flights.delete(key);
  }

  return {
    join(key, stamp) {
      const flight = flights.get(key);
      return flight !== undefined && stampMatches(flight.stamp, stamp) ? flight.promise : undefined;
    },
    start(key, stamp, compute, store) {
      // A compute for another stamp is outdated by this one: latest request wins the slot.
      discard(key);
      const control = { discarded: false };
      const release = (): void => {
        if (flights.get(key)?.control === control) flights.delete(key);
      };
      // `new Promise` turns a synchronous throw of `compute` into a rejection like an async one.
      const promise = new Promise<Value>((resolve) => resolve(compute())).then(
        (value) => {
          release();
          if (!control.discarded) store(value);
          return value;
        },
        (error: unknown) => {
          release();
          throw error;
        },
      );
      flights.set(key, { stamp, promise, control });
      return promise;
    },
    discard,
    keys: () => [...flights.keys()],
  };
}
