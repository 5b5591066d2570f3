import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from './defaults.js';
import { envBindings } from './env-layers.js';
import { listLeaves } from './key-path.js';
import { configSchema } from './schema.js';
import { durationBoundsAt } from './schema-keys.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const keyRows = new Map(
  [...readme.matchAll(/^\| `([a-z_.]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
);

describe('README', () => {
  it('documents every key with its real default', () => {
    const documented = Object.fromEntries(keyRows);
    const actual = Object.fromEntries(
      listLeaves(createDefaultConfig('<home>')).map(([path, value]) => [
        path,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    expect(documented).toEqual(actual);
  });

  it('states the range of every duration, and none for other keys', () => {
    const ranges = new Map([...readme.matchAll(/^\| `([a-z_.]+)` \| `[^`]*` \|([^|]*)\|/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
    const expected = new Map(
      listLeaves(createDefaultConfig('<home>')).map(([path, value]) => {
        const inList = Array.isArray(value) && typeof value[0] === 'number' ? [0] : [];
        const bounds = durationBoundsAt(configSchema, [...path.split('.'), ...inList]);
        return [path, bounds === undefined ? '' : `${bounds.min}–${bounds.max}`];
      }),
    );
    expect(Object.fromEntries(ranges)).toEqual(Object.fromEntries(expected));
    expect(ranges.get('monitoring.check_interval')).toBe('0.1–86400');
  });

  it('documents every environment variable', () => {
    for (const { name } of envBindings) expect(readme).toContain(`| \`${name}\` |`);
  });
});
