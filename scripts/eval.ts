/**
 * Evaluates `promotional` on the held-out sets in data/eval/ (never used for training or for
 * choosing thresholds) beside two baselines computed in the same run: a keyword list and the
 * `sentiment` package's negative score. Prints one JSON object, then a table.
 *
 *   node --import tsx scripts/eval.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import { analyzeMessage } from '../src/language/analyze.js';
import { parseSmsTsv, parseTrainingLines, parseYoutubeCsv } from '../src/language/corpus.js';
import { BASELINE_KEYWORDS } from '../src/language/lexicons.js';
import type { TrainingExample } from '../src/language/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = join(root, 'data', 'eval');

const sets: { name: string; file: string; examples: TrainingExample[]; targets?: { f1: number; fpr: number } }[] = [
  { name: 'youtube-lmfao', file: 'Youtube03-LMFAO.csv', examples: [], targets: { f1: 0.96, fpr: 0.02 } },
  { name: 'sms-dev', file: 'sms-dev.tsv', examples: [], targets: { f1: 0.94, fpr: 0.01 } },
  { name: 'business', file: 'business-messages.jsonl', examples: [] },
];
for (const s of sets) {
  const content = readFileSync(join(evalDir, s.file), 'utf8');
  s.examples = s.file.endsWith('.csv') ? parseYoutubeCsv(content) : s.file.endsWith('.tsv') ? parseSmsTsv(content) : parseTrainingLines(content);
}

interface Metrics {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
}

function metrics(examples: readonly TrainingExample[], predict: (text: string) => boolean): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const e of examples) {
    const p = predict(e.text);
    if (p && e.promotional) tp++;
    else if (p) fp++;
    else if (e.promotional) fn++;
    else tn++;
  }
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    n: examples.length,
    positives: tp + fn,
    tp,
    fp,
    fn,
    tn,
    precision: r4(precision),
    recall: r4(recall),
    f1: r4(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    fpr: r4(fp + tn ? fp / (fp + tn) : 0),
  };
}

const keywords = BASELINE_KEYWORDS.map((k) => k.toLowerCase());
const keywordBaseline = (text: string): boolean => {
  const lower = text.toLowerCase();
  return keywords.some((k) => lower.includes(k));
};
const sentiment = new Sentiment();
const sentimentBaseline = (text: string): boolean => sentiment.analyze(text).negative.length > 0;

const result: Record<string, Record<string, Metrics> & { meetsTargets?: boolean | null }> = {};
for (const s of sets) {
  const rapport = metrics(s.examples, (t) => analyzeMessage(t).promotional);
  result[s.name] = {
    rapport,
    keywords: metrics(s.examples, keywordBaseline),
    sentimentNegative: metrics(s.examples, sentimentBaseline),
  };
  (result[s.name] as { meetsTargets?: boolean | null }).meetsTargets = s.targets ? rapport.f1 >= s.targets.f1 && rapport.fpr <= s.targets.fpr : null;
}
console.log(JSON.stringify(result));

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6) + '%';
console.log('');
console.log('set            method              n   prec.   recall     F1     FPR');
for (const s of sets) {
  for (const method of ['rapport', 'keywords', 'sentimentNegative'] as const) {
    const m = result[s.name]![method] as Metrics;
    console.log(
      `${s.name.padEnd(14)} ${method.padEnd(17)} ${String(m.n).padStart(4)} ${pct(m.precision)} ${pct(m.recall)} ${m.f1.toFixed(3).padStart(6)} ${pct(m.fpr)}`,
    );
  }
  if (s.targets) console.log(`${''.padEnd(14)} target: F1 ≥ ${s.targets.f1}, FPR ≤ ${(s.targets.fpr * 100).toFixed(0)}%  → ${result[s.name]!.meetsTargets ? 'met' : 'NOT met'}`);
}
