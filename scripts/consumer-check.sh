#!/usr/bin/env bash
# CI as a consumer: pack every public package (`pnpm -r pack`), install the tarballs with npm into
# a scratch project outside the workspace (third-party dependencies from the npm registry only),
# and run what a new user runs. Also publint and attw on every tarball, and the type tests.
# Prints one line per check and ends with "consumer: N passed, N failed". Needs `pnpm build` first.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tmux-orc-consumer-XXXXXX")
socket="tmux-orc-test-consumer-$$"
passed=0 failed=0
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  # A killed server can leave its socket file behind (one per run piled up in /tmp/tmux-UID).
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
  rm -rf "$work"
}
trap cleanup EXIT

# check NAME COMMAND…: runs COMMAND, its output in $work/last.log; counts and reports the result.
check() {
  local name=$1
  shift
  if "$@" >"$work/last.log" 2>&1; then
    passed=$((passed + 1))
    echo "consumer ✓ $name"
  else
    failed=$((failed + 1))
    echo "consumer ✗ $name"
    sed 's/^/    /' "$work/last.log" | tail -n 20
  fi
}
# expect_output PATTERN COMMAND…: COMMAND succeeds and prints PATTERN (grep -E).
expect_output() {
  local pattern=$1
  shift
  "$@" >"$work/out.log" 2>&1
  local status=$?
  cat "$work/out.log"
  [ "$status" -eq 0 ] && grep -Eq "$pattern" "$work/out.log"
}
# size DIR: "<packages> packages, <MB> MB" of DIR/node_modules.
size() {
  local count mb
  count=$(find "$1/node_modules" -name package.json -not -path '*/node_modules/*/node_modules/*/node_modules/*' -print0 |
    xargs -0 grep -l '"version"' | xargs -n 1 dirname | grep -Ec 'node_modules/(@[^/]+/)?[^/@]+$')
  mb=$(du -sm "$1/node_modules" | cut -f1)
  echo "$count packages, $mb MB"
}

