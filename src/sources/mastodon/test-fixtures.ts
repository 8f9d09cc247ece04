/**
 * Small Mastodon exports built by the tests, to the shapes of FORMATS.md §1.1–1.2 (invented
 * people and posts). Each variation the format notes list appears at least once; the comments
 * say what each item must become.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tar from 'tar';
import yazl from 'yazl';

export const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const CONTEXT = ['https://www.w3.org/ns/activitystreams', { ostatus: 'http://ostatus.org#', toot: 'http://joinmastodon.org/ns#', sensitive: 'as:sensitive' }];

export const ANN = 'https://ex.social/users/ann';
export const ANN_FOLLOWERS = `${ANN}/followers`;
export const BO = 'https://other.net/users/bo';
export const CY = 'https://ex.social/users/cy';
export const DEE = 'https://far.example/users/dee';

const status = (n: number) => `${ANN}/statuses/${n}`;

function create(n: number, published: string, note: Record<string, unknown>, addressing: { to: string[]; cc: string[] }) {
  return {
    id: `${status(n)}/activity`,
    type: 'Create',
    actor: ANN,
    published,
    ...addressing,
    object: {
      id: status(n),
      type: 'Note',
      summary: null,
      inReplyTo: null,
      published,
      url: `https://ex.social/@ann/${n}`,
      attributedTo: ANN,
      ...addressing,
      sensitive: false,
      conversation: `tag:ex.social,2024:objectId=${n}:objectType=Conversation`,
      content: '<p>…</p>',
      contentMap: { en: '<p>…</p>' },
      attachment: [],
      tag: [],
      replies: { id: `${status(n)}/replies`, type: 'Collection' },
      ...note,
    },
  };
}

const publicTo = { to: [PUBLIC], cc: [ANN_FOLLOWERS] };

/** The outbox items; `older` (items 1–10) is what an older archive of the same account holds. */
export function outboxItems(): { older: unknown[]; newer: unknown[] } {
  const older = [
    // 1. public post → post; HTML with an entity, paragraphs and a line break
    create(1001, '2024-03-01T09:00:00Z', { content: '<p>Our first rye of the season &amp; more</p><p>Line two<br />line three</p>' }, publicTo),
    // 2. public reply to bo (inReplyTo as a string; published with milliseconds) → reply to bo
    create(1002, '2024-03-02T10:00:00.000Z', {
      inReplyTo: `${BO}/statuses/77`,
      content: '<p><span class="h-card"><a href="https://other.net/@bo" class="u-url mention">@<span>bo</span></a></span> Loved this! See <a href="https://example.com/rye" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="">example.com/rye</span><span class="invisible"></span></a></p>',
      tag: [{ type: 'Mention', href: BO, name: '@bo@other.net' }],
    }, { to: [PUBLIC], cc: [ANN_FOLLOWERS, BO] }),
    // 3. unlisted post mentioning a local account (name without domain) and a remote one; offset time → post + 2 mentions
    create(1003, '2024-03-03T12:00:00+01:00', {
      content: '<p>Thanks <span class="h-card"><a href="https://ex.social/@cy" class="u-url mention">@<span>cy</span></a></span> and <span class="h-card"><a href="https://far.example/@dee" class="u-url mention">@<span>dee</span></a></span>!</p>',
      tag: [
        { type: 'Mention', href: CY, name: '@cy' },
        { type: 'Mention', href: DEE, name: '@dee@far.example' },
        { type: 'Hashtag', href: 'https://ex.social/tags/bread', name: '#bread' },
      ],
    }, { to: [ANN_FOLLOWERS], cc: [PUBLIC, CY, DEE] }),
    // 4. followers-only reply to one's own post (a thread) → post with inReplyTo
    create(1004, '2024-03-03T12:05:00Z', { inReplyTo: status(1001), content: '<p>(and the sourdough)</p>' }, { to: [ANN_FOLLOWERS], cc: [] }),
    // 5. direct message to bo → dm to bo
    create(1005, '2024-03-04T08:00:00Z', {
      content: '<p><span class="h-card"><a href="https://other.net/@bo" class="u-url mention">@<span>bo</span></a></span> are you free on Friday? &lt;3</p>',
      tag: [{ type: 'Mention', href: BO, name: '@bo@other.net' }],
    }, { to: [BO], cc: [] }),
    // 6. direct message to bo and dee → 2 dms
    create(1006, '2024-03-04T09:00:00Z', {
      content: '<p>Lunch, both of you?</p>',
      tag: [{ type: 'Mention', href: BO, name: '@bo@other.net' }, { type: 'Mention', href: DEE, name: '@dee@far.example' }],
    }, { to: [BO, DEE], cc: [] }),
    // 7. reply whose inReplyTo is an object with attributedTo (a non-Mastodon post URI) → reply to dee
    create(1007, '2024-03-05T10:00:00Z', {
      inReplyTo: { id: 'https://far.example/objects/5f1c', type: 'Note', attributedTo: DEE },
      content: '<p>So true</p>',
    }, publicTo),
    // 8. boost of bo's post (object a string, cc names the author) → share of bo
    { id: `${status(1008)}/activity`, type: 'Announce', actor: ANN, published: '2024-03-06T10:00:00Z', to: [PUBLIC], cc: [BO, ANN_FOLLOWERS], object: `${BO}/statuses/88` },
    // 9. boost given by a profile-style URL, "as:Public" → share of @eve@misc.net (from the URL)
    { id: `${status(1009)}/activity`, type: 'Announce', actor: ANN, published: '2024-03-06T11:00:00Z', to: ['as:Public'], cc: [ANN_FOLLOWERS], object: 'https://misc.net/@eve/99' },
    // 10. self-boost of an own private post (object inlined) → share without a target
    {
      id: `${status(1010)}/activity`, type: 'Announce', actor: ANN, published: '2024-03-06T12:00:00Z', to: [ANN_FOLLOWERS], cc: [],
      object: { id: status(1004), type: 'Note', attributedTo: ANN, content: '<p>(and the sourdough)</p>', to: [ANN_FOLLOWERS], cc: [] },
    },
  ];
  const newer = [
    ...older,
    // 11. quote of bo's post (4.4+: quote, _misskey_quote, quote_uri) → quote of bo
    create(1011, '2024-03-07T10:00:00Z', {
      content: '<p>This is the best explanation of levain I have read.</p>',
      quote: `${BO}/statuses/90`, _misskey_quote: `${BO}/statuses/90`, quote_uri: `${BO}/statuses/90`,
    }, publicTo),
    // 12. quote of a deleted post (Tombstone) → quote without target
    create(1012, '2024-03-07T11:00:00Z', { content: '<p>Gone, but right.</p>', quote: { type: 'Tombstone' } }, publicTo),
    // 13. poll (Question) → post
    create(1013, '2024-03-08T10:00:00Z', { type: 'Question', content: '<p>Rye or spelt?</p>', oneOf: [{ type: 'Note', name: 'Rye' }, { type: 'Note', name: 'Spelt' }] }, publicTo),
    // 14. content warning → post whose text starts with the warning
    create(1014, '2024-03-08T11:00:00Z', { summary: 'food', content: '<p>Burnt the loaf.</p>' }, publicTo),
    // 15. a Create that gives only the object's address → skipped
    { id: `${status(1015)}/activity`, type: 'Create', actor: ANN, published: '2024-03-09T10:00:00Z', to: [PUBLIC], cc: [], object: status(1015) },
    // 16. a direct post to nobody (a note to self) → skipped
    create(1016, '2024-03-09T11:00:00Z', { content: '<p>remember: flour</p>' }, { to: [], cc: [] }),
  ];
  return { older, newer };
}

