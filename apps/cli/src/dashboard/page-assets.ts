import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DashboardError } from './dashboard-error.js';

/** One file of the page, ready to send. */
export interface PageAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** Where the built page lives: `dist/dashboard-page/`, next to the compiled `dist/dashboard/`. */
export const defaultPageDir: string = fileURLToPath(new URL('../dashboard-page/', import.meta.url));

const files: Readonly<Record<string, string>> = {
  '/': 'text/html; charset=utf-8',
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
};

/** Reads the page's three files (built by `scripts/build-page.mjs`); fails naming the missing file. */
export async function loadPageAssets(dir: string = defaultPageDir): Promise<ReadonlyMap<string, PageAsset>> {
  const assets = new Map<string, PageAsset>();
  for (const [path, contentType] of Object.entries(files)) {
    const file = `${dir}${path === '/' ? 'index.html' : path.slice(1)}`;
    try {
      assets.set(path, { contentType, body: await readFile(file) });
    } catch (error) {
      throw new DashboardError('PAGE_MISSING', `Expected the dashboard page at ${file} (built by apps/cli/scripts/build-page.mjs), got: ${String(error)}`, { cause: error });
    }
  }
  return assets;
}
