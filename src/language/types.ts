/**
 * Types of the language engine. Everything that crosses a boundary (the weights file, lines of
 * training data written by users) has a zod schema; the rest are plain TypeScript types.
 */
import { z } from 'zod';

export const INTENT_NAMES = [
  'pitch',
  'favour-ask',
  'self-promo-link',
  'question',
  'gratitude',
  'compliment',
  'helpful',
  'personal',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

/** The intents that make a message `promotional`. */
export const PROMOTIONAL_INTENTS: readonly IntentName[] = ['pitch', 'favour-ask', 'self-promo-link'];

export interface Intent {
  name: IntentName;
  /** In [0, 1]. */
  score: number;
  /** The exact words or spans of the message that triggered the intent. */
  evidence: string[];
}

export interface LinkInfo {
  url: string;
  /** Lower-case host without `www.`; for a bare handle link (`@shop`) the handle. */
  domain: string;
  /** True when it points at one of the workspace's own domains, handles or brands. */
  own: boolean;
}

export interface Focus {
  /** Share of the person-references that point at the sender (I, me, my, we, our, own brand). */
  self: number;
  /** Share that points at the reader (you, your, their name, their handle). */
  other: number;
}

export interface MessageAnalysis {
  text: string;
  promotional: boolean;
  /** In [0, 1]: the learned score combined with the strongest promotional rule. */
  promotionalScore: number;
  /** Only the intents that were found, strongest first. */
  intents: Intent[];
  focus: Focus;
  fingerprint: string;
  links: LinkInfo[];
}

export interface AnalysisContext {
  ownDomains?: string[];
  ownHandles?: string[];
  ownBrands?: string[];
  recipientName?: string;
  /** What the other person said, for `personal` (replying to their words). */
  quotedText?: string;
  model?: LoadedModel;
}

export const TrainingExampleSchema = z.object({
  text: z.string(),
  promotional: z.boolean(),
  /** How much this example counts; user corrections count more than the shipped data. */
  weight: z.number().positive().optional(),
});
export type TrainingExample = z.infer<typeof TrainingExampleSchema>;

export const ModelWeightsSchema = z.object({
  format: z.literal('rapport-promotional-model'),
  version: z.literal(1),
  /** log2 of the hashing dimension. */
  bits: z.number().int().min(8).max(22),
  bias: z.number(),
  /** Lengths of the character n-grams the model reads (3, 4 and/or 5); files without it use all three. */
  charGrams: z.array(z.union([z.literal(3), z.literal(4), z.literal(5)])).min(1).optional(),
  /** Feature families beyond words, n-grams, domains, shapes and rules (see features.ts); files without it have none. */
  features: z.array(z.literal('url-shape')).optional(),
  /** Decision threshold on the probability, chosen by cross-validation on the training data. */
  threshold: z.number().min(0).max(1),
  /** Quantised weight = stored int × scale. */
  scale: z.number().positive(),
  /** Base64 of the unsigned LEB128 gaps between the sorted indices of non-zero weights. */
  indices: z.string(),
  /** Base64 of the int16 (little-endian) quantised weights, in index order. */
  values: z.string(),
  /**
   * Exact verdicts the user asked for, keyed by template fingerprint: a correction must change
   * the verdict on that message even when the learned weights alone would not move far enough.
   */
  overrides: z.record(z.string(), z.boolean()).default({}),
  /** What it was trained on, for humans reading the file. */
  trainedOn: z.object({ examples: z.number().int(), promotional: z.number().int() }),
});
export type ModelWeights = z.infer<typeof ModelWeightsSchema>;

export interface LoadedModel {
  readonly bits: number;
  readonly mask: number;
  readonly bias: number;
  readonly threshold: number;
  /** The quantised weights (int16, as stored); a weight is `weights[i] * scale`. */
  readonly weights: Int16Array;
  readonly scale: number;
  /** Character n-gram lengths as a bit set (see features.ts gramBits). */
  readonly grams: number;
  readonly overrides: ReadonlyMap<string, boolean>;
}
