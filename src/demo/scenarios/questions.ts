/**
 * `ask-and-listen`: customers' questions, in replies and DMs. Most are answered with something
 * useful; some are left hanging (open loops), a few of them in the last days before "today".
 */
import { CUSTOMER_QUESTIONS } from '../text-bank.js';
import { DAY } from '../timeline.js';
import type { DemoWorkspace, Person } from '../workspace.js';

function scaled(ws: DemoWorkspace, per300: number): number {
  return Math.max(2, Math.round((per300 * ws.people.length) / 300));
}

/** Deals the questions like cards, so no one answer is repeated to many people word for word. */
class QuestionDeck {
  private deck: number[] = [];
  constructor(private readonly ws: DemoWorkspace) {}
  draw(): (typeof CUSTOMER_QUESTIONS)[number] {
    if (this.deck.length === 0) this.deck = this.ws.rng.shuffle(CUSTOMER_QUESTIONS.map((_, i) => i));
    return CUSTOMER_QUESTIONS[this.deck.pop()!]!;
  }
}

/** Asks one question; returns false when the person had no moment to ask it. */
function ask(ws: DemoWorkspace, deck: QuestionDeck, person: Person, day: number, answered: boolean): boolean {
  const rng = ws.rng;
  const at = ws.timeline.daytime(rng, day, 7, 21);
  if (!ws.isActive(person, at)) return false;
  const entry = deck.draw();
  const post = ws.latestPostBefore(ws.bakery(person.platform), at);
  const inThread = post !== undefined && at - post.at < 2 * DAY && rng.chance(0.5);
  const question = ws.in(person, {
    at,
    kind: inThread ? 'reply' : 'dm',
    text: entry.question,
    ...(inThread ? { inReplyTo: post } : {}),
    label: answered ? 'question-answered' : 'question-unanswered',
  });
  if (answered) {
    ws.out(person, {
      at: ws.timeline.later(rng, at, 6, 360),
      kind: question.kind,
      text: ws.text(entry.answer, person),
      ...(inThread ? { inReplyTo: post } : {}),
      label: 'answer',
    });
  } else {
    // From here on the bakery never writes to them, so the loop really stays open.
    person.unansweredFrom = at;
  }
  return true;
}

export function customerQuestions(ws: DemoWorkspace): void {
  const rng = ws.rng.fork('questions');
  const { timeline } = ws;
  const deck = new QuestionDeck(ws);
  // Answered: people of every kind, and the warm ones several times.
  const askers = ws.peopleWithRole('advocate', 'regular', 'gone-quiet', 'neighbour-business', 'acquaintance', 'lurker')
    .filter((p) => !p.uses.has('twin') && p.followedAt !== undefined);
  for (const person of rng.sample(askers, scaled(ws, 70))) {
    person.uses.add('asked');
    const warm = ['advocate', 'regular', 'gone-quiet'].includes(person.role);
    const times = warm ? rng.int(1, 3) : 1;
    const last = timeline.dayOf(person.quietFrom ?? timeline.end) - 1;
    const first = timeline.dayOf(person.followedAt!) + 1;
    for (let i = 0; i < times && first < last; i++) ask(ws, deck, person, rng.int(first, last), true);
  }
  // Unanswered: later than any answered question of theirs, and most of them recent.
  const open = ws.unused(ws.peopleWithRole('acquaintance', 'lurker')).filter((p) => p.followedAt !== undefined && p.followedAt < timeline.end - 3 * DAY);
  let made = 0;
  for (const person of rng.shuffle(open)) {
    if (made >= scaled(ws, 26)) break;
    const first = Math.max(timeline.dayOf(person.followedAt!) + 1, made < scaled(ws, 8) ? timeline.days - 12 : timeline.days - 120);
    if (first > timeline.days - 1) continue;
    person.uses.add('unanswered');
    if (ask(ws, deck, person, rng.int(first, timeline.days - 1), false)) made++;
  }
}
