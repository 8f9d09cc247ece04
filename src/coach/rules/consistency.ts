/**
 * `consistency`: be there regularly, like a team talking with its fans. An account that went
 * silent for weeks and comes back with an offer or an announcement is broadcasting, not present:
 * come back with conversation first. Judged on your own messages to everyone, not only this person.
 */
import { CONVERSATIONAL } from '../../relationships/relationship.js';
import { count, day, daysBetween } from '../words.js';
import type { Rule } from './rule.js';

const WEEK_MS = 7 * 86_400_000;

export const consistency: Rule = {
  principle: 'consistency',
  check(ctx) {
    const { input, g, e } = ctx;
    const broadcasting = (e.selling !== null && e.answers === null) || input.draft.channel === 'post';
    if (!broadcasting) return [];
    // Your messages to anyone: to others (recent), and to them (their whole history).
    let last: string | undefined;
    const mine: { at: string; to: number | string | null }[] = [];
    for (const o of input.recentOutbound) if (o.at <= input.at) mine.push({ at: o.at, to: o.personId ?? o.handle });
    for (const i of g.history) if (i.direction === 'out' && CONVERSATIONAL.has(i.kind)) mine.push({ at: i.at, to: i.personId });
    for (const m of mine) if (last === undefined || m.at > last) last = m.at;
    // Without any message of yours there is nothing to judge presence by (a fresh workspace).
    if (last === undefined) return [];
    const gap = daysBetween(last, input.at);
    const { consistencyGapDays, consistencyWeeks } = input.playbook.coach;
    if (gap >= consistencyGapDays) {
      return [{
        principle: this.principle,
        severity: 'revise',
        evidence: `your last message to anyone was ${Math.round(gap)} days ago (${day(last)}); coming back after a silence with ${input.draft.channel === 'post' ? 'an announcement' : 'an offer'} is broadcasting, not being there`,
        suggestions: [`Come back with conversation first: reply to ${g.first === g.handle ? 'people' : g.first} and two or three others about what they posted lately, and keep the offer for next week.`],
      }];
    }
    // The weeks (counted back from now) in which you wrote to anyone, and to whom, over the last few.
    const now = Date.parse(input.at);
    const weeks = new Set<number>();
    const people = new Set<string>();
    for (const m of mine) {
      const ago = now - Date.parse(m.at);
      if (!(ago < consistencyWeeks * WEEK_MS)) continue;
      weeks.add(Math.floor(ago / WEEK_MS));
      people.add(String(m.to));
    }
    if (weeks.size < consistencyWeeks) return [];
    return [{
      principle: this.principle,
      severity: 'ok',
      evidence: `you have talked with people in each of the last ${count(consistencyWeeks, 'week')} (${count(people.size, 'person', 'people')}): an offer now and then fits a steady presence`,
      suggestions: [],
    }];
  },
};
