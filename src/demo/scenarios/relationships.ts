/**
 * The relationships that matter most: a few long and generous ones (advocates), warm regulars,
 * warm contacts gone quiet (`stay-in-touch`), meetings off-line, and the notes the owner keeps.
 */
import {
  ADVOCATE_MENTIONS, EARNED_ASKS, MEETINGS, WARM_ANSWERS_IN, WARM_ANSWERS_OUT, WARM_OPENERS_IN, WARM_OPENERS_OUT,
} from '../text-bank.js';
import type { DemoWorkspace, Person } from '../workspace.js';
import { praisedShare } from './shares.js';

/** One two-way exchange by DM on `day`, started by them or by the bakery. */
function exchange(ws: DemoWorkspace, person: Person, day: number, theyStart: boolean): void {
  const rng = ws.rng;
  const at = ws.timeline.daytime(rng, day, 8, 20);
  if (!ws.isActive(person, at)) return;
  const i = rng.int(0, theyStart ? WARM_OPENERS_IN.length - 1 : WARM_OPENERS_OUT.length - 1);
  if (theyStart) {
    const opener = ws.in(person, { at, kind: 'dm', text: ws.casual(WARM_OPENERS_IN[i]!), label: 'warm-exchange' });
    ws.out(person, { at: ws.timeline.later(rng, opener.at, 5, 240), kind: 'dm', text: ws.personal(WARM_ANSWERS_OUT[i]!, person), label: 'warm-exchange' });
  } else {
    const opener = ws.out(person, { at, kind: 'dm', text: ws.personal(WARM_OPENERS_OUT[i]!, person), label: 'warm-exchange' });
    ws.in(person, { at: ws.timeline.later(rng, opener.at, 10, 600), kind: 'dm', text: ws.casual(WARM_ANSWERS_IN[i % WARM_ANSWERS_IN.length]!), label: 'warm-exchange' });
  }
}

function spreadDays(ws: DemoWorkspace, from: number, until: number, count: number): number[] {
  const days = new Set<number>();
  for (let i = 0; i < count * 3 && days.size < count && from <= until; i++) days.add(ws.rng.int(from, until));
  return [...days].sort((a, b) => a - b);
}

/** Advocates: they start conversations, recommend the bakery unprompted, and get helped back. */
export function generousRelationships(ws: DemoWorkspace): void {
  const { timeline } = ws;
  for (const person of ws.peopleWithRole('advocate')) {
    person.uses.add('advocate');
    const start = timeline.dayOf(person.followedAt!) + 3;
    for (const day of spreadDays(ws, start, timeline.days - 2, ws.rng.int(10, 16))) exchange(ws, person, day, ws.rng.chance(0.65));
    for (const day of spreadDays(ws, start + 10, timeline.days - 1, ws.rng.int(2, 4))) {
      const at = timeline.daytime(ws.rng, day, 8, 21);
      if (ws.isActive(person, at)) ws.in(person, { at, kind: 'mention', text: ws.text(ws.rng.pick(ADVOCATE_MENTIONS), person), label: 'advocate-mention' });
    }
    // A recommendation in the last weeks, thanked publicly, keeps them on today's radar.
    praisedShare(ws, person, timeline.days - ws.rng.int(2, 12), 'public');
    const askDay = ws.rng.int(Math.floor(timeline.days * 0.6), timeline.days - 20);
    ws.out(person, { at: timeline.daytime(ws.rng, askDay, 10, 18), kind: 'dm', text: ws.text(ws.rng.pick(EARNED_ASKS), person), label: 'earned-ask' });
  }
}

/** Regulars: steady two-way conversation across the year, still going. */
export function warmRegulars(ws: DemoWorkspace): void {
  const { timeline } = ws;
  for (const person of ws.peopleWithRole('regular')) {
    const start = timeline.dayOf(person.followedAt!) + 5;
    for (const day of spreadDays(ws, start, timeline.days - 3, ws.rng.int(3, 9))) exchange(ws, person, day, ws.rng.chance(0.5));
  }
}

/**
 * `stay-in-touch`: many two-way exchanges from the second to the ninth month, then nothing at all
 * for the last six to ten weeks.
 */
