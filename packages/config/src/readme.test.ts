import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from './defaults.js';
import { envBindings } from './env-layers.js';
import { listLeaves } from './key-path.js';

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

  it('documents every environment variable', () => {
    for (const { name } of envBindings) expect(readme).toContain(`| \`${name}\` |`);
  });
});
