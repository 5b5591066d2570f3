import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedWith } from './__fixtures__/static-imports.js';

const src = dirname(fileURLToPath(import.meta.url));
const root = resolve(src, '../../..');

describe('the detached daemon (daemon-main.ts)', () => {
  const { files, packages } = loadedWith(join(src, 'daemon-main.ts'), { followWorkspace: true });

  it('loads neither the config package nor zod, yaml, commander or the table renderer: its configuration comes on stdin', () => {
    expect([...files].filter((file) => file.includes('/packages/config/'))).toEqual([]);
    expect([...packages].filter((name) => ['zod', 'yaml', 'commander', 'cli-table3', 'execa'].includes(name))).toEqual([]);
  });

  it('does load the monitor and the daemon (the walk follows workspace packages)', () => {
    expect(files).toContain(join(root, 'packages/monitor/src/create-monitor.ts'));
    expect(files).toContain(join(src, 'daemon/api-server.ts'));
    expect(packages).toContain('pino');
  });
});
