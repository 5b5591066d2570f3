import { LayeredCacheError } from './layered-cache-error.js';
import { strategies } from './layer-options.js';

const layerOptionNames = new Set(['strategy', 'max', 'ttl', 'maxSize', 'sizeOf']);

/** Renders a received value for an error message: `-1`, `"lfu"`, `undefined`, `an object`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `\`${JSON.stringify(value)}\``;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return `\`${String(value)}\``;
  }
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return `\`${typeof value}\``;
}

function invalid(path: string, expected: string, actual: unknown): LayeredCacheError {
  return new LayeredCacheError('INVALID_OPTION', `Expected \`${path}\` to be ${expected}, got ${describe(actual)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function validateLayer(name: string, layer: unknown): void {
  const path = `layers.${name}`;
  if (!isRecord(layer)) throw invalid(path, 'an object', layer);
  for (const option of Object.keys(layer)) {
    if (!layerOptionNames.has(option)) {
      throw invalid(`${path}.${option}`, `absent (known options: ${[...layerOptionNames].join(', ')})`, layer[option]);
    }
  }
  const { strategy, max, ttl, maxSize, sizeOf } = layer;
  if (typeof strategy !== 'string' || !(strategies as readonly string[]).includes(strategy)) {
    throw invalid(`${path}.strategy`, `one of ${strategies.map((s) => `"${s}"`).join(', ')}`, strategy);
  }
  if (!isPositiveInteger(max)) throw invalid(`${path}.max`, 'a positive integer', max);
  if (strategy === 'ttl' && ttl === undefined) {
    throw invalid(`${path}.ttl`, 'a positive integer (milliseconds) when `strategy` is "ttl"', ttl);
  }
  if (ttl !== undefined && !isPositiveInteger(ttl)) {
    throw invalid(`${path}.ttl`, 'a positive integer (milliseconds)', ttl);
  }
  if (maxSize !== undefined && !isPositiveInteger(maxSize)) {
    throw invalid(`${path}.maxSize`, 'a positive integer', maxSize);
  }
  if (sizeOf !== undefined) {
    if (typeof sizeOf !== 'function') throw invalid(`${path}.sizeOf`, 'a function', sizeOf);
    if (maxSize === undefined) {
      throw invalid(`${path}.maxSize`, 'a positive integer when `sizeOf` is given', maxSize);
    }
  }
}

/**
 * Rejects invalid options at construction, naming the option, the expected and the actual value.
 *
 * @throws {LayeredCacheError} with code `INVALID_OPTION`.
 */
export function validateLayeredCacheOptions(options: unknown): void {
  if (!isRecord(options)) throw invalid('options', 'an object', options);
  const { layers, clock } = options;
  if (!isRecord(layers)) throw invalid('layers', 'an object of layer options', layers);
  const names = Object.keys(layers);
  if (names.length === 0) throw invalid('layers', 'an object with at least one layer', layers);
  for (const name of names) {
    if (name.length === 0) throw invalid('layers', 'keyed by non-empty layer names', name);
    validateLayer(name, layers[name]);
  }
  // `performance`, `Date` and `{ now: () => t }` all qualify.
  const hasNow =
    (typeof clock === 'object' || typeof clock === 'function') &&
    clock !== null &&
    typeof (clock as { now?: unknown }).now === 'function';
  if (clock !== undefined && !hasNow) {
    throw invalid('clock', 'an object with a `now()` method', clock);
  }
}
