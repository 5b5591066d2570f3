// Release metadata of every public package (issue 14 #6): a description, keywords, a license,
// `engines.node` ">=20", public access, a README whose first lines are its install command, a
// CHANGELOG, and no repository/homepage/bugs URL — there is no public repository yet (README,
// "Releases"), and an invented one would send users nowhere. Prints one line per problem; exit 1 on any.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const problems = [];
let checked = 0;
for (const group of ['packages', 'apps']) {
  for (const dir of readdirSync(join(root, group))) {
    const at = join(root, group, dir);
    if (!existsSync(join(at, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8'));
    if (manifest.private === true) continue;
    checked += 1;
    const say = (what) => problems.push(`${manifest.name} (${group}/${dir}): ${what}`);
    if (typeof manifest.description !== 'string' || manifest.description.length < 10) say(`expected a description, got ${JSON.stringify(manifest.description)}`);
    if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) say(`expected keywords, got ${JSON.stringify(manifest.keywords)}`);
    if (typeof manifest.license !== 'string') say('expected a license');
    if (manifest.engines?.node !== '>=20') say(`expected engines.node ">=20", got ${JSON.stringify(manifest.engines?.node)}`);
    if (manifest.publishConfig?.access !== 'public') say('expected publishConfig.access "public"');
    for (const key of ['repository', 'homepage', 'bugs']) if (key in manifest) say(`expected no \`${key}\` until a public repository exists, got ${JSON.stringify(manifest[key])}`);
    const readme = existsSync(join(at, 'README.md')) ? readFileSync(join(at, 'README.md'), 'utf8').split('\n').slice(0, 6).join('\n') : '';
    if (!new RegExp(`npm (i|install)( -g)? ${manifest.name.replace(/[/@.-]/g, '\\$&')}\\b`).test(readme)) say('expected README.md to start with its install line (`npm install <name>`)');
    if (!existsSync(join(at, 'CHANGELOG.md'))) say('expected a CHANGELOG.md');
  }
}
for (const problem of problems) console.log(problem);
console.log(`package metadata: ${checked} public packages checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length === 0 ? 0 : 1);
