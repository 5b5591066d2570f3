import type { ExplainJson } from '../shared/explain-json.js';
import { formatAge } from './format-age.js';

const basisWords: Readonly<Record<string, string>> = {
  'agent-option': 'its @tmux-orc-agent option',
  command: 'its foreground process',
  title: 'its pane title',
  'start-command': 'its start command',
  'screen-signature': 'a signature on its screen',
  fallback: 'no other detector matching',
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
const indent = (label: string, lines: readonly string[]): string[] => lines.map((line, i) => `${i === 0 ? label.padEnd(11) : ' '.repeat(11)}${line}`);

/** Joins items with `, ` into lines of at most `width` characters (an item longer than that gets its own line). */
function wrap(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + item.length + 2 <= width) lines[lines.length - 1] = `${last}, ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** `tmux-orc explain <agent>` as text: verdict, detector and why, rule, evidence, what was ruled out, signals. */
export function renderExplanation(json: ExplainJson, now: number): string {
  const { explanation: e } = json;
  const { agent, screen } = e;
  const source = json.source === 'one-shot' ? 'one cycle run here' : `the ${json.source}`;
  const lines = [`${agent.id} ${agent.name} (${agent.target}): ${agent.state} for ${formatAge(agent.since, now)}, by rule ${agent.rule ?? '(none named)'} — from ${source}`];
  if (screen === null) {
    lines.push(...indent('screen now', [`not captured: ${e.captureError ?? 'unknown reason'}`]));
  } else {
    const bids = screen.detector.candidates.filter((c) => c.confidence > 0).map((c) => `${c.id} ${c.confidence}${c.basis === null ? '' : ` (${c.basis})`}`);
    lines.push(...indent('detector', [`${screen.detector.id}, chosen by ${basisWords[screen.detector.basis] ?? screen.detector.basis}`, ...(bids.length === 0 ? [] : [`bids: ${bids.join(', ')}`])]));
    const verdict = screen.classification;
    const same = verdict.rule === agent.rule ? '' : ` (the monitor's last cycle: ${agent.rule ?? 'none'})`;
    lines.push(...indent('rule', [`${verdict.rule ?? '(none named)'} → ${verdict.state}${same}`, ...(screen.rule === null ? [] : [screen.rule.looksFor])]));
    lines.push(...indent('evidence', verdict.evidence.length === 0 ? ['(nothing on screen decided)'] : verdict.evidence));
    if (screen.screenAlone !== null) {
      lines.push(...indent('screen', [`alone: ${screen.screenAlone.rule ?? '?'} → ${screen.screenAlone.state}; the pane title broke the tie`]));
    }
    const tried = screen.triedBefore.map((rule) => `${rule.id} (${rule.states.join('/')})`);
    lines.push(...indent('ruled out', tried.length === 0 ? ['nothing was tried before this rule'] : ['tried first, did not decide:', ...wrap(tried, 100)]));
    if (verdict.state === 'no_activity') {
      const unchanged = agent.detail.unchangedForMs;
      lines.push(...indent('tracker', [`no sign on screen: idle once it stays unchanged ${seconds(e.debounceMs)}${unchanged === undefined ? '' : `; unchanged for ${seconds(unchanged)} at the last cycle`}`]));
    }
    lines.push(...indent('title', [`"${screen.title.value}" — ${screen.title.reading === null ? 'says nothing to this detector' : `says ${screen.title.reading}`}`]));
  }
  if (e.signals !== null) {
    const { title, currentCommand, windowActivity } = e.signals;
    lines.push(
      ...indent('signals', [
        `title "${title.value}": held ${seconds(title.heldMs)}, listed ${seconds(title.seenMsAgo)} ago`,
        `foreground process ${currentCommand.value}: held ${seconds(currentCommand.heldMs)}, listed ${seconds(currentCommand.seenMsAgo)} ago`,
        `window activity ${seconds(windowActivity.ageMs)} ago (${windowActivity.at})`,
      ]),
    );
  }
  if (json.hook !== undefined) {
    const h = json.hook;
    const now = h.agrees_now ? 'agrees with the screen' : `disagrees with the screen (${agent.state})${h.disagreeing_ms === null ? '' : ` for ${seconds(h.disagreeing_ms)}`}; the screen decides`;
    lines.push(...indent('hook', [`${h.event} at ${h.at} implies ${h.implies}: ${now}`]));
  } else lines.push(...indent('hook', ['no Claude Code hook seen for this agent']));
  const history = e.history.map((t) => `${t.at} ${t.from ?? '(first seen)'} → ${t.to}`);
  lines.push(...indent('history', history.length === 0 ? ['(none)'] : history));
  return `${lines.join('\n')}\n`;
}
