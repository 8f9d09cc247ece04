/**
 * `ask-and-listen` and `consistency`: whether you talk with people or at them — the questions you
 * ask, and your messages to people against your broadcasts.
 */
import { byMonth, excerpt } from '../gather.js';
import { percent, plural, share, type FigureDefinition } from '../figure.js';

export const questionsAsked: FigureDefinition = {
  id: 'questions-asked',
  title: 'Questions asked',
  principles: ['ask-and-listen'],
  reading: 'Share of your messages to people that ask them something. Higher is better: questions are how you learn what people want and need.',
  unit: 'share',
  goodDirection: 'up',
  measure(context) {
    const months = byMonth(context, context.outbound, (m) => m.interaction.at);
    return (month) => {
      const messages = months.get(month.key) ?? [];
      const questions = messages.filter((m) => context.has(m.analysis, 'question'));
      const value = share(questions.length, messages.length);
      return {
        value,
        detail: value === null
          ? 'No messages to people this month.'
          : `${questions.length} of ${plural(messages.length, 'message')} to people (${percent(value)}) asked a question.`,
        counts: { messages: messages.length, questions: questions.length },
        examples: questions.slice(0, context.playbook.audit.examples).map((m) => ({
          at: m.interaction.at, handle: m.handle, what: `asked in a ${m.interaction.kind}`, text: excerpt(m.interaction.text),
        })),
      };
    };
  },
};

export const conversationShare: FigureDefinition = {
  id: 'conversation-share',
  title: 'Conversation vs broadcast',
  principles: ['ask-and-listen', 'consistency'],
  reading: 'Your messages to people (replies, mentions, DMs, quotes) as a share of everything you wrote, posts included. Higher is better: a presence that answers, not a loudspeaker.',
  unit: 'share',
  goodDirection: 'up',
  measure(context) {
    const talks = byMonth(context, context.outbound, (m) => m.interaction.at);
    const posts = byMonth(context, context.ownPosts, (p) => p.at);
    return (month) => {
      const conversations = talks.get(month.key)?.length ?? 0;
      const broadcasts = posts.get(month.key)?.length ?? 0;
      const value = share(conversations, conversations + broadcasts);
      return {
        value,
        detail: value === null
          ? 'You wrote nothing this month.'
          : `${plural(conversations, 'message')} to people against ${plural(broadcasts, 'post')} (${percent(value)} conversation).`,
        counts: { conversations, broadcasts },
        examples: [],
      };
    };
  },
};
