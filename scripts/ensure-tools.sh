#!/bin/sh
# Installs what a fresh machine with only Node lacks: tmux (Debian package) and pnpm 10 (npm).
# With `tests`, also `script` (bsdutils) and Debian's chromium: the dashboard's browser tests drive /usr/bin/chromium,
# never a downloaded browser (the demo does not need it), and OpenSSH's server and client: the
# multi-host tests start real sshd processes on 127.0.0.x (no service is enabled or started).
set -eu
missing=""
command -v tmux >/dev/null 2>&1 || missing="tmux"
if [ "${1-}" = "tests" ] && [ ! -x /usr/bin/chromium ]; then missing="$missing chromium"; fi
# `script` (util-linux) gives the notification tests a real attached tmux client in a pty.
if [ "${1-}" = "tests" ] && ! command -v script >/dev/null 2>&1; then missing="$missing bsdutils"; fi
if [ "${1-}" = "tests" ] && [ ! -x /usr/sbin/sshd ]; then missing="$missing openssh-server"; fi
if [ "${1-}" = "tests" ] && ! command -v ssh-keygen >/dev/null 2>&1; then missing="$missing openssh-client"; fi
if [ -n "$missing" ]; then
  echo "ensure-tools: not found:$missing; installing with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
if ! command -v pnpm >/dev/null 2>&1; then
  echo "ensure-tools: pnpm not found; installing pnpm@10 with npm" >&2
  npm install -g pnpm@10 >/dev/null 2>&1
fi
echo "ensure-tools: $(tmux -V), $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium'), pnpm $(pnpm --version), node $(node --version)" >&2
