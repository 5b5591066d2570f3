#!/bin/sh
# A tmux whose control clients never answer their attach (as a tmux without working control mode
# would); every other command runs the real tmux. Touches $TMUX_ORC_TEST_ATTACH_MARKER when a
# control client starts, so a test knows the attach is under way.
for arg in "$@"; do
  if [ "$arg" = "-C" ]; then
    [ -n "$TMUX_ORC_TEST_ATTACH_MARKER" ] && : > "$TMUX_ORC_TEST_ATTACH_MARKER"
    exec cat > /dev/null
  fi
done
exec tmux "$@"
