/**
 * Each playbook principle in one sentence, so every badge on every page can answer "why?". The
 * sentences are the audit engine's own (src/audit/principles.ts): the pages and the reports say
 * the same thing.
 */
import { PRINCIPLE_EXPLANATIONS } from '../../src/audit/principles.js';

/** The sentence for a principle id; a newer server may name one this page does not know yet. */
export function explainPrinciple(id: string): string {
  return (PRINCIPLE_EXPLANATIONS as Readonly<Record<string, string>>)[id] ?? '';
}
