/**
 * The coach's load path, `checkDraftInWorkspace`: who the draft is for, what "as of" means, and
 * that the brand settings it reads with are always the current ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRapportError } from '../domain/errors.js';
import { importPath } from '../ingest/import-path.js';
import { withTestStore } from '../test-support/test-store.js';
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
