/**
 * The people of the demo: who they are (profile), what role they play for the bakery, when they
 * followed. Roles are fixed shares of `people`, so a smaller demo keeps every situation.
 */
import type { DemoPlatform } from './demo-records.js';
import type { Random } from './random.js';
import { BIOS, BOT_NAMES, BUSINESS_KINDS, FAR_PLACES, FOLLOWS_EVERYONE_BIOS, NEARBY_TOWNS, TOWN, fillText } from './text-bank.js';
import { DAY } from './timeline.js';
import type { DemoWorkspace, Person, Role } from './workspace.js';

const FIRST_NAMES = [
  'Ana', 'Priya', 'Tom', 'Hannah', 'Oliver', 'Fatima', 'James', 'Chloe', 'Mohammed', 'Sophie', 'Daniel', 'Aisha',
  'George', 'Emily', 'Harry', 'Grace', 'Jack', 'Isla', 'Ravi', 'Lucy', 'Sam', 'Ellie', 'Ben', 'Megan', 'Kwame',
  'Zara', 'Luke', 'Amelia', 'Callum', 'Niamh', 'Ethan', 'Freya', 'Joe', 'Rosie', 'Matt', 'Holly', 'Adam', 'Leah',
  'Ryan', 'Maisie', 'Kieran', 'Imogen', 'Owen', 'Abigail', 'Liam', 'Jess', 'Alex', 'Molly', 'Nathan', 'Poppy',
  'Marek', 'Ines', 'Tariq', 'Bethan', 'Yusuf', 'Carys', 'Pia', 'Rhys', 'Wen', 'Dev', 'Eilidh', 'Femi', 'Agnieszka',
  'Rob', 'Helen', 'Simon', 'Claire', 'Martin', 'Julie', 'Ian', 'Karen', 'Gareth', 'Nicola', 'Stuart', 'Anita',
  'Paul', 'Mei', 'Lars', 'Sunita', 'Tobias', 'Keisha', 'Arjun', 'Ruth', 'Colin', 'Brenda', 'Declan', 'Orla',
];
const SURNAMES = [
  'Ribeiro', 'Patel', 'Hughes', 'Walker', 'Clarke', 'Khan', 'Taylor', 'Wood', 'Ahmed', 'Brown', 'Harris', 'Okafor',
  'Wright', 'Green', 'Hall', 'Thompson', 'Robinson', 'Shaw', 'Sharma', 'Bell', 'Lewis', 'Evans', 'Dixon', 'Turner',
  'Mensah', 'Ali', 'Baxter', 'Murphy', 'Kowalski', 'Ferreira', 'Chen', 'Nielsen', 'Lindqvist', 'Mahmood', 'Jones',
  'Carter', 'Sutcliffe', 'Ackroyd', 'Holroyd', 'Pickles', 'Fairclough', 'Barraclough', 'Gill', 'Rahman', 'Owusu',
  'Morgan', 'Price', 'Fletcher', 'Booth', 'Armitage', 'Dunn', 'Kaur', 'Novak', 'Santos', 'Doyle', 'Brennan',
];
const MASTODON_INSTANCES = ['mastodon.social', 'mstdn.social', 'yorkshire.social', 'toot.community', 'bakers.social', 'mastodon.online', 'hachyderm.io', 'fosstodon.org'];

/** Shares of the cast per role, in the order they are given out; lurkers take the rest. */
const ROLE_SHARES: [Role, number][] = [
  ['advocate', 0.02],
  ['regular', 0.1],
  ['gone-quiet', 0.04],
  ['neighbour-business', 0.045],
  ['acquaintance', 0.2],
  ['follows-everyone', 0.035],
  ['bot', 0.105],
];
const INTERESTS = Object.keys(BIOS);
const AUDIENCE_INTERESTS = ['home-baker', 'coffee', 'foodie'];

interface Names {
  used: Set<string>;
}

function handleFor(rng: Random, platform: DemoPlatform, first: string, last: string, names: Names): string {
  const base = platform === 'mastodon'
    ? rng.pick([`${first}${last}`, `${first}_${last}`, `${first}`, `${first}${last.slice(0, 1)}`]).toLowerCase()
    : rng.pick([`${first}${last}`, `${first}-${last}`, `${first}${last.slice(0, 1)}`]).toLowerCase();
  const clean = base.normalize('NFD').replace(/[^a-z0-9_-]/g, '');
  for (let n = 0; ; n++) {
    const stem = n === 0 ? clean : `${clean}${n + 1}`;
    const handle = platform === 'mastodon' ? `@${stem}@${rng.pick(MASTODON_INSTANCES)}` : `${stem}.bsky.social`;
    if (!names.used.has(handle)) {
      names.used.add(handle);
      return handle;
    }
  }
}

function roleCounts(total: number): Role[] {
  const roles: Role[] = [];
  for (const [role, share] of ROLE_SHARES) {
    const n = Math.max(role === 'advocate' ? 3 : 2, Math.round(total * share));
    for (let i = 0; i < n; i++) roles.push(role);
  }
  while (roles.length < total) roles.push('lurker');
  return roles.slice(0, total);
}

