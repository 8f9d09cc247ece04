/** `no-cold-blast`: don't DM a new follower your e-book — a link or a pitch right after a follow. */
import { openerStep, topicStep } from '../suggest.js';
import { ago, day } from '../words.js';
import { words, type Rule } from './rule.js';

export const noColdBlast: Rule = {
  principle: 'no-cold-blast',
  check({ input, g, e }) {
    const follow = g.follow;
    if (input.draft.channel !== 'dm' || !follow) return [];
    const hours = (Date.parse(input.at) - Date.parse(follow.at)) / 3_600_000;
    if (hours > input.playbook.coach.coldBlastHours) return [];
    const { first } = g;
    const links = e.analysis.links.map((l) => l.url);
    const carries = e.selling ? `a pitch (${words(e.selling)})` : links.length > 0 ? `a link (${words(links, 2)})` : null;
    if (!carries) {
      return [{ principle: this.principle, severity: 'ok', evidence: `a welcome with no link and no pitch, ${ago(follow.at, input.at)} after ${first} followed you`, suggestions: [] }];
    }
    if (e.answers) {
      return [{ principle: this.principle, severity: 'ok', evidence: `${first} followed you ${ago(follow.at, input.at)} ago, but the link answers their own question of ${day(e.answers.at)}`, suggestions: [] }];
    }
    const ask = topicStep({ input, g, e });
    return [{
      principle: this.principle,
      severity: 'wait',
      evidence: `${first} followed you ${ago(follow.at, input.at)} ago (${day(follow.at)}), and this DM carries ${carries}: you do not know yet why they followed`,
      suggestions: [
        `Welcome ${first} without any link: thank them for the follow and ask what brought them to you.`,
        ...[openerStep({ input, g, e }), ask].filter((s): s is string => s !== undefined),
      ],
    }];
  },
};
