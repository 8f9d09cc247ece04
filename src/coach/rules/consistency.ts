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
    const mine = [
      ...input.recentOutbound.filter((o) => o.at <= input.at).map((o) => ({ at: o.at, to: o.personId ?? o.handle })),
      ...g.history.filter((i) => i.direction === 'out' && CONVERSATIONAL.has(i.kind)).map((i) => ({ at: i.at, to: i.personId })),
    ];
    // Without any message of yours there is nothing to judge presence by (a fresh workspace).
    if (mine.length === 0) return [];
    const last = mine.reduce((a, b) => (a.at >= b.at ? a : b));
    const gap = daysBetween(last.at, input.at);
    const { consistencyGapDays, consistencyWeeks } = input.playbook.coach;
    if (gap >= consistencyGapDays) {
      return [{
        principle: this.principle,
        severity: 'revise',
        evidence: `your last message to anyone was ${Math.round(gap)} days ago (${day(last.at)}); coming back after a silence with ${input.draft.channel === 'post' ? 'an announcement' : 'an offer'} is broadcasting, not being there`,
        suggestions: [`Come back with conversation first: reply to ${g.first === g.handle ? 'people' : g.first} and two or three others about what they posted lately, and keep the offer for next week.`],
      }];
    }
    const now = Date.parse(input.at);
    const weeks = new Set(mine.map((m) => Math.floor((now - Date.parse(m.at)) / WEEK_MS)).filter((w) => w < consistencyWeeks));
    if (weeks.size < consistencyWeeks) return [];
    const people = new Set(mine.filter((m) => now - Date.parse(m.at) < consistencyWeeks * WEEK_MS).map((m) => String(m.to)));
    return [{
      principle: this.principle,
      severity: 'ok',
      evidence: `you have talked with people in each of the last ${count(consistencyWeeks, 'week')} (${count(people.size, 'person', 'people')}): an offer now and then fits a steady presence`,
      suggestions: [],
    }];
  },
};