/** When someone with this role first followed the bakery, as a day index. */
function followDay(rng: Random, role: Role, days: number): number {
  switch (role) {
    case 'advocate': return rng.int(0, 45);
    case 'regular': return rng.int(0, Math.floor(days * 0.6));
    case 'gone-quiet': return rng.int(0, 40);
    case 'neighbour-business': return rng.int(0, 120);
    case 'acquaintance': return rng.int(0, days - 20);
    case 'follows-everyone': return rng.int(20, days - 10);
    case 'bot': return 0; // set by the bot scenario: they arrive in bursts
    case 'lurker': return rng.int(0, days - 1);
  }
}

export function buildCast(ws: DemoWorkspace, total: number): void {
  const rng = ws.rng.fork('cast');
  const { timeline } = ws;
  const names: Names = { used: new Set(Object.values({ a: '@crumbandco@bakers.social', b: 'crumbandco.bsky.social' })) };
  const roles = rng.shuffle(roleCounts(total));
  let businessIndex = 0;

  for (const role of roles) {
    const platform: DemoPlatform = rng.chance(0.55) ? 'mastodon' : 'bluesky';
    const first = role === 'bot' ? rng.pick(BOT_NAMES).split(' ')[0] ?? 'Sam' : rng.pick(FIRST_NAMES);
    const last = rng.pick(SURNAMES);
    let name = `${first} ${last}`;
    let interest = rng.chance(0.45) ? rng.pick(AUDIENCE_INTERESTS) : rng.pick(INTERESTS);
    let bio = fillText(rng.pick(BIOS[interest] ?? ['']), { town: TOWN });
    const local = rng.chance(role === 'lurker' ? 0.35 : 0.6);
    let location = local ? rng.pick([TOWN, TOWN, TOWN, `${TOWN}, UK`, `${TOWN}, North Yorkshire`, ...NEARBY_TOWNS]) : rng.pick(FAR_PLACES);
    let followers = rng.logInt(20, 2500);
    let following = rng.logInt(50, 1200);
    let posts = rng.logInt(30, 9000);
    let created = timeline.start - rng.int(200, 4000) * DAY + rng.int(0, 86_399) * 1000;
    let hasAvatar = true;
    let handleFirst = first;
    let handleLast = last;

    if (role === 'neighbour-business') {
      const business = BUSINESS_KINDS[businessIndex++ % BUSINESS_KINDS.length]!;
      interest = 'business';
      name = `${last} ${business.kind.replace(/^./, (c) => c.toUpperCase())}`;
      bio = fillText(business.bio, { town: TOWN });
      location = rng.pick([TOWN, `${TOWN}, UK`, 'Knaresborough']);
      handleFirst = last;
      handleLast = business.kind.replace(/\s/g, '');
    } else if (role === 'follows-everyone') {
      bio = rng.pick(FOLLOWS_EVERYONE_BIOS);
      followers = rng.int(8000, 30000);
      following = Math.round(followers * (0.95 + rng.next() * 0.1));
      location = rng.pick(['Worldwide', 'Dubai', 'London', 'Miami', '']);
      interest = 'local';
    } else if (role === 'bot') {
      name = rng.chance(0.5) ? rng.pick(BOT_NAMES) : `${first}${rng.int(1000, 99999)}`;
      bio = '';
      location = '';
      followers = rng.int(0, 12);
      following = rng.int(2000, 7500);
      posts = 0;
      hasAvatar = false;
      handleLast = String(rng.int(100, 99999));
      interest = 'local';
    }

    const person: Person = {
      platform,
      handle: handleFor(rng, platform, handleFirst, handleLast, names),
      name,
      first: role === 'neighbour-business' ? name : first,
      bio,
      location,
      followers,
      following,
      posts,
      created,
      hasAvatar,
      role,
      interest,
      uses: new Set(),
    };
    if (role !== 'bot') {
      person.followedAt = timeline.daytime(rng, followDay(rng, role, timeline.days));
    }
    ws.people.push(person);
  }
  addTwins(ws, rng, names);
}

/** A handful of humans who use both platforms: same name, a second identity. */
function addTwins(ws: DemoWorkspace, rng: Random, names: Names): void {
  const candidates = ws.people.filter((p) => ['advocate', 'regular', 'acquaintance'].includes(p.role));
  const count = Math.max(2, Math.round(ws.people.length / 50));
  for (const person of rng.sample(candidates, count)) {
    const platform: DemoPlatform = person.platform === 'mastodon' ? 'bluesky' : 'mastodon';
    const [first = person.first, last = 'x'] = person.name.split(' ');
    const twin: Person = {
      ...person,
      platform,
      handle: handleFor(rng, platform, first, last, names),
      followers: Math.round(person.followers * (0.2 + rng.next() * 0.6)),
      following: Math.round(person.following * (0.3 + rng.next() * 0.6)),
      posts: Math.round(person.posts * (0.1 + rng.next() * 0.4)),
      created: ws.timeline.start - rng.int(30, 700) * DAY + rng.int(0, 86_399) * 1000,
      role: 'lurker',
      uses: new Set(['twin']),
      twin: person,
    };
    twin.followedAt = ws.timeline.daytime(rng, rng.int(60, ws.timeline.days - 30));
    person.twin = twin;
    ws.people.push(twin);
  }
}
