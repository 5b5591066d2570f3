#!/bin/sh
# Installs what a fresh machine with only Node lacks: tmux (Debian package) and pnpm 10 (npm).
set -eu
if ! command -v tmux >/dev/null 2>&1; then
  echo "ensure-tools: tmux not found; installing it with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq tmux >/dev/null
fi
if ! command -v pnpm >/dev/null 2>&1; then
  echo "ensure-tools: pnpm not found; installing pnpm@10 with npm" >&2
  npm install -g pnpm@10 >/dev/null 2>&1
fi
echo "ensure-tools: $(tmux -V), pnpm $(pnpm --version), node $(node --version)" >&2
