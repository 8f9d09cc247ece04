/**
 * The coach's load path, `checkDraftInWorkspace`: who the draft is for, what "as of" means, and
 * that the brand settings it reads with are always the current ones — also when what a check
 * loads is kept between checks (the composer) and the workspace changes in between, through the
 * same store or another connection to it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRapportError } from '../domain/errors.js';
import { importPath } from '../ingest/import-path.js';
import { Store } from '../store/store.js';
import { withTestStore } from '../test-support/test-store.js';
import { saveOverrides } from '../workspace/load-playbook.js';
import { addNoteTo } from '../workspace/notes.js';
import { checkDraftInWorkspace } from '../workspace/check-draft.js';
import { SETTING } from '../workspace/message-context.js';
import { daysAgo, exchanges, newHistory, NOW, presence, SHOP } from './coach-fixtures.js';

const BO = '@bo@example.social';

function history() {
  const h = newHistory();
  h.profile(BO, { name: 'Bo Berg' });
  h.profile('@bo@other.social', { name: 'Bo Other' });
  exchanges(h, BO, [30, 20, 12]);
  presence(h);
  return h;
}

test('as of a past moment, later interactions do not count, and the same request gives the same answer', async () => {
  await withTestStore(async (store, location) => {
    await importPath(store, history().writeTo(location.dir));
    const pitch = { to: BO, text: 'Our Christmas boxes are out: 20% off this week, order now!' };
    const now = await checkDraftInWorkspace(store, { ...pitch, at: NOW });
    assert.equal(now.relationship.stage, 'engaged');
    assert.equal(now.verdict, 'go', JSON.stringify(now.reasons));
    // Three weeks earlier only one exchange had happened: the same pitch was premature then.
    const then = await checkDraftInWorkspace(store, { ...pitch, at: daysAgo(25) });
    assert.equal(then.relationship.stage, 'acquainted');
    assert.equal(then.verdict, 'wait');
    assert.deepEqual(await checkDraftInWorkspace(store, { ...pitch, at: daysAgo(25) }), then);
  });
});

test('a handle that matches several people, or one of your own accounts, is a user error naming the fix', async () => {
  await withTestStore(async (store, location) => {
    await importPath(store, history().writeTo(location.dir));
    await assert.rejects(checkDraftInWorkspace(store, { to: 'bo', text: 'Hello!', at: NOW }), (e: unknown) => {
      assert.ok(isRapportError(e));
      assert.match(e.message, /"bo" matches several people/);
      assert.match(e.hint ?? '', /Type the whole handle/);
      return true;
    });
    await assert.rejects(checkDraftInWorkspace(store, { to: SHOP, text: 'Hello!', at: NOW }), /one of your own accounts/);
    await assert.rejects(checkDraftInWorkspace(store, { to: BO, text: ' ', at: NOW }), /The draft is empty/);
    const partial = await checkDraftInWorkspace(store, { to: 'mastodon:@bo@example.social', text: 'Hello Bo!', at: NOW });
    assert.equal(partial.relationship.name, 'Bo Berg');
  });
});

test('a link to your own site counts as selling as soon as the site is set in the workspace', async () => {
  await withTestStore(async (store, location) => {
    const h = newHistory();
    h.profile(BO, { name: 'Bo Berg' });
    h.inbound(BO, 'follow', daysAgo(40));
    presence(h);
    await importPath(store, h.writeTo(location.dir));
    const draft = { to: BO, text: 'Have a look: https://crumbshop.example/winter', at: NOW };
    const before = await checkDraftInWorkspace(store, draft);
    assert.equal(before.analysis.links[0]?.own, false);
    await store.setSetting(SETTING.domains, JSON.stringify(['crumbshop.example']));
    const after = await checkDraftInWorkspace(store, draft);
    assert.equal(after.analysis.links[0]?.own, true);
    assert.equal(after.verdict, 'wait');
    assert.ok(after.reasons.some((r) => r.principle === 'no-first-date-proposal' && r.severity === 'wait'));
  });
});

test('what one check loads is never stale for the next: writes through this store or another connection count at once', async () => {
  await withTestStore(async (store, location) => {
    await importPath(store, history().writeTo(location.dir));
    const pitch = { to: BO, text: 'Our Christmas boxes are out: 20% off this week, order now!', at: NOW };
    const first = await checkDraftInWorkspace(store, pitch);
    assert.equal(first.verdict, 'go');
    assert.deepEqual(await checkDraftInWorkspace(store, pitch), first);

    // Another connection (another `rapport` process) raises the bar for `engaged`.
    const other = await Store.open(location.options);
    try {
      await saveOverrides(other, { 'stages.engagedMinDays': 5 });
    } finally {
      await other.close();
    }
    const stricter = await checkDraftInWorkspace(store, pitch);
    assert.equal(stricter.relationship.stage, 'acquainted');
    assert.equal(stricter.verdict, 'wait');

    // This store imports more of the history, then adds a note with a reminder due today.
    const more = newHistory();
    more.profile(BO, { name: 'Bo Berg' });
    more.inbound(BO, 'dm', daysAgo(2), { id: 'later-1', text: 'Are you at the market on Saturday?' });
    await importPath(store, more.writeTo(location.dir, 'more.jsonl'));
    const after = await checkDraftInWorkspace(store, pitch);
    assert.equal(after.relationship.interactions, first.relationship.interactions + 1);
    const person = (await store.people()).find((p) => p.identities.some((i) => i.handle === BO))!;
    await addNoteTo(store, person, { text: 'Back from holiday on Monday', remind: NOW.slice(0, 10), at: daysAgo(5) });
    const noted = await checkDraftInWorkspace(store, pitch);
    assert.ok(noted.reasons.some((r) => r.principle === 'stay-in-touch' && /reminder/.test(r.evidence)), JSON.stringify(noted.reasons));

    // Whatever was kept, the answer is the one a fresh store gives.
    const fresh = await Store.open(location.options);
    try {
      assert.deepEqual(await checkDraftInWorkspace(fresh, pitch), noted);
    } finally {
      await fresh.close();
    }
  });
});

test('a check later in time sees your messages to others sent in between (the server\'s clock moves on)', async () => {
  await withTestStore(async (store, location) => {
    const h = history();
    const template = (name: string) => `Hi ${name}, love your work! We just launched our sourdough course and thought you would enjoy it, let us know!`;
    // Sent to three other people on the last two days, after the first check's moment.
    for (let p = 0; p < 3; p++) {
      const who = `@fan${p}@example.social`;
      h.profile(who, { name: `Fan${p} Lund` });
      h.outbound(who, 'dm', daysAgo(2 - p * 0.5, 9), { text: template(`Fan${p}`) });
    }
    await importPath(store, h.writeTo(location.dir));
    const draft = { to: BO, text: template('Bo') };
    const before = await checkDraftInWorkspace(store, { ...draft, at: daysAgo(3) });
    assert.equal(before.analysis.template, null);
    const later = await checkDraftInWorkspace(store, { ...draft, at: NOW });
    assert.deepEqual(later.analysis.template, { recipients: 3, messages: 3 });
    assert.ok(later.reasons.some((r) => r.principle === 'be-personal' && r.severity === 'revise'));
    // And back in time again: those messages are not sent yet.
    assert.deepEqual(await checkDraftInWorkspace(store, { ...draft, at: daysAgo(3) }), before);
  });
});
