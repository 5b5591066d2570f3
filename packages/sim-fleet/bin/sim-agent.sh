#!/bin/sh
# sim-agent.sh - a simulated AI coding agent for tmux-orc tests and demos. POSIX sh only.
#
# Usage: sim-agent.sh [--screens DIR] [--screen NAME] [--record FILE]
#   --screens DIR   directory of screens, NAME.txt each   (env SIM_AGENT_SCREENS_DIR,
#                   default: ../screens next to this script)
#   --screen NAME   screen drawn at start                 (env SIM_AGENT_SCREEN, default: idle)
#   --record FILE   append every line typed into the agent to FILE; lines that are not commands
#                   are then taken silently (a PM receiving reports), not answered with an error
#
# It draws the screen, then blocks reading commands from stdin, one per line (zero CPU while idle).
# Type into its pane with: tmux send-keys -t PANE -l 'screen working' \; send-keys -t PANE Enter
#   screen NAME   clear the terminal and draw DIR/NAME.txt
#   print N       print N lines of fake work output (moves the window's activity)
#   stream        print a line every 0.2 s until the next command (an always-busy agent)
#   exit CODE     exit with CODE (a crashed agent)
# Unknown commands print an error line and are otherwise ignored; end of input exits 0.

screens_dir=${SIM_AGENT_SCREENS_DIR:-}
screen=${SIM_AGENT_SCREEN:-idle}
record=

usage() {
  printf 'sim-agent: %s\nusage: sim-agent.sh [--screens DIR] [--screen NAME] [--record FILE]\n' "$1" >&2
  exit 64
}

while [ "$#" -gt 0 ]; do
  case $1 in
    --screens) [ "$#" -ge 2 ] || usage 'missing DIR after --screens'; screens_dir=$2; shift 2 ;;
    --screen) [ "$#" -ge 2 ] || usage 'missing NAME after --screen'; screen=$2; shift 2 ;;
    --record) [ "$#" -ge 2 ] || usage 'missing FILE after --record'; record=$2; shift 2 ;;
    *) usage "unknown argument: $1" ;;
  esac
done

if [ -z "$screens_dir" ]; then
  case $0 in
    */*) screens_dir=${0%/*}/../screens ;;
    *) screens_dir=../screens ;;
  esac
fi

# Typed commands must not show on the screen the monitor reads.
stty -echo 2>/dev/null

stream_pid=
# A drawn screen ends without a newline; output that follows it starts on a line of its own.
after_screen=

end_screen_line() {
  if [ -n "$after_screen" ]; then
    printf '\n'
    after_screen=
  fi
}

stop_stream() {
  if [ -n "$stream_pid" ]; then
    # KILL, not TERM: a TERM that lands while the subshell is still being set up can be lost
    # (it inherits our trap), which would leave the loop printing forever.
    kill -9 "$stream_pid" 2>/dev/null
    wait "$stream_pid" 2>/dev/null
    stream_pid=
  fi
}

trap 'stop_stream; exit 129' HUP
trap 'stop_stream; exit 143' TERM

draw_screen() {
  file=$screens_dir/$1.txt
  if [ ! -r "$file" ]; then
    end_screen_line
    printf 'sim-agent: no screen %s (expected %s)\n' "$1" "$file"
    return
  fi
  # Home, clear screen, clear scrollback.
  printf '\033[H\033[2J\033[3J'
  # Builtins only (no cat), and no newline after the last line, so a screen as tall as the
  # pane does not scroll its first line away.
  separator=
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s%s' "$separator" "$line"
    separator='
'
  done < "$file"
  after_screen=1
}

print_lines() {
  end_screen_line
  case $1 in
    '' | *[!0-9]*) printf 'sim-agent: print expects a line count, got "%s"\n' "$1"; return ;;
  esac
  i=1
  while [ "$i" -le "$1" ]; do
    printf 'work: step %d of %d\n' "$i" "$1"
    i=$((i + 1))
  done
}

start_stream() {
  end_screen_line
  # A background loop that sleeps between lines: no busy waiting, and the foreground stays
  # free to read the next command.
  (
    n=1
    while :; do
      printf 'stream: token batch %d\n' "$n"
      n=$((n + 1))
      sleep 0.2
    done
  ) &
  stream_pid=$!
}

draw_screen "$screen"

set -f # no globbing when splitting a command line into words
while IFS= read -r command_line; do
  [ -n "$record" ] && printf '%s\n' "$command_line" >> "$record"
  stop_stream
  # shellcheck disable=SC2086 # word splitting is the point
  set -- $command_line
  case ${1-} in
    '') ;;
    screen) draw_screen "${2-}" ;;
    print) print_lines "${2-}" ;;
    stream) start_stream ;;
    exit)
      case ${2-} in
        '' | *[!0-9]*) end_screen_line; printf 'sim-agent: exit expects a code 0-255, got "%s"\n' "${2-}" ;;
        *) exit "$2" ;;
      esac
      ;;
    *) [ -n "$record" ] || { end_screen_line; printf 'sim-agent: unknown command: %s\n' "$command_line"; } ;;
  esac
done
stop_stream
exit 0
