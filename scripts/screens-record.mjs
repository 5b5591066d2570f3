#!/usr/bin/env node
// pnpm screens:record --cli claude-code --version X [--skip-live]
//
// Makes X the second pinned Claude Code (testkit's devDependency alias
// `@anthropic-ai/claude-code-latest`, installed next to the first pin), records its fixture corpus
// into packages/health-checker/src/__fixtures__/claude-code-X/, runs the live detection test on
// both pins with TMUX_ORC_WRITE_PROOFS=1 (which writes what each version proved) and regenerates
// the README's detection table. Exits non-zero, saying which step failed, when one does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testkitManifest = join(root, 'packages/testkit/package.json');
const ALIAS = '@anthropic-ai/claude-code-latest';
const PINNED = '@anthropic-ai/claude-code';

function fail(message) {
  process.stderr.write(`screens:record: ${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { cli: { type: 'string' }, version: { type: 'string' }, 'skip-live': { type: 'boolean', default: false } } }));
} catch (cause) {
  fail(`${cause.message}; usage: pnpm screens:record --cli claude-code --version X [--skip-live]`);
}
if (values.cli !== 'claude-code') {
  fail(`Expected --cli to be \`claude-code\` (Codex and Gemini CLI record with their own recorders, see packages/testkit), got \`${values.cli ?? ''}\``);
}
if (!/^\d+\.\d+\.\d+$/.test(values.version ?? '')) fail(`Expected --version to be a version like \`2.1.332\`, got \`${values.version ?? ''}\``);
const version = values.version;

/** Runs one step; a failed step ends the script, unless `keepGoing` (then it returns false). */
function run(step, command, args, env = {}, keepGoing = false) {
  process.stdout.write(`screens:record: ${step}: ${command} ${args.join(' ')}\n`);
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    return true;
  } catch (cause) {
    const why = `${step} failed (${cause.status === null ? cause.signal : `exit ${cause.status}`})`;
    if (!keepGoing) fail(why);
    process.stderr.write(`screens:record: ${why}\n`);
    return false;
  }
}

const devDependencies = JSON.parse(readFileSync(testkitManifest, 'utf8')).devDependencies ?? {};
const pinned = devDependencies[PINNED];
const second = devDependencies[ALIAS];
const pin = version === pinned ? 'pinned' : 'newest';
if (pin === 'newest' && second !== `npm:${PINNED}@${version}`) {
  // The registry's own client installs it; the lockfile records the new pin.
  run('install', 'pnpm', ['--filter', '@tmux-orc/testkit', 'add', '--save-dev', '--save-exact', `${ALIAS}@npm:${PINNED}@${version}`]);
}
const recorder = ['--filter', '@tmux-orc/testkit', 'exec', 'tsx', '--conditions=source'];
run('record', 'pnpm', [...recorder, 'src/claude-code/record-screens.ts', '--pin', pin]);
run('record live-only screens', 'pnpm', [...recorder, '../health-checker/src/__fixtures__/live/record-live-only-screens.ts', '--pin', pin]);
// A case that fails live is left out of the record (and so of the table), which is rendered anyway.
const proven = values['skip-live'] || run('live detection', 'pnpm', ['exec', 'vitest', 'run', 'packages/health-checker/src/claude-code-live-detection.test.ts'], { TMUX_ORC_WRITE_PROOFS: '1' }, true);
run('detection table', 'pnpm', ['--silent', 'detection-table']);
if (!proven) fail(`Claude Code ${version} recorded, but live cases failed: they are missing from its record and the table (see above)`);
process.stdout.write(`screens:record: Claude Code ${version} recorded and proven (pin: ${pin}); review the fixtures' diff and the detection table\n`);
