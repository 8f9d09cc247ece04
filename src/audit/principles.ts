/** One sentence per playbook principle (DESIGN §1), as the audit explains each figure. */
import type { Principle } from '../playbook/playbook.js';

export const PRINCIPLE_EXPLANATIONS: Readonly<Record<Principle, string>> = {
  'no-first-date-proposal': "Don't pitch people you have not really met yet: earn the conversation before you sell.",
  'no-cold-blast': "Don't answer a new follow with a DM carrying your link or your offer: say hello, or nothing.",
  'be-personal': 'Each follower is a person, not a number: write to them, not to a list.',
  'give-before-ask': 'Give (share their work, help, thank, introduce) before you ask for a share, a review or an introduction.',
  'ego-in-check': "Keep it about them: messages full of I, we and our brand push people away.",
  'ask-and-listen': 'Find out what people want and need by asking them questions and answering what they said.',
  'thank-proportionately': 'Thank every share of your work; a share with praise deserves a public thank-you and a question.',
  'no-thread-jacking': "Don't promote yourself in a conversation someone else started.",
  'stay-in-touch': 'Remember people: notice when a warm relationship goes quiet and reach out before it fades.',
  consistency: 'Be there regularly, week after week, like a team that talks with its fans.',
  'quality-over-quantity': '30 engaged followers beat 30,000 bought ones: watch who engages, not the raw count.',
};
