import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyCsv, mapFollowRow } from './csv-exports.js';
import { htmlToText } from './html-text.js';
import { mapLike } from './likes.js';
import { mapOutboxItem, type InteractionCandidate } from './outbox.js';
import { authorOfStatus, Directory, handleFromAcct, handleFromActorUrl, type Owner } from './people.js';
import { timeFromStatusUri, toUtc } from './time.js';
import { ownerFromActorJson } from './actor.js';

const owner: Owner = { handle: '@ann@ex.social', uid: 'https://ex.social/users/ann', followers: 'https://ex.social/users/ann/followers' };
const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';

function map(item: unknown): InteractionCandidate[] {
  const result = mapOutboxItem(item, owner, new Directory(() => owner));
  assert.equal(result.skip, undefined, result.skip);
  return result.candidates ?? [];
}

function skipOf(item: unknown): string {
  return mapOutboxItem(item, owner, new Directory(() => owner)).skip ?? '(not skipped)';
}

test('HTML content becomes faithful plain text', () => {
  assert.equal(htmlToText('<p>a &amp; b</p><p>c<br>d<br/>e</p>'), 'a & b\n\nc\nd\ne');
  assert.equal(htmlToText('<p>5 &lt; 6 &gt; 4 &quot;q&quot; &#39;s&#39; &#x1F35E; &nbsp;x &amp;lt;</p>'), '5 < 6 > 4 "q" \'s\' 🍞 \u00a0x &lt;');
  assert.equal(htmlToText('<p>see <a href="https://a.b/c?d=1&amp;e=2" title="x > y"><span class="invisible">https://</span><span class="ellipsis">a.b/c</span><span class="invisible">?d=1&amp;e=2</span></a></p>'), 'see https://a.b/c?d=1&e=2');
  assert.equal(htmlToText('<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote>'), '• one\n• two\n\nquoted');
  assert.equal(htmlToText('<pre><code>a\n  b</code></pre>'), 'a\n  b');
  assert.equal(htmlToText('<p>line\none</p>\n<p>two</p>'), 'line one\n\ntwo');
  assert.equal(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script>x()</script>'), '<script>alert(1)</script>');
  assert.equal(htmlToText('plain text, no tags & no change'), 'plain text, no tags & no change');
});

test('handles come from acct strings, actor URLs and status URIs', () => {
  assert.equal(handleFromAcct('bo@other.net'), '@bo@other.net');
  assert.equal(handleFromAcct('@bo@other.net'), '@bo@other.net');
  assert.equal(handleFromAcct('acct:bo@other.net'), '@bo@other.net');
  assert.equal(handleFromAcct('bo'), undefined);
  assert.equal(handleFromActorUrl('https://other.net/users/bo'), '@bo@other.net');
  assert.equal(handleFromActorUrl('https://Other.NET/@bo'), '@bo@other.net');
  assert.equal(handleFromActorUrl('https://other.net/@bo/'), '@bo@other.net');
  assert.equal(handleFromActorUrl('https://kbin.example/u/bo'), '@bo@kbin.example');
  assert.equal(handleFromActorUrl('https://friendica.example/profile/bo'), '@bo@friendica.example');
  assert.equal(handleFromActorUrl('https://other.net/users/bo/followers'), undefined);
  assert.equal(handleFromActorUrl('https://pleroma.site/objects/abc'), undefined);
  assert.deepEqual(authorOfStatus('https://other.net/users/bo/statuses/77'), { handle: '@bo@other.net', uid: 'https://other.net/users/bo' });
  assert.deepEqual(authorOfStatus('https://other.net/@bo/77'), { handle: '@bo@other.net' });
  assert.equal(authorOfStatus('https://misskey.example/notes/9abc'), undefined);
});

test('times: ISO with Z, milliseconds, offsets; zoneless read as UTC; snowflakes decoded', () => {
  assert.equal(toUtc('2024-03-02T10:00:00Z'), '2024-03-02T10:00:00.000Z');
  assert.equal(toUtc('2024-03-02T10:00:00.123Z'), '2024-03-02T10:00:00.123Z');
  assert.equal(toUtc('2024-03-02T10:00:00+01:00'), '2024-03-02T09:00:00.000Z');
  assert.equal(toUtc('2024-03-02T10:00:00-0500'), '2024-03-02T15:00:00.000Z');
  assert.equal(toUtc('2024-03-02 10:00:00 UTC'), '2024-03-02T10:00:00.000Z');
  assert.equal(toUtc('2024-03-02T10:00:00'), '2024-03-02T10:00:00.000Z');
  assert.equal(toUtc('yesterday'), undefined);
  const id = ((BigInt(Date.parse('2023-05-06T07:08:09.010Z')) << 16n) + 5n).toString();
  assert.equal(timeFromStatusUri(`https://m.example/users/x/statuses/${id}`), '2023-05-06T07:08:09.010Z');
  assert.equal(timeFromStatusUri(`https://m.example/@x/${id}`), '2023-05-06T07:08:09.010Z');
  assert.equal(timeFromStatusUri('https://m.example/users/x/statuses/12345'), undefined, 'pre-2.0 ids are not times');
});

test('addressing tells posts from DMs, whatever shape to/cc take', () => {
  const note = (to: unknown, cc: unknown, extra: Record<string, unknown> = {}) => ({
    id: 'https://ex.social/users/ann/statuses/9/activity', type: 'Create', actor: owner.uid, published: '2024-01-01T00:00:00Z',
    object: { id: 'https://ex.social/users/ann/statuses/9', type: 'Note', content: '<p>hi</p>', to, cc, ...extra },
  });
  assert.equal(map(note(PUBLIC, owner.followers))[0]?.kind, 'post', 'to/cc as single strings');
  assert.equal(map(note(['Public'], []))[0]?.kind, 'post', 'compact Public');
  assert.equal(map(note(undefined, undefined))[0]?.kind, 'post', 'no addressing at all');
  assert.equal(map(note(['https://other.net/users/bo/followers'], []))[0]?.kind, 'post', 'another followers collection (a group)');
  const dm = map(note('https://other.net/users/bo', [], { tag: { type: 'Mention', href: 'https://other.net/users/bo', name: '@bo@other.net' } }));
  assert.deepEqual(dm.map((c) => [c.kind, c.target, c.targetUid]), [['dm', '@bo@other.net', 'https://other.net/users/bo']]);
  // A DM recipient named only in `to` (no Mention tag) is still the recipient.
  assert.deepEqual(map(note(['https://other.net/@cy'], [])).map((c) => [c.kind, c.target]), [['dm', '@cy@other.net']]);
});

test('replies find the replied-to author; quotes accept every alias', () => {
  const create = (object: Record<string, unknown>) => ({
    id: 'https://ex.social/users/ann/statuses/9/activity', type: 'Create', actor: { id: owner.uid }, published: '2024-01-01T00:00:00Z',
    to: [PUBLIC], cc: [owner.followers], object: { id: 'https://ex.social/users/ann/statuses/9', content: 'plain', ...object },
  });
  const bo = { type: 'Mention', href: 'https://other.net/users/bo', name: '@bo@other.net' };
  const local = { type: 'Mention', href: 'https://ex.social/users/cy', name: '@cy' };
  // Misskey post URI: the author comes from the first mention.
  assert.deepEqual(map(create({ inReplyTo: 'https://misskey.example/notes/9abc', tag: [bo, local] })).map((c) => [c.kind, c.target]), [
    ['reply', '@bo@other.net'],
    ['mention', '@cy@ex.social'],
  ]);
  // No way to tell the author: a reply without a target.
  assert.deepEqual(map(create({ inReplyTo: 'https://misskey.example/notes/9abc' })).map((c) => [c.kind, c.target]), [['reply', undefined]]);
  // The author in the URI wins over the first mention.
  assert.deepEqual(map(create({ inReplyTo: 'https://ex.social/users/cy/statuses/5', tag: [bo, local] })).map((c) => [c.kind, c.target]), [
    ['reply', '@cy@ex.social'],
    ['mention', '@bo@other.net'],
  ]);
  for (const field of ['quote', 'quoteUri', 'quoteUrl', 'quote_uri', '_misskey_quote']) {
    const [q] = map(create({ [field]: 'https://other.net/users/bo/statuses/90' }));
    assert.deepEqual([q?.kind, q?.target, q?.about], ['quote', '@bo@other.net', 'https://other.net/users/bo/statuses/90'], field);
  }
  const [byObject] = map(create({ quote: { id: 'https://other.net/users/bo/statuses/91', type: 'Note' } }));
  assert.equal(byObject?.about, 'https://other.net/users/bo/statuses/91');
  // contentMap when content is missing; the text is kept
  assert.equal(map(create({ content: undefined, contentMap: { de: '<p>Hallo</p>' } }))[0]?.text, 'Hallo');
});

test('activities that are not posts or boosts are skipped with a reason', () => {
  assert.match(skipOf({ type: 'Delete', id: 'x', object: 'y' }), /"Delete" activity/);
  assert.match(skipOf({ type: 'Announce', id: 'https://ex.social/users/ann/statuses/3/activity', object: 'https://other.net/users/bo/statuses/1' }), /no "published" time/);
  assert.match(skipOf({ type: 'Create', id: 'a', published: 'soon', object: { id: 'b', type: 'Note', to: [PUBLIC] } }), /"soon" is not an ISO 8601 time/);
  assert.match(skipOf({ type: 'Create', object: { type: 'Image', id: 'b' } }), /"Image" object/);
  assert.match(skipOf('just a string'), /not an ActivityPub activity/);
});

test('likes: target from the status URI, deterministic time, owner-scoped id', () => {
  const dir = new Directory(() => owner);
  dir.learn('https://other.net/users/bo', '@Bo@other.net');
  const like = mapLike('https://other.net/users/bo/statuses/1', owner, dir);
  assert.ok(typeof like !== 'string');
  assert.deepEqual([like.id, like.target, like.targetUid, like.at], ['like:ann@ex.social:https://other.net/users/bo/statuses/1', '@Bo@other.net', 'https://other.net/users/bo', '1970-01-01T00:00:00.000Z']);
  assert.equal(mapLike(42, owner, dir), 'not a status address');
});

test('CSV exports are told apart by header and shape', () => {
  const c = (name: string, text: string) => classifyCsv(name, text.split('\n').filter(Boolean).map((l) => l.split(',')));
  assert.deepEqual(c('x.csv', 'Account address,Show boosts,Notify on new posts,Languages\na@b.c,true,false,'), { kind: 'following', header: true });
  assert.deepEqual(c('x.csv', 'Account address,Show boosts\na@b.c,true'), { kind: 'following', header: true });
  assert.deepEqual(c('x.csv', 'Account address,Hide notifications\na@b.c,true'), { kind: 'muted', header: true });
  assert.deepEqual(c('x.csv', 'a@b.c\nd@e.f'), { kind: 'blocked-accounts', header: false });
  assert.deepEqual(c('followers.csv', 'a@b.c'), { kind: 'followers', header: false });
  assert.deepEqual(c('following_accounts.csv', 'a@b.c'), { kind: 'following', header: false });
  assert.deepEqual(c('x.csv', 'spam.example'), { kind: 'blocked-domains', header: false });
  assert.deepEqual(c('x.csv', 'Friends,a@b.c'), { kind: 'lists', header: false });
  assert.deepEqual(c('x.csv', 'https://b.c/users/a/statuses/1'), { kind: 'bookmarks', header: false });
  assert.deepEqual(c('x.csv', 'Account address\na@b.c'), { kind: 'accounts', header: true });
  assert.match(String((c('following_accounts.csv', 'Handle,Boosts\na@b.c,true') as { problem?: string }).problem), /not one of Mastodon's export headers/);
  assert.equal(c('people.csv', 'Name,City\nAna,Porto'), undefined);
  const follow = mapFollowRow('followers', ['@Ivy@ivy.town'], owner);
  assert.ok(typeof follow !== 'string');
  assert.deepEqual([follow.id, follow.actor, follow.target], ['follow:ivy@ivy.town:ann@ex.social', '@Ivy@ivy.town', '@ann@ex.social']);
});

test('actor.json gives the owner: handle from preferredUsername and the id host, or webfinger', () => {
  const a = ownerFromActorJson({ id: 'https://ex.social/users/ann', type: 'Person', preferredUsername: 'Ann', name: 'Ann' });
  assert.ok(a.ok);
  assert.deepEqual(a.owner, { handle: '@Ann@ex.social', uid: 'https://ex.social/users/ann', followers: 'https://ex.social/users/ann/followers', name: 'Ann' });
  const w = ownerFromActorJson({ id: 'https://social.ex.com/users/ann', preferredUsername: 'ann', webfinger: 'acct:ann@ex.com' });
  assert.ok(w.ok);
  assert.equal(w.owner.handle, '@ann@ex.com');
  assert.equal(ownerFromActorJson({ name: 'x' }).ok, false);
});
