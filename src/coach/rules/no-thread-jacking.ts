/** `no-thread-jacking`: don't promote yourself in a conversation someone else started. */
import { openerStep } from '../suggest.js';
import { day, quote } from '../words.js';
import { words, type Rule } from './rule.js';

export const noThreadJacking: Rule = {
  principle: 'no-thread-jacking',
  check(ctx) {
    const { g, e } = ctx;
    const thread = g.thread;
    if (!thread?.root || (thread.startedBy !== 'them' && thread.startedBy !== 'someone-else')) return [];
    const whose = thread.startedBy === 'them' ? `${g.first} started this thread` : 'someone else started this thread';
    const root = `${whose} on ${day(thread.root.at)}${thread.root.text ? ` (${quote(thread.root.text)})` : ''}`;
    if (!e.selling) {
      return [{ principle: this.principle, severity: 'ok', evidence: `${root}; your reply stays on their subject, with no promotion`, suggestions: [] }];
    }
    if (e.answers) {
      return [{ principle: this.principle, severity: 'ok', evidence: `${root} and asked for it: ${quote(e.answers.text, 14)}`, suggestions: [] }];
    }
    const topic = thread.root.text ? `their news, ${quote(thread.root.text, 8)},` : 'what they said';
    return [{
      principle: this.principle,
      severity: 'wait',
      evidence: `${root}; your reply promotes you: ${words(e.selling)}`,
      suggestions: [
        `Reply to ${topic} and nothing else: congratulate ${g.first} or ask a question about it, without your offer or link.`,
        ...[openerStep(ctx)].filter((s): s is string => s !== undefined && !s.includes(quote(thread.root!.text ?? '\u0000'))),
      ],
    }];
  },
};
