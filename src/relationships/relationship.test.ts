import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Identity, Interaction } from '../domain/views.js';
import type { Kind } from '../domain/records.js';
import { createMessageReader } from './message-reader.js';
import { groupByPerson, relationshipAsOf } from './relationship.js';

const read = createMessageReader({ ownHandles: ['@shop'], ownDomains: ['crumb.example'] });
const PIA = 7;

/** A history with Pia, written the way it happened. */
function history() {
  const list: Interaction[] = [];
  const add = (direction: 'in' | 'out', kind: Kind, at: string, text?: string, extra: Partial<Interaction> = {}) => {
    list.push({
      id: list.length + 1, platform: 'mastodon', pid: `p${list.length + 1}`, at: `${at}T10:00:00.000Z`, kind, direction,
      actorId: direction === 'in' ? PIA : 1, targetId: direction === 'in' ? 1 : PIA, personId: PIA,
      text: text ?? null, inReplyTo: null, about: null, ...extra,
    });
    return builder;
  };
  const builder = {
    they: (kind: Kind, at: string, text?: string, extra?: Partial<Interaction>) => add('in', kind, at, text, extra),
    you: (kind: Kind, at: string, text?: string, extra?: Partial<Interaction>) => add('out', kind, at, text, extra),
    list,
  };
  return builder;
}

const asOf = (h: { list: Interaction[] }, at: string, identities: Identity[] = []) =>
  relationshipAsOf({ interactions: h.list, at: `${at}T23:59:59.000Z`, read, identities });

test('a follow makes a connection; an answered message makes them acquainted', () => {
  const h = history().they('follow', '2026-03-01').you('reply', '2026-03-02', 'Welcome Pia, lovely to see you here!').they('reply', '2026-03-03', 'Thanks! Your rye looked great');
  assert.equal(asOf(h, '2026-03-01').stage, 'connected');
  assert.equal(asOf(h, '2026-03-02').stage, 'connected');
  const now = asOf(h, '2026-03-03');
  assert.equal(now.stage, 'acquainted');
  assert.deepEqual(now.history.map((s) => s.stage), ['connected', 'acquainted']);
  assert.equal(now.exchanges, 1);
});

test('two-way exchanges on three different days make them engaged; weeks later, with them initiating and a positive ledger, trusted', () => {
  const h = history()
    .they('mention', '2026-03-01', 'Does anyone know a good bakery in Harrogate?')
    .you('reply', '2026-03-01', 'We would love to have you over, Pia! The market stall opens at 8.')
    .they('reply', '2026-03-05', 'Do you do gluten-free?')
    .you('reply', '2026-03-05', 'Yes, every Friday. Here is a guide I like: https://glutenfree.example/guide')
    .you('share', '2026-03-09', undefined)
    .they('dm', '2026-03-10', 'How did the sourdough class go?')
    .you('dm', '2026-03-10', 'Brilliant, thank you for asking!')
    .they('dm', '2026-04-20', 'Hi! Are you at the market this weekend?')
    .you('dm', '2026-04-20', 'We are, come say hello');
  assert.equal(asOf(h, '2026-03-09').stage, 'acquainted');
  assert.equal(asOf(h, '2026-03-10').stage, 'engaged');
  const later = asOf(h, '2026-04-20');
  assert.equal(later.stage, 'trusted');
  assert.ok(later.ledger.gives > later.ledger.asks);
  assert.ok(later.initiated.they >= 2);
});

test('their question stays an open loop until you answer it, and answering counts as a give', () => {
  const h = history().they('reply', '2026-05-01', 'Do you ship to Canada? How much would it cost?');
  const waiting = asOf(h, '2026-05-02');
  assert.equal(waiting.openLoops.length, 1);
  assert.match(waiting.openLoops[0]!.text, /ship to Canada/);
  h.you('reply', '2026-05-03', 'We do! Shipping to Canada is $12.');
  const answered = asOf(h, '2026-05-03');
  assert.deepEqual(answered.openLoops, []);
  assert.ok(answered.ledger.entries.some((e) => e.side === 'give' && e.what === 'answered their question'));
});

test('a favour-ask is an ask in the ledger, with the words that gave it away', () => {
  const h = history().they('follow', '2026-06-01').you('dm', '2026-06-01', 'Could you share our new menu with your followers? It would really help us!');
  const rel = asOf(h, '2026-06-02');
  assert.equal(rel.ledger.asks, 1);
  const ask = rel.ledger.entries.find((e) => e.side === 'ask');
  assert.equal(ask?.what, 'asked a favour');
  assert.ok((ask?.evidence.length ?? 0) > 0);
  assert.equal(rel.ledger.balance, -1);
});

test('the past replays exactly: a later interaction never changes an earlier answer', () => {
  const h = history().they('follow', '2026-03-01').you('reply', '2026-03-02', 'Welcome!').they('reply', '2026-03-03', 'Thanks!');
  const before = asOf(h, '2026-03-02');
  h.they('share', '2026-09-01');
  assert.deepEqual(asOf(h, '2026-03-02'), before);
});

test('warmth decays when a warm contact goes quiet, and the trend says so', () => {
  const h = history();
  for (let d = 1; d <= 28; d += 3) h.they('reply', `2026-06-${String(d).padStart(2, '0')}`, 'Lovely bake!').you('reply', `2026-06-${String(d).padStart(2, '0')}`, 'Thank you!');
  const warm = asOf(h, '2026-06-30');
  const quiet = asOf(h, '2026-09-15');
  assert.ok(warm.warmth.value > quiet.warmth.value * 4);
  assert.equal(quiet.warmth.trend, 'cooling');
  assert.equal(warm.warmth.trend, 'warming');
});

test('topics come from their bio and their hashtags', () => {
  const h = history().they('post', '2026-03-01', 'Weekend #sourdough practice, third loaf this week #baking').they('post', '2026-03-08', 'More #sourdough experiments with rye flour');
  h.list.forEach((i) => ((i as { personId: number | null }).personId = PIA));
  const bio = { bio: 'Home baker and allotment gardener in Harrogate' } as Identity;
  const rel = asOf(h, '2026-03-09', [bio]);
  assert.equal(rel.topics[0], 'sourdough');
  assert.ok(rel.topics.includes('baking'));
  assert.ok(rel.topics.includes('allotment') || rel.topics.includes('gardener'));
});

test('interactions are grouped by the person on the other side; your own posts belong to no one', () => {
  const a = history().they('like', '2026-01-01').list;
  const own = { ...a[0]!, id: 99, personId: null, kind: 'post' as const, direction: 'out' as const };
  const groups = groupByPerson([...a, own]);
  assert.deepEqual([...groups.keys()], [PIA]);
});
