#!/usr/bin/env bash
# `pnpm release:dry`: what a release would do, without touching this checkout or the registry.
# Copies the repository (with its builds, without node_modules) to a scratch directory, applies
# the pending changesets there (`changeset version`: versions, CHANGELOGs, internal ranges), then
# packs every public package as `pnpm publish -r` would (`--dry-run`: nothing is uploaded).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tmux-orc-release-dry-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
pnpm --silent build >/dev/null
tar --exclude=node_modules --exclude=.turbo --exclude=.tmp --exclude=.git -cf - . | tar -xf - -C "$scratch"
cd "$scratch"
git init -q && git add -A && git -c user.name=release-dry -c user.email=release-dry@localhost commit -qm scratch
pnpm install --offline --frozen-lockfile --reporter=silent
pnpm --silent changeset version
pnpm install --offline --reporter=silent
git --no-pager diff --stat -- '*/package.json' '*/CHANGELOG.md' | tail -n 1
if ! pnpm -r publish --dry-run --no-git-checks >publish.log 2>&1; then
  cat publish.log
  echo "release:dry: pnpm publish -r --dry-run failed" >&2
  exit 1
fi
grep -E '^\+ ' publish.log
echo "release:dry: changeset version and pnpm publish -r --dry-run succeeded in $scratch (removed)"
