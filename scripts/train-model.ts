/**
 * Trains the shipped promotional model from data/training/ and writes models/promotional.json.
 * Deterministic: the same training files always give a byte-identical weights file (fixed seed,
 * fixed epochs, files read in sorted order). data/eval/ is never read here.
 *
 *   node --import tsx scripts/train-model.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedupeExamples, parseLabelledFile } from '../src/language/corpus.js';
import { trainModel } from '../src/language/model.js';
import type { TrainingExample } from '../src/language/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const trainingDir = join(root, 'data', 'training');
const out = join(root, 'models', 'promotional.json');

export function loadTrainingDir(dir: string): { examples: TrainingExample[]; perFile: Record<string, number> } {
  const examples: TrainingExample[] = [];
  const perFile: Record<string, number> = {};
  for (const name of readdirSync(dir).sort()) {
    const parsed = parseLabelledFile(name, readFileSync(join(dir, name), 'utf8'));
    if (!parsed) continue;
    perFile[name] = parsed.length;
    examples.push(...parsed);
  }
  return { examples, perFile };
}

const { examples, perFile } = loadTrainingDir(trainingDir);
const unique = dedupeExamples(examples);
const started = process.hrtime.bigint();
const weights = trainModel(unique);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const json = JSON.stringify(weights) + '\n';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
console.log(
  JSON.stringify(
    {
      files: perFile,
      examples: unique.length,
      promotional: unique.filter((e) => e.promotional).length,
      duplicatesDropped: examples.length - unique.length,
      threshold: weights.threshold,
      bytes: Buffer.byteLength(json),
      sha256: createHash('sha256').update(json).digest('hex'),
      trainMs: Math.round(ms),
      wrote: out,
    },
    null,
    2,
  ),
);
