/**
 * Small histories for the coach's tests, each written for one situation: a bakery (`@shop`) and
 * the people it talks with, on days counted back from the checks' "now" (20 Nov 2026, noon).
 * `withHistory` imports one into a fresh test store and hands back a `check` that runs the real
 * load path (`checkDraftInWorkspace`) and checks that every suggestion obeys the coach's rules.
 */
import assert from 'node:assert/strict';
import { analyzeMessage } from '../language/index.js';
import { importPath } from '../ingest/import-path.js';
import { DEFAULT_PLAYBOOK, type Principle } from '../playbook/playbook.js';
import { intentOf } from '../relationships/message-reader.js';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { withTestStore } from '../test-support/test-store.js';
import { checkDraftInWorkspace, type CheckDraftRequest } from '../workspace/check-draft.js';
import { SETTING } from '../workspace/message-context.js';
import type { CoachResult, Reason } from './types.js';

export const NOW = '2026-11-20T12:00:00.000Z';
export const SHOP = '@shop@example.social';
export const SHOP_SITE = 'crumbshop.example';

/** The ISO time `days` days before NOW, at `hour` o'clock UTC. */
export function daysAgo(days: number, hour = 10): string {
  const d = new Date(Date.parse(NOW) - days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

export function newHistory(): HistoryBuilder {
  return new HistoryBuilder({ shop: SHOP, shopName: 'Crumb Shop' });
}

export type Check = (request: Omit<CheckDraftRequest, 'at'> & { at?: string }) => Promise<CoachResult>;

export async function withHistory(history: HistoryBuilder, fn: (check: Check) => Promise<void>): Promise<void> {
  await withTestStore(async (store, location) => {
    await importPath(store, history.writeTo(location.dir));
    await store.setSetting(SETTING.domains, JSON.stringify([SHOP_SITE]));
    await fn(async (request) => {
      const result = await checkDraftInWorkspace(store, { at: NOW, ...request });
      assertSuggestionsObeyRules(result);
      return result;
    });
  });
}

/**
 * Suggestions are next steps, never a sales line: no link at all, and when the verdict is
 * `wait`, nothing the language engine reads as a pitch or a self-promotion; a `wait` or
 * `revise` always says what to do instead.
 */
export function assertSuggestionsObeyRules(result: CoachResult): void {
  const threshold = DEFAULT_PLAYBOOK.language.intentThreshold;
  if (result.verdict !== 'go') assert.ok(result.suggestions.length > 0, `a ${result.verdict} comes with suggestions`);
  for (const s of result.suggestions) {
    assert.doesNotMatch(s, /https?:\/\/|www\.|crumbshop/i, `no link in a suggestion: ${s}`);
    const analysis = analyzeMessage(s, { ownDomains: [SHOP_SITE], ownHandles: [SHOP] });
    assert.equal(analysis.links.length, 0, `no link in a suggestion: ${s}`);
    if (result.verdict === 'wait') {
      assert.equal(intentOf(analysis, 'pitch', threshold), undefined, `a suggestion after wait must not pitch: ${s}`);
      assert.equal(intentOf(analysis, 'self-promo-link', threshold), undefined, `a suggestion after wait must not self-promote: ${s}`);
    }
  }
}

/** The principles of the reasons with this severity, e.g. `against(result, 'wait')`. */
export function principlesOf(result: CoachResult, severity: Reason['severity']): Principle[] {
  return result.reasons.filter((r) => r.severity === severity).map((r) => r.principle);
}

export function reasonFor(result: CoachResult, principle: Principle, severity?: Reason['severity']): Reason {
  const reason = result.reasons.find((r) => r.principle === principle && (severity === undefined || r.severity === severity));
  assert.ok(reason, `expected a ${severity ?? ''} reason for ${principle}, got ${JSON.stringify(result.reasons, null, 1)}`);
  return reason;
}

/** Two-way exchanges (their reply, your answer an hour later) on each of these days ago. */
export function exchanges(h: HistoryBuilder, handle: string, days: readonly number[], texts: { theirs?: string; yours?: string } = {}): void {
  for (const d of days) {
    const post = h.post(daysAgo(d, 8), `Fresh out of the oven on day ${d}: what are you baking this weekend?`);
    h.inbound(handle, 'reply', daysAgo(d, 9), { text: texts.theirs ?? 'A seeded loaf, finally got the hang of shaping it', inReplyTo: post });
    h.outbound(handle, 'reply', daysAgo(d, 10), { text: texts.yours ?? 'Nice, seeded loaves are hard to shape well — what seeds do you use?', inReplyTo: post });
  }
}

/** Some of your conversation with other people each week, so you are "present" (consistency). */
export function presence(h: HistoryBuilder, weeks = 4): void {
  const lines = [
    'How did the market stall go on Saturday?',
    'Loved the photos from your allotment, is that rhubarb?',
    'Good luck with the exams this week!',
    'That cinnamon swirl looks perfect, what butter did you use?',
    'Hope the move went smoothly, settling in?',
    'Congrats on the new job at the library!',
  ];
  for (let w = 0; w < weeks; w++) {
    const who = `@regular${w}@example.social`;
    h.profile(who, { name: `Regular ${w}` });
    h.outbound(who, 'reply', daysAgo(w * 7 + 1, 15), { text: lines[w % lines.length]! });
  }
}
