// Builds the dashboard page into dist/dashboard-page/: one JavaScript bundle (Preact included,
// minified), one stylesheet, the HTML. No CDN, no inline script or style: the CSP forbids them.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(cli, 'src/dashboard-page');
const out = join(cli, 'dist/dashboard-page');
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(source, 'main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome111', 'firefox111', 'safari16.4'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: join(source, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
});
await build({ entryPoints: [join(source, 'app.css')], outfile: join(out, 'app.css'), bundle: true, minify: true, logLevel: 'warning' });
await copyFile(join(source, 'index.html'), join(out, 'index.html'));
if (process.argv.includes('--sizes')) {
  for (const name of ['index.html', 'app.js', 'app.css']) {
    const file = join(out, name);
    console.log(`${name}: ${(await stat(file)).size} bytes, ${gzipSync(await readFile(file)).length} gzipped`);
  }
}
