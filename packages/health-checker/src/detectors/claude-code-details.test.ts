import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';
import { toScreenLines } from '../screen-lines.js';

/** Details read off real Claude Code 2.1.330 screens (recorded by @tmux-orc/testkit). */
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__', 'claude-code-2.1.330');
const screen = (name: string): string => readFileSync(join(dir, `${name}.txt`), 'utf8');
const claude: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'claude', title: '✳ Claude Code', agentOption: null };

describe('claude-code detector details on real screens', () => {
  it('reads the question and the choices of a permission panel', () => {
    const result = classifyScreen(claude, screen('waiting_input-bash-approval-120x40'));
    expect(result.state).toBe('waiting_input');
    expect(result.detail.question).toBe('Do you want to proceed?');
    expect(result.detail.options?.[0]).toBe('1. Yes');
    expect(result.detail.options?.at(-1)).toBe('4. No');
    expect(result.evidence[0]).toBe('Do you want to proceed?');
  });

  it('reads the file question of a write approval', () => {
    const result = classifyScreen(claude, screen('waiting_input-write-approval-80x24'));
    expect(result.detail.question).toBe('Do you want to create tmux-orc-fake-notes.txt?');
  });

  it('reads the retry attempt and the wait of a failing API call', () => {
    // The seconds and the attempt depend on the moment of the recording; their shape does not.
    const result = classifyScreen(claude, screen('error-http401-retrying-80x24'));
    expect(result).toMatchObject({
      state: 'error',
      detail: { message: '401 invalid x-api-key', retryIn: expect.stringMatching(/^\d+s$/u), attempt: expect.any(Number), maxAttempts: 10 },
      evidence: [expect.stringMatching(/^✻ 401 invalid x-api-key · retrying in \d+s · attempt \d+\/10$/u)],
    });
  });

  it('gives the API error line of a turn that gave up, not the placeholder in the box', () => {
    const result = classifyScreen(claude, screen('error-http500-gave-up-120x40'));
    expect(result.state).toBe('error');
    expect(result.detail.message).toMatch(/^API Error: 500 Internal server error/u);
  });

  it('calls a retry loop an error until Claude Code names a 429: a 500 with a retry-after looks the same at first', () => {
    // Both first retries are drawn `✻ API error · retrying in 30s · attempt 1/10`: the screen
    // cannot tell them apart, so neither is called a rate limit.
    for (const name of ['error-http429-first-retry-120x40', 'error-http500-retry-after-80x24']) {
      expect(classifyScreen(claude, screen(name))).toMatchObject({
        state: 'error',
        detail: { message: 'API error', attempt: 1, retryIn: expect.stringMatching(/^\d+s$/u) },
      });
    }
    // From attempt 3 the status is named: a 429 is a rate limit, with the wait as its reset.
    const named = classifyScreen(claude, screen('rate_limited-http429-named-retry-80x24'));
    expect(named).toMatchObject({ state: 'rate_limited', detail: { message: expect.stringMatching(/^429 /u), attempt: 3 } });
    expect(named.detail.resetAt).toBe(`in ${named.detail.retryIn ?? ''}`);
    expect(classifyScreen(claude, screen('rate_limited-http429-unified-120x40')).evidence).toEqual([
      '● API Error: Request rejected (429) · Rate limited',
    ]);
  });

  it('reports the exit status of a dead pane', () => {
    const result = classifyScreen({ ...claude, dead: true, deadStatus: 137 }, screen('crashed-pane-dead-120x40'));
    expect(result).toMatchObject({ state: 'crashed', detail: { exitStatus: 137 } });
  });

  it('calls Claude Code gone when its pane is back at a shell prompt', () => {
    const result = classifyScreen({ ...claude, currentCommand: 'sh', title: '' }, screen('crashed-exited-to-shell-120x40'));
    expect(result).toMatchObject({ state: 'crashed', evidence: ['$'] });
  });

  it.each(['idle-alarming-text-120x40', 'idle-alarming-text-80x24', 'active-alarming-text-120x40'])(
    'never calls %s crashed or error, even under a wrapper shell',
    (name) => {
      // `sh -c 'claude; sh'` keeps pane_current_command at `sh` while Claude Code runs.
      for (const currentCommand of ['claude', 'sh', 'bash']) {
        const state = classifyScreen({ ...claude, currentCommand, agentOption: 'claude-code' }, screen(name)).state;
        expect(['crashed', 'error']).not.toContain(state);
      }
    },
  );

  it('reads the text typed into the box while Claude Code works; a message it queued itself is activity', () => {
    expect(classifyScreen(claude, screen('queued_message-typed-while-active-120x40')).detail.queuedText).toBe('then run the tests');
    // `❯ then run the tests` + `⎿  Queued · …`: Claude Code sends it when the turn ends. Pressing
    // Enter for it would only send whatever is typed next.
    for (const size of ['120x40', '80x24']) {
      const queued = classifyScreen(claude, screen(`active-submitted-while-active-${size}`));
      expect(queued.state).toBe('active');
      expect(queued.detail.queuedText).toBeUndefined();
    }
  });

  it('does not take a hint Claude Code writes into the empty box for typed text', () => {
    // Hints seen on real screens, and one it might write tomorrow: the footer still shows
    // `? for shortcuts`, which Claude Code drops as soon as text is typed.
    const idle = screen('idle-replied-120x40');
    const hinted = idle.replace(/^❯\s*$/mu, '❯ Ask me anything, I am waiting');
    expect(hinted).not.toBe(idle);
    expect(classifyScreen(claude, hinted).state).toBe('no_activity');
    expect(classifyScreen(claude, screen('error-http401-gave-up-80x24')).state).toBe('error');
  });

  it('tells queued_message from text typed into the box of an idle screen', () => {
    for (const size of ['120x40', '80x24']) {
      expect(classifyScreen(claude, screen(`queued_message-typed-not-sent-${size}`))).toMatchObject({
        state: 'queued_message',
        detail: { queuedText: 'fix the failing tests please' },
        evidence: ['❯ fix the failing tests please'],
      });
    }
  });

  it('does not take the box footer for activity: an idle screen stays a no-activity candidate', () => {
    const result = classifyScreen(claude, screen('idle-replied-120x40'));
    expect(result.state).toBe('no_activity');
    expect(result.evidence.join('\n')).not.toMatch(/for shortcuts/u);
  });

  it('does not take indented answer text that looks like a status or an error for one', () => {
    // Derived from the real idle screen: the answer line replaced by lines an answer could hold.
    const idle = screen('idle-replied-120x40');
    const answer = [
      '● The log says API Error: 500 and "Compacting conversation…" twice:',
      '  * Fetching… (3s · ↓ 12 tokens)',
      '  ✻ 500 Internal server error · retrying in 4s · attempt 5/10',
    ].join('\n');
    const derived = idle.replace('● Hello from the fake API. Done.', answer);
    expect(derived).not.toBe(idle);
    expect(classifyScreen(claude, derived).state).toBe('no_activity');
  });

  it('does not take a numbered list the user typed for a permission panel', () => {
    // Derived from the real idle screen: the user's turn is a question and a numbered list.
    const idle = screen('idle-replied-120x40');
    const derived = idle.replace('❯ hello', 'Which one do you prefer?\n❯ 1. the red one');
    expect(derived).not.toBe(idle);
    expect(classifyScreen(claude, derived).state).toBe('no_activity');
  });

  it('reads a subscription limit and its reset, but not an answer about limits', () => {
    // Derived from the real idle screen, with the limit notices Claude Code prints in its transcript.
    const idle = screen('idle-replied-120x40');
    const limited = idle.replace('● Hello from the fake API. Done.', "  ⎿  You've hit your limit · resets 3pm (Europe/Paris)");
    expect(classifyScreen(claude, limited)).toMatchObject({ state: 'rate_limited', detail: { resetAt: '3pm (Europe/Paris)' } });
    const older = idle.replace('● Hello from the fake API. Done.', '● Claude usage limit reached. Your limit will reset at 5pm (America/New_York).');
    expect(classifyScreen(claude, older).detail.resetAt).toBe('5pm (America/New_York)');
    const answer = idle.replace('● Hello from the fake API. Done.', '● The "usage limit reached" banner means you hit the 5-hour limit.');
    expect(classifyScreen(claude, answer).state).toBe('no_activity');
  });

  it('forgets an error once a later turn was answered', () => {
    // Derived from two real screens: the 500 that gave up, then a resent prompt answered.
    const failed = toScreenLines(screen('error-http500-gave-up-120x40'));
    const answered = toScreenLines(screen('idle-replied-120x40'));
    const errorLines = failed.filter((line) => /^❯ ERR500|API Error: 500|If it persists/u.test(line));
    const turnStart = answered.findIndex((line) => line.startsWith('❯ hello'));
    expect(errorLines).toHaveLength(3);
    const derived = [...answered.slice(0, turnStart), ...errorLines, ...answered.slice(turnStart)].join('\n');
    expect(classifyScreen(claude, derived).state).toBe('no_activity');
    expect(classifyScreen(claude, [...answered.slice(0, turnStart), ...errorLines, ...answered.slice(-4)].join('\n')).state).toBe('error');
  });
});
