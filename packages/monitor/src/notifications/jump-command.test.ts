import { describe, expect, it } from 'vitest';
import { jumpCommand } from './jump-command.js';

describe('jumpCommand', () => {
  it('names the server as the monitor watches it and quotes what a shell would split or expand', () => {
    expect(jumpCommand('(default)', 'web:1.0')).toBe('tmux switch-client -t web:1.0');
    expect(jumpCommand('-L work', 'my proj:2.1')).toBe("tmux -L work switch-client -t 'my proj:2.1'");
    expect(jumpCommand('-S /tmp/my sock', "it's:1.0")).toBe("tmux -S '/tmp/my sock' switch-client -t 'it'\\''s:1.0'");
    expect(jumpCommand('-L work', '$(touch x):1.0')).toBe("tmux -L work switch-client -t '$(touch x):1.0'");
  });
});
