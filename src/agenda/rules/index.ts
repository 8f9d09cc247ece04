/** Every agenda rule, one file each. A rule looks at one person and proposes at most one action. */
import type { Rule } from '../types.js';
import { answerRule } from './answer.js';
import { appreciateRule } from './appreciate.js';
import { followUpRule } from './follow-up.js';
import { reconnectRule } from './reconnect.js';
import { thankRule } from './thank.js';
import { welcomeRule } from './welcome.js';

export const RULES: readonly Rule[] = [thankRule, answerRule, followUpRule, reconnectRule, welcomeRule, appreciateRule];
