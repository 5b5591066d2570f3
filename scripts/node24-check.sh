#!/usr/bin/env bash
# The named Node 24 subset: one or more test files of every package, run by vitest under Node 24
# (the npm `node@24` package, installed into a scratch prefix; vitest's workers use that node).
# Node 20 runs the whole suite; `engines` stays >=20. Prints "node24: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(mktemp -d "${TMPDIR:-/tmp}/tmux-orc-node24-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
files=(
  packages/clock/src/manual-clock.test.ts
  packages/config/src/load-config.test.ts
  packages/tmux-pool/src/pool.test.ts
  packages/layered-cache/src/layered-cache.test.ts
  packages/health-checker/src/checkers.integration.test.ts
  packages/strategies/src/strategies.integration.test.ts
  packages/strategy-adaptive/src/adaptive.integration.test.ts
  packages/monitor/src/monitor.integration.test.ts
  packages/sim-fleet/src/tmux-sandbox.test.ts
  apps/cli/src/commands/strategy-options-check.test.ts
  apps/benchmark/src/exports.test.ts
)
if ! npm install --no-audit --no-fund --loglevel=error --prefix "$prefix" node@24 >/dev/null 2>&1; then
  echo "node24: 0 passed, 1 failed (npm install node@24 failed)"
  exit 1
fi
cd "$root" || exit 1
report="$prefix/report.json"
PATH="$prefix/node_modules/.bin:$PATH" node --version
PATH="$prefix/node_modules/.bin:$PATH" node node_modules/vitest/vitest.mjs run --reporter=dot --reporter=json --outputFile.json="$report" "${files[@]}"
status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`node24: ${r.numPassedTests} passed, ${r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0)} failed`);
' "$report" 2>/dev/null || echo "node24: 0 passed, 1 failed (no report)"
exit $status
