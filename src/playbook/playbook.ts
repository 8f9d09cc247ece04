/**
 * The playbook's thresholds are data, not code (DESIGN §1): every number the engines use lives
 * here with its documented default, and a workspace may override any of them.
 */
import { z } from 'zod';

export const PRINCIPLES = [
  'no-first-date-proposal', 'no-cold-blast', 'be-personal', 'give-before-ask', 'ego-in-check',
  'ask-and-listen', 'thank-proportionately', 'no-thread-jacking', 'stay-in-touch', 'consistency',
  'quality-over-quantity',
] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const STAGES = ['stranger', 'connected', 'acquainted', 'engaged', 'trusted', 'advocate'] as const;
export type Stage = (typeof STAGES)[number];

export const playbookSchema = z.object({
  stages: z.object({
    answerWindowDays: z.number().positive().default(14)
      .describe('A message counts as answered when the other side writes back within this many days.'),
    engagedMinDays: z.number().int().positive().default(3)
      .describe('Two-way exchanges on at least this many different days make a relationship engaged.'),
    trustedAfterDays: z.number().nonnegative().default(28)
      .describe('Engaged for at least this many days, with them initiating too and a positive ledger, makes it trusted.'),
  }).prefault({}),
  warmth: z.object({
    halfLifeDays: z.number().positive().default(30)
      .describe('Warmth from an interaction halves every this many days.'),
  }).prefault({}),
});

export type Playbook = z.output<typeof playbookSchema>;

export const DEFAULT_PLAYBOOK: Playbook = playbookSchema.parse({});

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}
