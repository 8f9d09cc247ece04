import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecord } from '../domain/records.js';
import { BAKERY_HANDLES, buildDemo, generateDemo, toJsonl, type DemoInteraction, type DemoNote, type DemoProfile, type DemoRecord } from './generate-demo.js';

const LAST_DAY = '2026-11-20';
const DAY = 86_400_000;
const { records, labels } = buildDemo();
const interactions = records.filter((r): r is DemoInteraction => r.type === 'interaction');
const profiles = records.filter((r): r is DemoProfile => r.type === 'profile');
const notes = records.filter((r): r is DemoNote => r.type === 'note');
const own = new Set(Object.values(BAKERY_HANDLES));
const isOut = (i: DemoInteraction) => own.has(i.actor);
const other = (i: DemoInteraction) => (isOut(i) ? i.target : i.actor);
const key = (platform: string, handle: string | undefined) => `${platform}:${handle}`;
const profileOf = new Map(profiles.map((p) => [key(p.platform, p.handle), p]));
const byId = new Map(interactions.map((i) => [key(i.platform, i.id), i]));
const time = (iso: string) => Date.parse(iso);
const firstName = (i: DemoInteraction) => profileOf.get(key(i.platform, other(i)))?.name.split(' ')[0] ?? '';
const follows = new Map<string, number>();
for (const i of interactions) if (i.kind === 'follow' && !isOut(i) && !follows.has(key(i.platform, i.actor))) follows.set(key(i.platform, i.actor), time(i.at));
const withLabel = (label: string) => [...labels.entries()].filter(([, l]) => l.includes(label)).map(([k]) => k);
const WRITES = new Set(['reply', 'dm', 'mention', 'quote']);

describe('demo workspace: shape', () => {
  it('is the same on every run, and another seed gives another workspace', () => {
    assert.equal(toJsonl(generateDemo()), toJsonl(records));
    assert.notEqual(toJsonl(generateDemo({ seed: 7 })), toJsonl(records));
  });

  it('has about 300 people and 15k-25k interactions over one year ending on the last day', () => {
    assert.ok(profiles.length >= 280 && profiles.length <= 330, `${profiles.length} profiles`);
    assert.ok(interactions.length >= 15_000 && interactions.length <= 25_000, `${interactions.length} interactions`);
    const first = time(interactions[0]!.at);
    const last = time(interactions.at(-1)!.at);
    assert.ok(last - first > 360 * DAY, 'spans a year');
    assert.equal(interactions.at(-1)!.at.slice(0, 10), LAST_DAY);
    assert.ok(last <= time(`${LAST_DAY}T12:00:00Z`), 'the last events are in the morning');
  });

  it('starts with one account line per own account, then profiles, then events in time order', () => {
    assert.deepEqual(records.slice(0, 2).map((r) => r.type), ['account', 'account']);
    const firstEvent = records.findIndex((r) => r.type === 'interaction' || r.type === 'note');
    assert.ok(records.slice(2, firstEvent).every((r) => r.type === 'profile'));
    const times = records.slice(firstEvent).map((r) => time((r as DemoInteraction | DemoNote).at));
    assert.ok(times.every((t, i) => i === 0 || t >= times[i - 1]!), 'sorted by time');
  });

  it('every line is valid rapport JSONL (DESIGN §4) and passes the domain schema', () => {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    for (const line of toJsonl(records).trimEnd().split('\n')) {
      const value = JSON.parse(line) as DemoRecord;
      const parsed = parseRecord(value);
      assert.ok(parsed.ok, `${line}: ${parsed.ok ? '' : parsed.reason}`);
      if (value.type === 'interaction') {
        assert.match(value.at, iso);
        assert.equal(value.kind === 'post', value.target === undefined, `post has no target, others do: ${line}`);
      }
      if (value.type === 'note') {
        assert.match(value.at, iso);
        if (value.remind !== undefined) assert.match(value.remind, /^\d{4}-\d{2}-\d{2}$/);
      }
      if (value.type === 'profile') assert.match(value.created, iso);
    }
  });

  it('ids are unique per platform and every reference names an earlier post', () => {
    assert.equal(byId.size, interactions.length);
    for (const i of interactions) {
      if (i.inReplyTo !== undefined) {
        const root = byId.get(key(i.platform, i.inReplyTo));
        assert.ok(root && (root.kind === 'post' || root.kind === 'quote') && root.at <= i.at, `inReplyTo of ${i.id}`);
      }
      if (i.about !== undefined) {
        const post = byId.get(key(i.platform, i.about));
        assert.ok(post && post.kind === 'post' && post.at <= i.at, `about of ${i.id}`);
        if (!own.has(post.actor)) assert.ok(post.actor === other(i), `${i.id} is about a post of the person it is with`);
      }
    }
  });

  it('every person acting or targeted has a profile; both directions and both platforms are present', () => {
    for (const i of interactions) {
      for (const handle of [i.actor, i.target]) if (handle && !own.has(handle)) assert.ok(profileOf.has(key(i.platform, handle)), handle);
      if (!isOut(i) && i.target !== undefined) assert.equal(i.target, BAKERY_HANDLES[i.platform]);
    }
    for (const note of notes) assert.ok(profileOf.has(key(note.platform, note.handle)));
    assert.ok(interactions.filter(isOut).length > 2000);
    assert.ok(interactions.filter((i) => !isOut(i)).length > 10_000);
    assert.ok(interactions.some((i) => i.platform === 'mastodon') && interactions.some((i) => i.platform === 'bluesky'));
    const kinds = new Set<string>(interactions.map((i) => i.kind));
    for (const kind of ['follow', 'unfollow', 'like', 'share', 'quote', 'reply', 'mention', 'dm', 'meeting', 'post']) assert.ok(kinds.has(kind), kind);
  });

  it('keeps every situation in a much smaller workspace', () => {
    const small = buildDemo({ people: 60, seed: 3 });
    const found = new Set([...small.labels.values()].flat());
    for (const label of new Set([...labels.values()].flat())) assert.ok(found.has(label), label);
  });
});