export function outboxJson(items: unknown[]): string {
  return JSON.stringify({ '@context': CONTEXT, id: 'outbox.json', type: 'OrderedCollection', totalItems: items.length, orderedItems: items });
}

export function actorJson(): string {
  return JSON.stringify({
    '@context': CONTEXT,
    id: ANN,
    type: 'Person',
    following: `${ANN}/following`,
    followers: ANN_FOLLOWERS,
    inbox: `${ANN}/inbox`,
    outbox: 'outbox.json',
    likes: 'likes.json',
    bookmarks: 'bookmarks.json',
    preferredUsername: 'ann',
    name: 'Ann’s Bakery',
    summary: '<p>Bread &amp; pastries in Porto.<br />Orders by DM.</p>',
    url: 'https://ex.social/@ann',
    published: '2022-11-04T00:00:00Z',
    icon: { type: 'Image', mediaType: 'image/png', url: 'avatar.png' },
  });
}

/** A snowflake id for a time: how Mastodon (2.0+) numbers its statuses. */
export function snowflake(iso: string, seq = 0): string {
  return ((BigInt(Date.parse(iso)) << 16n) + BigInt(seq)).toString();
}

export const LIKED = {
  bo: `${BO}/statuses/${snowflake('2024-02-20T08:30:00Z', 7)}`,
  eve: 'https://misc.net/@eve/99',
  pleroma: 'https://pleroma.site/objects/0a1b2c3d',
  own: status(1001),
  fay: `https://newbie.org/users/fay/statuses/${snowflake('2024-03-10T00:00:00Z')}`,
};

