/**
 * The audit as ONE self-contained HTML page: the figures as text (escaped, readable without
 * scripts), the report embedded as JSON, and charts drawn in the page by the charting library
 * whose source the caller passes in (chart.js's UMD build). Nothing is fetched: a strict
 * Content-Security-Policy allows only this page's own inline script and style, by hash.
 * Pure: the caller reads the library's file and writes the page.
 */
import { createHash } from 'node:crypto';
import type { AuditFigure, AuditReport, FigureMonth, FigureUnit, Trend } from './types.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON that cannot end the script element it sits in, nor break a JS string. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function formatValue(value: number | null, unit: FigureUnit): string {
  if (value === null) return '—';
  if (unit === 'share') return `${Math.round(value * 100)}%`;
  if (unit === 'hours') return value < 48 ? `${Math.round(value * 10) / 10} h` : `${Math.round(value / 24)} days`;
  return String(Math.round(value * 10) / 10);
}

export const TREND_ARROW: Readonly<Record<Trend, string>> = { up: '↑', down: '↓', flat: '→', new: '•', none: '·' };

export function trendWords(month: FigureMonth, unit: FigureUnit): string {
  if (month.trend === 'none') return 'nothing to measure';
  if (month.trend === 'new') return 'first month with data';
  const was = `${month.partial ? 'so far; ' : ''}was ${formatValue(month.previous, unit)}`;
  if (month.trend === 'flat') return `steady (${was})`;
  return `${month.better ? 'better' : 'worse'} (${was})`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2329; --dim: #5b6570; --line: #d8dde3; --good: #1a7f37; --bad: #b42318; --accent: #3559c7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f6f7f9; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px; }
header h1 { margin: 8px 0 4px; font-size: 1.6rem; }
.dim { color: var(--dim); }
.notice { background: #fff4e5; border: 1px solid #f0c36d; padding: 12px; border-radius: 8px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
section.figure { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
section.figure h2 { margin: 0; font-size: 1.1rem; }
.principles code { font-size: 0.8rem; background: #eef1f6; padding: 1px 5px; border-radius: 4px; margin-right: 4px; }
.latest { font-size: 1.6rem; font-weight: 600; margin: 6px 0 0; }
.latest span { font-size: 0.9rem; font-weight: 400; }
.better { color: var(--good); } .worse { color: var(--bad); }
.chart { position: relative; height: 180px; margin: 8px 0; }
details { margin-top: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid var(--line); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.examples { padding-left: 18px; font-size: 0.85rem; }
ul.examples q { color: var(--dim); }
`;

// Runs in the page: draws one line chart per figure from the embedded report.
const SCRIPT = `
(function () {
  var report = JSON.parse(document.getElementById('audit-data').textContent);
  if (typeof Chart === 'undefined') return;
  report.figures.forEach(function (figure) {
    var canvas = document.getElementById('chart-' + figure.id);
    if (!canvas) return;
    var share = figure.unit === 'share';
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: figure.months.map(function (m) { return m.month; }),
        datasets: [{
          label: figure.title,
          data: figure.months.map(function (m) { return m.value === null ? null : share ? Math.round(m.value * 1000) / 10 : m.value; }),
          borderColor: '#3559c7', backgroundColor: 'rgba(53, 89, 199, 0.15)', fill: true, tension: 0.25, spanGaps: true, pointRadius: 3
        }]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, suggestedMax: share ? 100 : undefined, ticks: { precision: share ? undefined : 0, callback: function (v) { return share ? v + '%' : v; } } } }
      }
    });
  });
})();
`;

function hash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** The whole page. `chartLibrary` is the charting library's browser build (chart.js UMD), inlined. */
export function renderAuditHtml(report: AuditReport, chartLibrary: string): string {
  // A library that closed its own script element would break the page; chart.js never does.
  const library = chartLibrary.replace(/<\/script/gi, '<\\/script');
  const csp = [
    "default-src 'none'",
    `script-src ${hash(library)} ${hash(SCRIPT)}`,
    `style-src ${hash(STYLE)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const period = `${report.from.slice(0, 10)} to ${report.to.slice(0, 10)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`rapport audit, ${period}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Account audit</h1>
<p class="dim">${escapeHtml(`${period} · ${report.months.length} months · each figure is compared with the month before · made by rapport on ${report.at.slice(0, 10)}`)}</p>
${report.notice ? `<p class="notice" role="status">${escapeHtml(report.notice)}</p>` : ''}
</header>
<main>
<div class="grid">
${report.figures.map(renderFigure).join('\n')}
</div>
</main>
<script type="application/json" id="audit-data">${jsonForScript(report)}</script>
<script>${library}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderFigure(figure: AuditFigure): string {
  const latest = figure.latest;
  const tone = latest?.better === true ? 'better' : latest?.better === false ? 'worse' : '';
  const rows = figure.months.map((m) => `<tr><td>${escapeHtml(m.month)}</td><td class="num">${escapeHtml(formatValue(m.value, figure.unit))}</td><td>${escapeHtml(TREND_ARROW[m.trend])}</td><td>${escapeHtml(m.detail)}</td></tr>`).join('');
  const examples = latest?.examples ?? [];
  return `<section class="figure" aria-labelledby="title-${figure.id}">
<h2 id="title-${figure.id}">${escapeHtml(figure.title)}</h2>
<p class="principles">${figure.principles.map((p) => `<code>${escapeHtml(p)}</code>`).join('')}</p>
<p class="dim">${escapeHtml(figure.explanation)}</p>
${latest
    ? `<p class="latest ${tone}">${escapeHtml(`${formatValue(latest.value, figure.unit)} ${TREND_ARROW[latest.trend]}`)} <span class="dim">${escapeHtml(`${latest.month}, ${trendWords(latest, figure.unit)}`)}</span></p>
<p>${escapeHtml(latest.detail)}</p>`
    : '<p class="latest dim">—</p><p>Nothing to measure in this period.</p>'}
<div class="chart"><canvas id="chart-${figure.id}" role="img" aria-label="${escapeHtml(`${figure.title} per month`)}"></canvas></div>
<p class="dim">${escapeHtml(figure.reading)}</p>
${examples.length > 0 ? `<details><summary>${escapeHtml(`Examples from ${latest?.month}`)}</summary><ul class="examples">${examples.map((e) => `<li>${escapeHtml(`${e.at.slice(0, 10)}${e.handle ? ` ${e.handle}` : ''}: ${e.what}`)}${e.text ? ` <q>${escapeHtml(e.text)}</q>` : ''}</li>`).join('')}</ul></details>` : ''}
<details><summary>Month by month</summary><table><thead><tr><th>month</th><th>value</th><th>trend</th><th>what it rests on</th></tr></thead><tbody>${rows}</tbody></table></details>
</section>`;
}
