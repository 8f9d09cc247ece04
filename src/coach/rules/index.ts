/** Every rule of the coach, one per playbook principle it can judge on a single draft. */
import { askAndListen } from './ask-and-listen.js';
import { bePersonal } from './be-personal.js';
import { consistency } from './consistency.js';
import { egoInCheck } from './ego-in-check.js';
import { giveBeforeAsk } from './give-before-ask.js';
import { noColdBlast } from './no-cold-blast.js';
import { noFirstDateProposal } from './no-first-date-proposal.js';
import { noThreadJacking } from './no-thread-jacking.js';
import { qualityOverQuantity } from './quality-over-quantity.js';
import type { Rule } from './rule.js';
import { stayInTouch } from './stay-in-touch.js';
import { thankProportionately } from './thank-proportionately.js';

// `consistency` and `quality-over-quantity` mostly describe an account over weeks (the audit's
// figures); on one draft they judge an offer after a long silence and a request for a follow.
// The order is the order of reasons and suggestions within one severity: thanking comes before giving.
export const RULES: readonly Rule[] = [
  noColdBlast, noThreadJacking, noFirstDateProposal, thankProportionately, giveBeforeAsk, askAndListen, bePersonal, egoInCheck,
  stayInTouch, consistency, qualityOverQuantity,
];
export type { CoachContext, Rule } from './rule.js';