export function likesJson(items: string[], withTotal: boolean): string {
  return JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: 'likes.json', type: 'OrderedCollection', ...(withTotal ? { totalItems: items.length } : {}), orderedItems: items });
}

export function bookmarksJson(): string {
  return JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: 'bookmarks.json', type: 'OrderedCollection', orderedItems: [`${BO}/statuses/77`] });
}

/** The newer archive (zip, 4.x): everything. */
export function newerArchive(): Record<string, string | Buffer> {
  return {
    'actor.json': actorJson(),
    'outbox.json': outboxJson(outboxItems().newer),
    'likes.json': likesJson(Object.values(LIKED), false),
    'bookmarks.json': bookmarksJson(),
    'avatar.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    'media_attachments/files/111/222/333/original/a.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  };
}

/** The older archive (tar.gz era): fewer items; likes.json still has totalItems. */
export function olderArchive(): Record<string, string | Buffer> {
  return {
    'actor.json': actorJson(),
    'outbox.json': outboxJson(outboxItems().older),
    'likes.json': likesJson([LIKED.bo, LIKED.eve, LIKED.pleroma], true),
    'avatar.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  };
}

export const CSV = {
  // With a byte-order mark; the Languages column is quoted and comma-joined; one bad row.
  following: '\uFEFFAccount address,Show boosts,Notify on new posts,Languages\nbo@other.net,true,false,\ngus@gus.social,true,true,"en, de"\nhal@ex.social,false,false,\nnot-an-address,true,false,\n',
  followers: 'Account address\ndee@far.example\nivy@ivy.town\n',
  muted: 'Account address,Hide notifications\nzed@spam.example,true\n',
  blocked: 'spam@spam.example\n',
  blockedDomains: 'spam.example\n',
  lists: '"Close, friends\nand family",bo@other.net\nBakers,gus@gus.social\n',
  bookmarks: `${BO}/statuses/77\n`,
};

export function csvFiles(): Record<string, string> {
  return {
    'following_accounts.csv': CSV.following,
    'follower_accounts.csv': CSV.followers,
    'muted_accounts.csv': CSV.muted,
    'blocked_accounts.csv': CSV.blocked,
    'blocked_domains.csv': CSV.blockedDomains,
    'lists.csv': CSV.lists,
    'bookmarks.csv': CSV.bookmarks,
  };
}

export function writeFolder(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export function writeZip(file: string, entries: Record<string, string | Buffer>): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve(file);
    });
    zip.outputStream.on('error', reject);
  });
}

export async function writeTarGz(file: string, workDir: string, entries: Record<string, string | Buffer>): Promise<string> {
  writeFolder(workDir, entries);
  await tar.c({ gzip: true, file, cwd: workDir }, Object.keys(entries));
  return file;
}

/** What the newer archive (zip) imports to, from an empty workspace. */
export const NEWER_BY_KIND = {
  dm: { in: 0, out: 3 },
  like: { in: 0, out: 5 },
  mention: { in: 0, out: 2 },
  post: { in: 0, out: 5 },
  quote: { in: 0, out: 2 },
  reply: { in: 0, out: 2 },
  share: { in: 0, out: 3 },
};
// bo, cy, dee, eve (outbox) and fay (likes).
export const NEWER_PEOPLE = 5;
