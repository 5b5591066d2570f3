import { describe, expect, it } from 'vitest';
import { compareActivity, parseActivityNotification, subscribeActivityArgs } from './activity-subscription.js';
import type { PaneInfo } from './pane-info.js';
import { toControlLine } from './quote.js';

const pane = (id: string, windowActivity: number, dead = false): PaneInfo =>
  ({ id, target: 's:0.0', session: 's', windowIndex: 0, windowName: 'w', paneIndex: 0, dead, deadStatus: null, pid: 1, currentCommand: 'sh', title: '', windowActivity, agentOption: null });

describe('the activity subscription', () => {
  it('is one quoted argument, so that its # cannot start a comment', () => {
    expect(toControlLine(subscribeActivityArgs())).toBe('"refresh-client" "-B" "tmux-orc-activity::#{S:#{W:#{P:#{pane_id}.#{pane_dead}.#{window_activity} }}}"');
  });

  it('reads each pane stamp of its own notification and ignores others', () => {
    const stamps = parseActivityNotification({ name: 'subscription-changed', args: 'tmux-orc-activity $0 - - - : %0.0.1796020299 %12.1.1796020300 ' });
    expect(stamps).toEqual(new Map([['%0', '0.1796020299'], ['%12', '1.1796020300']]));
    expect(parseActivityNotification({ name: 'subscription-changed', args: 'other $0 - - - : %0.0.1' })).toBeUndefined();
    expect(parseActivityNotification({ name: 'window-add', args: '@3' })).toBeUndefined();
  });

  it('names the panes that printed or died, and sees a pane set that changed', () => {
    const listed = new Map([['%0', pane('%0', 100)], ['%1', pane('%1', 100)]]);
    expect(compareActivity(new Map([['%0', '0.100'], ['%1', '0.100']]), listed)).toEqual({ changed: [], paneSetChanged: false });
    expect(compareActivity(new Map([['%0', '0.101'], ['%1', '1.100']]), listed)).toEqual({ changed: ['%0', '%1'], paneSetChanged: false });
    expect(compareActivity(new Map([['%0', '0.100']]), listed).paneSetChanged).toBe(true);
    expect(compareActivity(new Map([['%0', '0.100'], ['%2', '0.100']]), listed).paneSetChanged).toBe(true);
  });
});