describe('demo workspace: the playbook situations (DESIGN §1)', () => {
  it('no-cold-blast: DMs with a link or a pitch within hours of a follow', () => {
    const cold = interactions.filter((i) => {
      const followed = follows.get(key(i.platform, i.target));
      return isOut(i) && i.kind === 'dm' && followed !== undefined && time(i.at) > followed && time(i.at) - followed < DAY
        && /https:\/\/|% off|order/i.test(i.text ?? '');
    });
    assert.ok(cold.length >= 30, `${cold.length} cold DMs`);
  });

  it('be-personal: one greeting pasted to ten or more people, and only the deliberate ones are', () => {
    const reach = new Map<string, Set<string>>();
    for (const i of interactions.filter((x) => isOut(x) && x.text && x.kind !== 'post')) {
      const name = firstName(i);
      const shape = name ? i.text!.split(name).join('{name}') : i.text!;
      reach.set(shape, (reach.get(shape) ?? new Set()).add(key(i.platform, i.target)));
    }
    const templates = [...reach.entries()].filter(([, people]) => people.size >= 10).map(([shape]) => shape);
    assert.ok(templates.length >= 1, 'a template reaches ten people');
    for (const shape of templates) assert.match(shape, /^(Hi|Hey) \{name\}[,!] (Thanks for the follow|welcome to the Crumb & Co family)/);
  });

  it('give-before-ask: favour-asks of people the bakery has given nothing', () => {
    const asks = interactions.filter((i) => isOut(i) && /could you share|leave us a review|vote for us|retweeting|introduce us|tag us/i.test(i.text ?? ''));
    const premature = asks.filter((ask) => !interactions.some((g) =>
      isOut(g) && g.target === ask.target && g.at < ask.at && ['like', 'share', 'reply'].includes(g.kind)));
    assert.ok(premature.length >= 10, `${premature.length} premature favour-asks`);
    assert.ok(withLabel('earned-ask').length >= 3, 'and a few earned ones');
  });

  it('no-first-date-proposal and ego-in-check: early pitches and self-centred messages', () => {
    const early = withLabel('early-pitch').map((k) => byId.get(k)!).filter((pitch) =>
      !interactions.some((i) => i.actor === pitch.target && ['reply', 'dm'].includes(i.kind) && i.at < pitch.at));
    assert.ok(early.length >= 10, `${early.length} pitches before any conversation`);
    const ego = interactions.filter((i) => {
      if (!isOut(i) || !i.text) return false;
      const self = i.text.match(/\b(I|me|my|we|our|us)\b/gi)?.length ?? 0;
      const them = i.text.match(/\b(you|your)\b/gi)?.length ?? 0;
      return self >= 5 && them === 0;
    });
    assert.ok(ego.length >= 10, `${ego.length} ego messages`);
  });

  it('thank-proportionately: praised shares thanked in public, in private, or not at all; plain shares', () => {
    const quotes = interactions.filter((i) => i.kind === 'quote' && !isOut(i));
    const publicly = quotes.filter((q) => interactions.some((r) => isOut(r) && r.kind === 'reply' && r.inReplyTo === q.id && r.platform === q.platform && /\?/.test(r.text ?? '')));
    const privately = withLabel('thanked-private');
    const never = quotes.filter((q) => !interactions.some((r) => isOut(r) && r.target === q.actor && WRITES.has(r.kind) && r.at > q.at && time(r.at) - time(q.at) < 3 * DAY));
    assert.ok(quotes.length >= 50, `${quotes.length} quotes`);
    assert.ok(publicly.length >= 20, `${publicly.length} thanked publicly with a question`);
    assert.ok(privately.length >= 8, `${privately.length} thanked privately`);
    assert.ok(never.length >= 8, `${never.length} never thanked`);
    assert.ok(interactions.filter((i) => i.kind === 'share' && !isOut(i)).length >= 300, 'plain shares');
  });

  it('ask-and-listen: answered questions and open loops, some of them this week', () => {
    const questions = interactions.filter((i) => !isOut(i) && ['reply', 'dm'].includes(i.kind) && i.text?.trim().endsWith('?'));
    const open = questions.filter((q) => !interactions.some((r) => isOut(r) && r.target === q.actor && r.platform === q.platform && WRITES.has(r.kind) && r.at > q.at));
    const recent = open.filter((q) => time(`${LAST_DAY}T12:00:00Z`) - time(q.at) < 14 * DAY);
    assert.ok(questions.length - open.length >= 50, `${questions.length - open.length} answered`);
    assert.ok(open.length >= 15, `${open.length} unanswered`);
    assert.ok(recent.length >= 3, `${recent.length} unanswered in the last two weeks`);
  });

  it('no-thread-jacking: promotion in a thread someone else started, and an invited answer', () => {
    const inTheirThread = interactions.filter((i) => {
      const root = i.inReplyTo ? byId.get(key(i.platform, i.inReplyTo)) : undefined;
      return isOut(i) && i.kind === 'reply' && root?.kind === 'post' && root.actor === i.target;
    });
    const jacks = inTheirThread.filter((i) => /https:\/\/crumbandco\.example/.test(i.text ?? '') && !/\?$/.test(byId.get(key(i.platform, i.inReplyTo!))!.text ?? ''));
    assert.ok(jacks.length >= 5, `${jacks.length} thread-jacks`);
    assert.ok(withLabel('invited-answer').length >= 2);
  });

  it('stay-in-touch: warm contacts gone quiet for the last six to ten weeks', () => {
    const end = time(`${LAST_DAY}T12:00:00Z`);
    const start = time(interactions[0]!.at);
    const days = new Map<string, { in: Set<number>; out: Set<number>; last: number }>();
    for (const i of interactions) {
      if (!['reply', 'dm'].includes(i.kind) && !(i.kind !== 'post' && true)) continue;
      const person = key(i.platform, other(i));
      const entry = days.get(person) ?? { in: new Set(), out: new Set(), last: 0 };
      const day = Math.floor((time(i.at) - start) / DAY);
      if (['reply', 'dm'].includes(i.kind)) (isOut(i) ? entry.out : entry.in).add(day);
      entry.last = Math.max(entry.last, time(i.at));
      days.set(person, entry);
    }
    const quiet = [...days.values()].filter((e) => {
      const twoWay = [...e.in].filter((d) => d >= 30 && d <= 300 && (e.out.has(d) || e.out.has(d + 1))).length;
      return twoWay >= 6 && end - e.last >= 42 * DAY && end - e.last <= 75 * DAY;
    });
    assert.ok(quiet.length >= 8, `${quiet.length} gone quiet`);
  });

  it('notes with reminders: overdue, due today, in the future, and plain notes', () => {
    assert.ok(notes.some((n) => n.remind === '2026-11-12' && /until the 12th/.test(n.text)));
    assert.ok(notes.filter((n) => n.remind !== undefined && n.remind <= LAST_DAY).length >= 5);
    assert.ok(notes.some((n) => n.remind === LAST_DAY));
    assert.ok(notes.filter((n) => n.remind !== undefined && n.remind > LAST_DAY).length >= 3);
    assert.ok(notes.filter((n) => n.remind === undefined).length >= 5);
    assert.ok(notes.some((n) => /Acme/.test(n.text)) && notes.some((n) => /wedding/.test(n.text)));
  });

  it('quality-over-quantity: likely bots following in a burst, and people who follow everyone back', () => {
    const bots = profiles.filter((p) => p.avatar === false && p.bio === '' && p.posts === 0 && p.following >= 1000 && p.followers < 20);
    assert.ok(bots.length >= 20, `${bots.length} bot-like profiles`);
    const burst = new Map<string, number>();
    for (const bot of bots) {
      const followed = follows.get(key(bot.platform, bot.handle));
      assert.ok(followed !== undefined && followed - time(bot.created) < 60 * DAY, 'created weeks before following');
      const day = new Date(followed).toISOString().slice(0, 10);
      burst.set(day, (burst.get(day) ?? 0) + 1);
    }
    assert.ok(Math.max(...burst.values()) >= 10, 'many follow on one day');
    const followsEveryone = profiles.filter((p) => p.followers > 5000 && Math.abs(p.following / p.followers - 1) < 0.1);
    assert.ok(followsEveryone.length >= 5);
  });

  it('long generous relationships: they initiate, recommend with praise, and get helped back', () => {
    const advocates = profiles.filter((p) => {
      const mine = interactions.filter((i) => i.platform === p.platform && other(i) === p.handle);
      const praise = mine.filter((i) => i.kind === 'quote').length;
      const theyStart = mine.filter((i) => !isOut(i) && ['dm', 'mention'].includes(i.kind)).length;
      const sharedTheirs = mine.filter((i) => isOut(i) && i.kind === 'share').length;
      const span = mine.length > 0 ? time(mine.at(-1)!.at) - time(mine[0]!.at) : 0;
      return praise >= 3 && theyStart >= 5 && sharedTheirs >= 1 && span > 200 * DAY;
    });
    assert.ok(advocates.length >= 3, `${advocates.length} advocates`);
  });

  it('audience: people from the same town, bios that fit, people on both platforms', () => {
    assert.ok(profiles.filter((p) => /Harrogate/.test(p.location)).length >= 30);
    assert.ok(profiles.filter((p) => /foodie|home baker|coffee|sourdough|baker/i.test(p.bio)).length >= 40);
    const names = new Map<string, Set<string>>();
    for (const p of profiles) names.set(p.name, (names.get(p.name) ?? new Set()).add(p.platform));
    assert.ok([...names.values()].filter((s) => s.size === 2).length >= 3);
  });

  it('consistency: bursts and gaps in posting, mostly conversational posts; meetings and unfollows', () => {
    const posts = interactions.filter((i) => isOut(i) && i.kind === 'post');
    const weeks = new Map<number, number>();
    for (const p of posts) {
      const week = Math.floor((time(p.at) - time(posts[0]!.at)) / (7 * DAY));
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    const counts = Array.from({ length: 52 }, (_, w) => weeks.get(w) ?? 0);
    assert.ok(counts.some((c) => c === 0), 'a silent week');
    assert.ok(counts.some((c) => c >= 25), 'a burst week');
    const conversational = posts.filter((p) => p.text?.trim().endsWith('?')).length;
    const promo = posts.filter((p) => /https:\/\/|% off|order|free/i.test(p.text ?? '')).length;
    assert.ok(conversational > promo, `${conversational} questions vs ${promo} promotions`);
    assert.ok(interactions.filter((i) => i.kind === 'meeting').length >= 10);
    assert.ok(interactions.filter((i) => i.kind === 'unfollow').length >= 5);
  });
});