mkdir -p "$work/tarballs" "$work/app" "$work/home"
cd "$root" || exit 1
check "pnpm -r pack (public packages)" pnpm -r --filter './packages/*' --filter './apps/*' --filter '!@tmux-orc/testkit' pack --pack-destination "$work/tarballs"
bench=$(ls "$work"/tarballs/tmux-orc-benchmark-*.tgz 2>/dev/null | head -n 1)
others=$(ls "$work"/tarballs/*.tgz | grep -v -- '-benchmark-')

for tarball in "$work"/tarballs/*.tgz; do
  check "publint --strict $(basename "$tarball")" pnpm exec publint --strict "$tarball"
  check "attw --profile esm-only $(basename "$tarball")" pnpm exec attw --profile esm-only --no-color "$tarball"
done
check "package metadata (description, keywords, engines, README install line, CHANGELOG, no invented URL)" node scripts/check-package-metadata.mjs
check "type tests (*-types.test.ts) compile" sh -c 'for p in $(ls packages/*/src/*-types.test.ts apps/*/src/*-types.test.ts 2>/dev/null | cut -d/ -f1-2 | sort -u); do pnpm exec tsc -p "$p/tsconfig.json" --noEmit || exit 1; done'

cd "$work/app" || exit 1
echo '{ "name": "consumer", "private": true }' >package.json
# shellcheck disable=SC2086 # one argument per tarball
check "npm install tmux-orc and the packages it needs, from tarballs" npm install --no-audit --no-fund --loglevel=error $others
echo "consumer: tmux-orc alone installs $(size "$work/app")"
export TMUX_ORC_HOME="$work/home" PATH="$work/app/node_modules/.bin:$PATH"
check "no vitest nor test kit installed" sh -c '! test -e node_modules/vitest && ! test -e node_modules/@tmux-orc/testkit'
check "tmux-orc --help" expect_output 'demo' tmux-orc --help
check "tmux-orc demo --cycles 2" expect_output 'cycle 2' tmux-orc demo --cycles 2 --agents 3 --interval 0.5
check "tmux-orc demo's hint names the installed command" sh -c 'tmux-orc demo --cycles 1 --agents 1 2>&1 | grep -q "another terminal:  tmux-orc status"'
tmux -L "$socket" -f /dev/null new-session -d -s team -n Claude-dev 'exec sh' && sleep 0.3
check "tmux-orc status -L <private server>" expect_output 'Claude-dev|team' tmux-orc status -L "$socket"
check "tmux-orc benchmark without @tmux-orc/benchmark says how to get it" sh -c '! tmux-orc benchmark --agents 1 2>err.log && grep -q "npm install -g @tmux-orc/benchmark" err.log && [ "$(wc -l <err.log)" -eq 1 ]'
check "npm install @tmux-orc/benchmark from its tarball" npm install --no-audit --no-fund --loglevel=error "$bench"
echo "consumer: tmux-orc with the benchmark installs $(size "$work/app")"
check "tmux-orc-bench --help" expect_output 'agents' tmux-orc-bench --help
check "tmux-orc benchmark --help with the benchmark installed" expect_output 'modes' tmux-orc benchmark --help

# The example third-party strategy, packed and installed as an outsider's plugin.
check "npm pack examples/strategy-window-prefix" npm pack --silent --pack-destination "$work/tarballs" "$root/examples/strategy-window-prefix"
check "npm install the example plugin from its tarball" npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/tmux-orc-strategy-window-prefix-*.tgz
# What a plugin's own install pulls in: the plugin and the contract alone (the contract depends on
# no monitor package), in a project of its own.
mkdir -p "$work/plugin-only"
check "the example plugin installs with the contract alone" sh -c 'cd "$1" && echo "{ \"name\": \"plugin-only\", \"private\": true }" >package.json && npm install --no-audit --no-fund --loglevel=error "$2"/tarballs/tmux-orc-strategy-window-prefix-*.tgz "$2"/tarballs/tmux-orc-strategies-*.tgz "$2"/tarballs/tmux-orc-clock-*.tgz && ! test -e node_modules/@tmux-orc/health-checker && ! test -e node_modules/@tmux-orc/tmux-pool && node --input-type=module -e "const { loadStrategy } = await import(\"@tmux-orc/strategies\"); const s = await loadStrategy(\"window-prefix\", { prefix: \"Claude-\" }, { importModule: (x) => import(x) }); if (s.name !== \"window-prefix\") process.exit(1)"' _ "$work/plugin-only" "$work"
echo "consumer: the example plugin with its contract installs $(size "$work/plugin-only")"
plugin_config() { printf 'monitoring:\n  async:\n    strategy: window-prefix\n    strategy_options:\n%s\n' "$1" >"$TMUX_ORC_HOME/config.yaml"; }
plugin_config '      prefix: Claude-'
check "monitor start --dry-run loads the plugin with its options" expect_output 'strategy: +window-prefix' tmux-orc monitor start --dry-run
check "tmux-orc status -L <private server> runs a cycle with the plugin" expect_output 'Claude-dev|team' tmux-orc status -L "$socket"
plugin_config '      includ_pm: true'
check "a bad plugin option: config validate exits 2 naming it" sh -c 'tmux-orc config validate 2>err.log; [ $? -eq 2 ] && grep -q "includ_pm" err.log'

# The example third-party detector (opencode), packed and installed as an outsider's plugin.
check "npm pack examples/detector-opencode" npm pack --silent --pack-destination "$work/tarballs" "$root/examples/detector-opencode"
check "npm install the example detector from its tarball" npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/tmux-orc-detector-opencode-*.tgz
check "the example detector's own test: its recorded opencode screens" sh -c 'cd node_modules/tmux-orc-detector-opencode && node --test test.mjs'
printf 'detectors:\n  - opencode\n' >"$TMUX_ORC_HOME/config.yaml"
check "monitor start --dry-run loads the detector plugin before the built-ins" expect_output 'detectors: +opencode \(plugin\), claude-code' tmux-orc monitor start --dry-run
screen=$(ls node_modules/tmux-orc-detector-opencode/screens/*/queued_message-typed-80x24.txt | head -n 1)
tmux -L "$socket" new-window -t team -n oc-developer "cat '$screen'; exec sleep 600" && sleep 0.3
check "tmux-orc status -L <private server> tells an opencode screen through the plugin" expect_output '"detector": *"opencode"' tmux-orc status -L "$socket" --json
printf 'detectors:\n  - { name: opencode, options: { comands: [oc] } }\n' >"$TMUX_ORC_HOME/config.yaml"
check "a bad detector option: config validate exits 2 naming it" sh -c 'tmux-orc config validate 2>err.log; [ $? -eq 2 ] && grep -q "detectors\[0\].options: .*comands" err.log'
rm -f "$TMUX_ORC_HOME/config.yaml"
tmux -L "$socket" kill-server 2>/dev/null || true

echo "consumer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
