/** What every rule sees (the gathered facts and the enriched draft) and what it returns. */
import type { Principle } from '../../playbook/playbook.js';
import { intentOf } from '../../relationships/message-reader.js';
import type { IntentName } from '../../language/index.js';
import type { Enriched } from '../enrich.js';
import type { Gathered } from '../gather.js';
import type { CoachInput, Finding } from '../types.js';

export interface CoachContext {
  readonly input: CoachInput;
  readonly g: Gathered;
  readonly e: Enriched;
}

export interface Rule {
  readonly principle: Principle;
  check(ctx: CoachContext): Finding[];
}

export function has(ctx: CoachContext, name: IntentName): { score: number; evidence: string[] } | undefined {
  return intentOf(ctx.e.analysis, name, ctx.input.playbook.language.intentThreshold);
}

export function words(evidence: readonly string[], max = 3): string {
  return evidence.slice(0, max).map((e) => `“${e}”`).join(', ');
}
