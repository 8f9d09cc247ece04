/** `stay-in-touch`: after a long silence, reconnect before you ask; follow up on what you noted. */
import { stageRank } from '../../playbook/playbook.js';
import { noteStep, personalSteps } from '../suggest.js';
import { day } from '../words.js';
import { has, type Rule } from './rule.js';
import type { Finding } from '../types.js';

export const stayInTouch: Rule = {
  principle: 'stay-in-touch',
  check(ctx) {
    const { input, g, e } = ctx;
    const out: Finding[] = [];
    const quiet = g.quietDays;
    const lastTalk = g.relationship.touches.lastIn && g.relationship.touches.lastOut
      ? (g.relationship.touches.lastIn > g.relationship.touches.lastOut ? g.relationship.touches.lastIn : g.relationship.touches.lastOut)
      : (g.relationship.touches.lastIn ?? g.relationship.touches.lastOut);
    const asking = e.selling !== null || e.favourAsk !== null;
    if (quiet !== null && quiet >= input.playbook.coach.quietAfterDays && stageRank(g.relationship.stage) >= stageRank('acquainted')) {
      const since = `you and ${g.first} last talked ${Math.round(quiet)} days ago${lastTalk ? ` (${day(lastTalk)})` : ''}`;
      if (asking) {
        out.push({
          principle: this.principle,
          severity: 'revise',
          evidence: `${since}; coming back with ${e.favourAsk ? 'a favour-ask' : 'an offer'} first reads as using them`,
          suggestions: [`Reconnect first: ask ${g.first} how they have been.`, ...personalSteps(ctx)],
        });
      } else if (has(ctx, 'question') || has(ctx, 'personal')) {
        out.push({ principle: this.principle, severity: 'ok', evidence: `${since}; this picks the conversation up again without asking for anything`, suggestions: [] });
      }
    }
    const due = g.notes.find((n) => n.remind && n.remind <= input.at.slice(0, 10) && (!g.relationship.touches.lastOut || g.relationship.touches.lastOut < n.remind));
    const step = due ? noteStep(ctx) : undefined;
    if (due && step) out.push({ principle: this.principle, severity: 'note', evidence: `your note of ${day(due.at)} has a reminder for ${due.remind}`, suggestions: [step] });
    return out;
  },
};
