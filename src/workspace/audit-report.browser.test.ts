/**
 * The HTML audit page in a real headless Chromium, offline: its own scripts run under its strict
 * Content-Security-Policy, every chart is drawn, nothing is requested, and hostile imported text
 * stays text. Skipped where Chromium is not installed (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { HistoryBuilder, loadHistory } from '../test-support/history-builder.js';
import { buildAudit } from '../audit/index.js';
import { auditHtml } from './audit-report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test('the audit page draws every chart offline, with no CSP violation and no request', { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, async () => {
  const h = new HistoryBuilder();
  const post = h.post('2026-10-30T08:00:00Z', 'Rye day!');
  h.inbound('@cy@example.social', 'follow', '2026-11-02T10:00:00Z');
  h.outbound('@cy@example.social', 'dm', '2026-11-02T12:00:00Z', { text: 'Thanks for the follow! Check out our weekly specials at https://shop.example/specials' });
  h.inbound('@ana@example.social', 'quote', '2026-11-03T09:00:00Z', { about: post, text: 'Best bakery in town <img src=x onerror="document.title=\'pwned\'">' });
  const report = await loadHistory(h, '2026-11-30T23:59:59.999Z', (snapshot) => buildAudit(snapshot, { from: '2026-10-01T00:00:00.000Z' }));
  const dir = mkdtempSync(join(tmpdir(), 'rapport-audit-html-'));
  const file = join(dir, 'audit.html');
  writeFileSync(file, auditHtml(report));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => typeof (globalThis as unknown as { Chart?: unknown }).Chart !== 'undefined');
    const drawn = await page.evaluate(() => Object.keys((globalThis as unknown as { Chart: { instances: object } }).Chart.instances).length);
    assert.equal(drawn, report.figures.length, 'one chart per figure');
    assert.deepEqual(problems, [], 'no script error and no CSP violation');
    assert.deepEqual(requests, [`file://${file}`], 'nothing fetched');
    assert.notEqual(await page.title(), 'pwned', 'imported text stayed text');
    assert.match(await page.locator('#title-cold-dms').textContent() ?? '', /Cold DMs after a follow/);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
