/**
 * The language engine: pure message analysis (no I/O). See DESIGN §2 "Message analysis".
 */
export { analyzeMessage } from './analyze.js';
export { templateFingerprint, groupTemplates, templateSkeleton } from './fingerprint.js';
export type { TemplateGroup, TemplateMessage, GroupOptions } from './fingerprint.js';
export { trainModel, loadModel, type TrainOptions } from './model.js';
export { defaultModel } from './default-model.js';
export { tokenize, domainOf, type Token, type TokenKind } from './tokenize.js';
export { parseTrainingLines, parseYoutubeCsv, parseSmsTsv, cleanYoutubeContent, parseLabelledFile, dedupeExamples } from './corpus.js';
export {
  INTENT_NAMES,
  PROMOTIONAL_INTENTS,
  ModelWeightsSchema,
  TrainingExampleSchema,
  type AnalysisContext,
  type Focus,
  type Intent,
  type IntentName,
  type LinkInfo,
  type LoadedModel,
  type MessageAnalysis,
  type ModelWeights,
  type TrainingExample,
} from './types.js';
