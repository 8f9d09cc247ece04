/**
 * How the relationship engines read a message: a function from text to its analysis, configured
 * once (own domains, brands, the user's model) by whoever loads the data. Passing it in keeps the
 * folds pure and lets tests read messages with the shipped model.
 */
import { analyzeMessage, type AnalysisContext, type IntentName, type MessageAnalysis } from '../language/index.js';

export type MessageReader = (text: string) => MessageAnalysis;

/**
 * `cache: false` for callers that keep what they need of each analysis themselves (a fold over
 * the whole workspace keeps each text's intents): a second cache would only cost memory.
 */
export function createMessageReader(context: AnalysisContext = {}, { cache: cached = true }: { cache?: boolean } = {}): MessageReader {
  if (!cached) return (text) => analyzeMessage(text, context);
  const cache = new Map<string, MessageAnalysis>();
  return (text) => {
    let analysis = cache.get(text);
    if (!analysis) {
      analysis = analyzeMessage(text, context);
      // Templates and stock replies repeat; a bounded cache keeps memory flat on huge workspaces.
      if (cache.size > 50_000) cache.clear();
      cache.set(text, analysis);
    }
    return analysis;
  };
}

/** The intent's evidence when it scores at least `threshold`, else undefined. */
export function intentOf(analysis: MessageAnalysis, name: IntentName, threshold: number): { score: number; evidence: string[] } | undefined {
  const intent = analysis.intents.find((i) => i.name === name);
  return intent && intent.score >= threshold ? intent : undefined;
}
