/** The HTML audit page: self-contained, every imported text escaped, only its own scripts allowed. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { escapeHtml, formatValue, jsonForScript, renderAuditHtml } from './html-report.js';
import type { AuditFigure, AuditReport } from './types.js';

const HOSTILE = '</script><script>alert("pwned")</script><img src=x onerror=alert(1)>';

function reportWith(text: string): AuditReport {
  const month = {
    month: '2026-11', partial: false, value: 0.5, previous: 0.25, trend: 'up' as const, better: false,
    detail: `1 of 2 messages were promotional ${text}`, counts: { messages: 2, promotional: 1 },
    examples: [{ at: '2026-11-06T10:00:00.000Z', handle: '@bo@example.social', what: 'promotional reply', text }],
  };
  const figure: AuditFigure = {
    id: 'promotional-share', title: 'Promotional messages', principle: 'no-first-date-proposal', principles: ['no-first-date-proposal', 'ego-in-check'],
    explanation: 'Don’t pitch people you have not met.', reading: 'Lower is better.', unit: 'share', goodDirection: 'down', months: [month], latest: month,
  };
  return {
    at: '2026-11-30T23:59:59.999Z', from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z', months: ['2026-11'],
    hasData: true, notice: null, dataSpan: { first: '2026-11-01T00:00:00.000Z', last: '2026-11-06T10:00:00.000Z' }, figures: [figure],
  };
}

const LIBRARY = 'window.Chart = function Chart() {}; window.Chart.instances = {};';

test('imported text never becomes markup: escaped in the page, inert in the embedded JSON', () => {
  const html = renderAuditHtml(reportWith(HOSTILE), LIBRARY);
  assert.ok(!html.includes('<script>alert'), 'no injected script element');
  assert.ok(!html.includes('<img src=x'), 'no injected image');
  assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(&quot;pwned&quot;)'), 'shown as text');
  const data = /<script type="application\/json" id="audit-data">([^]*?)<\/script>/.exec(html)?.[1];
  assert.ok(data, 'the report is embedded as JSON');
  assert.equal((JSON.parse(data) as AuditReport).figures[0]?.latest?.examples[0]?.text, HOSTILE, 'the data survives intact');
});

test('the page allows exactly its own inline scripts and style, by hash, and fetches nothing', () => {
  const html = renderAuditHtml(reportWith('plain'), LIBRARY);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1] as string);
  assert.equal(scripts.length, 2, 'the library and the page script');
  assert.equal(scripts[0], LIBRARY);
  for (const s of scripts) assert.ok(csp.includes(`'sha256-${createHash('sha256').update(s).digest('base64')}'`), 'each inline script is allowed by its hash');
  const style = /<style>([^]*?)<\/style>/.exec(html)?.[1] as string;
  assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`));
  assert.doesNotMatch(html, /<script[^>]+src=|<link|https?:\/\//i);
});

test('a library that contains "</script" cannot close its own element', () => {
  const html = renderAuditHtml(reportWith('plain'), 'var s = "</script>";');
  assert.ok(html.includes('var s = "<\\/script>";'));
});

test('helpers: escaping, script-safe JSON, values by unit', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(jsonForScript({ t: '</script>\u2028' }), '{"t":"\\u003c/script\\u003e\\u2028"}');
  assert.equal(formatValue(0.256, 'share'), '26%');
  assert.equal(formatValue(3.25, 'hours'), '3.3 h');
  assert.equal(formatValue(72, 'hours'), '3 days');
  assert.equal(formatValue(null, 'count'), '—');
});
