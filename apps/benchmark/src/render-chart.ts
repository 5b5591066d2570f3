import type { BenchReport } from './bench-report.js';

const COLORS: Record<string, string> = { sync: '#d62728', 'async-exec': '#ff7f0e', control: '#1f77b4', adaptive: '#2ca02c', events: '#9467bd', floor: '#7f7f7f' };
const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { left: 70, right: 150, top: 40, bottom: 50 };

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

/** Powers of ten covering [min, max]. */
function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1) out.push(10 ** e);
  return out;
}

/**
 * Draws p50 cycle time against fleet size for every mode, both axes logarithmic, as a standalone
 * SVG (a few dozen elements: no charting library is worth its weight for this).
 */
export function renderChart(reports: readonly BenchReport[], title: string): string {
  const points = reports.flatMap((report) => report.results.map((r) => ({ agents: report.agents, mode: r.mode, ms: Math.max(r.cycle_ms.p50, 0.01) })));
  if (points.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  const xs = decades(Math.min(...points.map((p) => p.agents)), Math.max(...points.map((p) => p.agents)));
  const ys = decades(Math.min(...points.map((p) => p.ms)), Math.max(...points.map((p) => p.ms)));
  const [x0 = 1, x1 = 10] = [xs[0], xs.at(-1)];
  const [y0 = 1, y1 = 10] = [ys[0], ys.at(-1)];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (v: number): number => MARGIN.left + ((Math.log10(v) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0) || 1)) * plotW;
  const sy = (v: number): number => MARGIN.top + plotH - ((Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0) || 1)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
  ];
  for (const x of xs) {
    parts.push(`<line x1="${sx(x)}" y1="${MARGIN.top}" x2="${sx(x)}" y2="${MARGIN.top + plotH}" stroke="#ddd"/>`);
    parts.push(`<text x="${sx(x)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${x}</text>`);
  }
  for (const y of ys) {
    parts.push(`<line x1="${MARGIN.left}" y1="${sy(y)}" x2="${MARGIN.left + plotW}" y2="${sy(y)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${sy(y) + 4}" text-anchor="end">${y >= 1000 ? `${y / 1000} s` : `${y} ms`}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">agents (log scale)</text>`);
  parts.push(`<text x="18" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 18 ${MARGIN.top + plotH / 2})">p50 cycle time (log scale)</text>`);
  const modes = [...new Set(points.map((p) => p.mode))];
  modes.forEach((mode, index) => {
    const color = COLORS[mode] ?? '#000';
    const line = points.filter((p) => p.mode === mode).sort((a, b) => a.agents - b.agents);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${line.map((p) => `${sx(p.agents).toFixed(1)},${sy(p.ms).toFixed(1)}`).join(' ')}"/>`);
    for (const p of line) parts.push(`<circle cx="${sx(p.agents).toFixed(1)}" cy="${sy(p.ms).toFixed(1)}" r="3" fill="${color}"/>`);
    const ly = MARGIN.top + 10 + index * 20;
    parts.push(`<line x1="${WIDTH - MARGIN.right + 15}" y1="${ly}" x2="${WIDTH - MARGIN.right + 35}" y2="${ly}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 40}" y="${ly + 4}">${escapeXml(mode)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
