/** Every rule of the coach, one per playbook principle it can judge on a single draft. */
import { askAndListen } from './ask-and-listen.js';
import { bePersonal } from './be-personal.js';
import { egoInCheck } from './ego-in-check.js';
import { giveBeforeAsk } from './give-before-ask.js';
import { noColdBlast } from './no-cold-blast.js';
import { noFirstDateProposal } from './no-first-date-proposal.js';
import { noThreadJacking } from './no-thread-jacking.js';
import type { Rule } from './rule.js';
import { stayInTouch } from './stay-in-touch.js';
import { thankProportionately } from './thank-proportionately.js';

// `consistency` and `quality-over-quantity` describe an account over weeks, not one message:
// the audit judges them.
export const RULES: readonly Rule[] = [
  noColdBlast, noThreadJacking, noFirstDateProposal, giveBeforeAsk, askAndListen, bePersonal, egoInCheck, thankProportionately, stayInTouch,
];
export type { CoachContext, Rule } from './rule.js';