export function goneQuiet(ws: DemoWorkspace): void {
  const { timeline } = ws;
  for (const person of ws.peopleWithRole('gone-quiet')) {
    person.uses.add('gone-quiet');
    const quietDays = ws.rng.int(42, 70);
    person.quietFrom = timeline.day(timeline.days - quietDays) + 8 * 3_600_000;
    const lastDay = timeline.days - quietDays - 1;
    const start = Math.max(timeline.dayOf(person.followedAt!) + 3, 30);
    for (const day of spreadDays(ws, start, lastDay, ws.rng.int(10, 16))) exchange(ws, person, day, ws.rng.chance(0.5));
    // The last exchange lands right before the silence, so "last touch" is unambiguous.
    exchange(ws, person, lastDay, ws.rng.chance(0.5));
  }
}

/** Meetings off-line, logged by the owner. */
export function meetings(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('meetings');
  const pool = [...ws.peopleWithRole('advocate'), ...rng.sample(ws.peopleWithRole('regular', 'neighbour-business', 'gone-quiet'), Math.max(3, Math.round(ws.people.length / 25)))];
  for (const person of pool) {
    const first = ws.timeline.dayOf(person.followedAt!) + 7;
    const last = ws.timeline.dayOf(person.quietFrom ?? ws.timeline.end) - 2;
    for (const day of spreadDays(ws, first, last, person.role === 'advocate' ? 2 : 1)) {
      const at = ws.timeline.daytime(rng, day, 9, 17);
      if (ws.isActive(person, at)) ws.out(person, { at, kind: 'meeting', text: rng.pick(MEETINGS), label: 'meeting' });
    }
  }
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/**
 * Life events and follow-ups, relative to the last day: some reminders are overdue, some due
 * today, some in the future; other notes just record what the person cares about.
 */
export function lifeEventNotes(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('notes');
  const { timeline } = ws;
  const today = timeline.days - 1;
  const dayOfMonth = (d: number) => ordinal(Number(timeline.date(d).slice(8)));
  const reminders: { text: string; writtenDaysBefore: number; remindDay: number; roles: Person['role'][] }[] = [
    { text: `On vacation in Portugal until the ${dayOfMonth(today - 8)}. Ask how it was.`, writtenDaysBefore: 23, remindDay: today - 8, roles: ['regular', 'advocate'] },
    { text: 'Just started at Acme Logistics as operations manager. Congratulate!', writtenDaysBefore: 4, remindDay: today - 2, roles: ['regular', 'acquaintance'] },
    { text: `Daughter’s wedding on the ${dayOfMonth(today + 5)} in Nov. Send congratulations after.`, writtenDaysBefore: 60, remindDay: today + 6, roles: ['advocate', 'regular'] },
    { text: 'Knee surgery on the 3rd. Check in on the recovery.', writtenDaysBefore: 25, remindDay: today, roles: ['regular', 'neighbour-business'] },
    { text: 'Baby due in December! Maybe a little cake when it arrives.', writtenDaysBefore: 40, remindDay: today + 25, roles: ['regular', 'advocate'] },
    { text: 'Asked about a sourdough class. Tell her as soon as the January dates are set.', writtenDaysBefore: 30, remindDay: today + 45, roles: ['acquaintance', 'regular'] },
    { text: 'Moving house at the end of September. Ask how the new place is.', writtenDaysBefore: 80, remindDay: today - 50, roles: ['gone-quiet'] },
    { text: 'Mum was in hospital over the summer. Ask after her.', writtenDaysBefore: 70, remindDay: today - 1, roles: ['gone-quiet', 'regular'] },
    { text: `Birthday on the ${dayOfMonth(today + 2)}.`, writtenDaysBefore: 200, remindDay: today + 2, roles: ['advocate', 'regular'] },
    { text: `Running the York 10k on the ${dayOfMonth(today - 4)}. Ask how it went.`, writtenDaysBefore: 20, remindDay: today - 4, roles: ['regular', 'gone-quiet'] },
    { text: 'Lost her job at the council in September. Be kind; the café on Montpellier Hill is hiring, maybe an intro?', writtenDaysBefore: 45, remindDay: today - 6, roles: ['gone-quiet', 'acquaintance'] },
    { text: 'Exams in June. Wish her luck.', writtenDaysBefore: 190, remindDay: today - 160, roles: ['regular'] },
    { text: 'Opening a café in the spring. Might want wholesale later: do not pitch, just be helpful.', writtenDaysBefore: 100, remindDay: today + 120, roles: ['neighbour-business', 'acquaintance'] },
    { text: 'Son starting university in Leeds. Ask how he is settling in.', writtenDaysBefore: 50, remindDay: today - 20, roles: ['gone-quiet'] },
    { text: 'Back from a month in India on the 30th. Welcome back!', writtenDaysBefore: 15, remindDay: today + 10, roles: ['regular', 'advocate'] },
  ];
  const facts = [
    'Prefers oat milk; loves the cardamom buns; dog called Pickle.',
    'Coeliac. Always mention the GF options from York.',
    'Home baker, struggling with lamination. Offered to show her our fold.',
    'Runs the book club at the library. Brought the whole club in once.',
    'Allergic to sesame (husband). Never recommend the seeded loaf.',
    'Came to the workshop in March. Keen on rye.',
    'Works nights at the hospital; comes in at 7:30 after shift.',
    'Grew up in Copenhagen; misses proper rugbrød.',
    'Three kids; the youngest wants to be a baker.',
    'Owns the bookshop; happy to swap window posters.',
    'Does the school fair every summer. Asked about brownies for 200.',
    'Vegan since January; likes the focaccia.',
  ];
  const taken = new Set<Person>();
  const pickPerson = (roles: Person['role'][]): Person | undefined => {
    const pool = ws.people.filter((p) => roles.includes(p.role) && !taken.has(p) && !p.uses.has('twin') && p.followedAt !== undefined);
    const person = pool.length > 0 ? rng.pick(pool) : undefined;
    if (person) taken.add(person);
    return person;
  };
  for (const reminder of reminders) {
    const person = pickPerson(reminder.roles);
    if (!person) continue;
    const writtenDay = Math.max(timeline.dayOf(person.followedAt!) + 1, today - reminder.writtenDaysBefore);
    const written = Math.min(timeline.daytime(rng, Math.min(writtenDay, today), 9, 20), person.quietFrom ?? timeline.end, timeline.end - 3_600_000);
    const label = reminder.remindDay <= today ? 'reminder-due' : 'reminder-future';
    ws.note(person, written, reminder.text, timeline.date(reminder.remindDay), label);
  }
  for (const text of facts) {
    const person = pickPerson(['advocate', 'regular', 'neighbour-business', 'acquaintance']);
    if (!person) continue;
    const day = rng.int(timeline.dayOf(person.followedAt!) + 1, today);
    ws.note(person, Math.min(timeline.daytime(rng, day, 9, 20), timeline.end - 3_600_000), text, undefined, 'note');
  }
}

/** The morning of the last day: what "today" opens with. */
export function lastMorning(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('last-morning');
  const { timeline } = ws;
  const today = timeline.days - 1;
  const post = ws.post('mastodon', ws.bakery('mastodon'), timeline.at(today, 7, 5), 'Frost on the Stray and parkin in the oven. What are you all up to this weekend?', 'conversational');
  ws.post('bluesky', ws.bakery('bluesky'), timeline.at(today, 7, 12), 'Good morning! Cinnamon knots are out. Who’s coming in before work?', 'conversational');
  const fans = ws.peopleWithRole('advocate', 'regular').filter((p) => p.platform === 'mastodon' && ws.isActive(p, post.at));
  for (const person of rng.sample(fans, 6)) ws.in(person, { at: timeline.later(rng, post.at, 3, 180), kind: 'like', about: post });
  const fan = fans[0];
  if (fan) {
    const quote = ws.in(fan, { at: timeline.at(today, 8, 47), kind: 'quote', text: 'Best parkin in Yorkshire and the nicest people. Go and see @crumbandco this weekend!', about: post, label: 'praised-share' });
    quote.labels.push('never-thanked');
  }
}

/** Someone follows on the morning of the last day: today's `welcome`, nothing sent yet. */
export function arrivesToday(ws: DemoWorkspace): void {
  const newcomer = ws.unused(ws.peopleWithRole('lurker')).find((p) => p.platform === 'bluesky');
  if (!newcomer) return;
  newcomer.uses.add('arrives-today');
  newcomer.followedAt = ws.timeline.at(ws.timeline.days - 1, 7, 41);
}
