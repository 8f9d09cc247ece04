/**
 * The learned half: logistic regression over hashed features (see features.ts), trained with
 * AdaGrad for a fixed number of epochs in an order drawn from a fixed seed, so the same examples
 * always give a byte-identical weights file. Weights ship quantised to int16 and sparse.
 */
import { z } from 'zod';
import { DEFAULT_GRAMS, DISGUISED_LINK, extractFeatures, featureBuffer, featureNorm, gramBits, sigmoid, X_URL_SHAPE } from './features.js';
import { domainOf, K_URL, normOf, scan, SCAN } from './tokenize.js';
import { lookupWords } from './word-index.js';
import { disguisedLinks } from './links.js';
import { lowerForRules, matchRules } from './rules.js';
import { templateFingerprint } from './fingerprint.js';
import { ModelWeightsSchema, type LoadedModel, type ModelWeights, type TrainingExample } from './types.js';
import { prng } from '../support/prng.js';

/** The character n-gram lengths of a newly trained model. */
export const DEFAULT_CHAR_GRAMS: (3 | 4 | 5)[] = [4];
/** Whether a newly trained model reads how links are written (features.ts X_URL_SHAPE). */
export const DEFAULT_URL_SHAPE = false;

export interface TrainOptions {
  /** log2 of the hashing dimension. Default 18. */
  bits?: number;
  /**
   * Character n-gram lengths. Default [4]: in cross-validation on the training data 4-grams alone
   * did better than 3+4+5 (and 3, 3+4, 4+5, 3+5), with a third of the lookups.
   */
  charGrams?: (3 | 4 | 5)[];
  /** Features for how each link is written (features.ts X_URL_SHAPE). */
  urlShape?: boolean;
  /** How much a promotional example counts against a genuine one. Default 1. */
  positiveWeight?: number;
  /** Passes over the data. Default 12 (cross-validated: 8, 12 and 16 within a message or two; 12 best overall). */
  epochs?: number;
  /** AdaGrad base learning rate. Default 0.2 (best of 0.2/0.5/1 in leave-one-video-out cross-validation on the training data). */
  learningRate?: number;
  /** L2 penalty per update. Default 1e-6. */
  l2?: number;
  seed?: number;
  /** Folds for choosing the decision threshold by cross-validation. Default 5; 0 keeps 0.5. */
  folds?: number;
  /** The threshold is the one with the best cross-validated F1 among those whose FPR is at most this. */
  maxFalsePositiveRate?: number;
  /** Fixed threshold instead of cross-validation. */
  threshold?: number;
  /**
   * The user's own verdicts: trained on with `correctionWeight` and remembered exactly (by
   * template fingerprint), so that `rapport train` always changes the verdict on them.
   */
  corrections?: TrainingExample[];
  correctionWeight?: number;
}

/** Features of one message as the model sees them (rules included), copied out of the shared buffer. */
export function messageFeatures(text: string, grams: number = DEFAULT_GRAMS): Int32Array {
  const count = scan(text);
  lookupWords(text);
  const domains: string[] = [];
  for (let i = 0; i < count; i++) if (SCAN.kind[i] === K_URL) domains.push(domainOf(normOf(text, i)));
  if (disguisedLinks(text) !== undefined) domains.push(DISGUISED_LINK);
  const lower = lowerForRules(text);
  const n = extractFeatures(lower, matchRules(text, lower), domains, grams);
  return featureBuffer().slice(0, n);
}

export { featureNorm, sigmoid };

/** Probability from features in `buf[0..n)`. */
export function scoreFeatures(model: LoadedModel, buf: Int32Array, n: number): number {
  const w = model.weights;
  const mask = model.mask;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[buf[i]! & mask]!;
  return sigmoid(model.bias + sum * model.scale * featureNorm(n));
}


function shuffled(n: number, rand: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

interface Prepared {
  feats: Int32Array[];
  labels: Uint8Array;
  weights: Float64Array;
}

interface RawModel {
  w: Float64Array;
  bias: number;
}

function fit(data: Prepared, subset: Uint32Array, bits: number, o: Required<Pick<TrainOptions, 'epochs' | 'learningRate' | 'l2' | 'seed'>>): RawModel {
  const size = 1 << bits;
  const mask = size - 1;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size);
  let bias = 0;
  let biasG2 = 0;
  const rand = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = shuffled(subset.length, rand);
    for (let k = 0; k < order.length; k++) {
      const ex = subset[order[k]!]!;
      const f = data.feats[ex]!;
      const n = f.length;
      const norm = featureNorm(n);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += w[f[i]! & mask]!;
      const p = sigmoid(bias + sum * norm);
      const grad = (p - data.labels[ex]!) * data.weights[ex]!;
      biasG2 += grad * grad;
      bias -= (o.learningRate * grad) / Math.sqrt(biasG2 + 1e-8);
      const gf = grad * norm;
      for (let i = 0; i < n; i++) {
        const j = f[i]! & mask;
        const gj = gf + o.l2 * w[j]!;
        g2[j] = g2[j]! + gj * gj;
        w[j] = w[j]! - (o.learningRate * gj) / Math.sqrt(g2[j]! + 1e-8);
      }
    }
  }
  return { w, bias };
}

function predictRaw(m: RawModel, f: Int32Array, mask: number): number {
  let sum = 0;
  for (let i = 0; i < f.length; i++) sum += m.w[f[i]! & mask]!;
  return sigmoid(m.bias + sum * featureNorm(f.length));
}

/** Best-F1 threshold among those whose false-positive rate stays within `maxFpr`. */
export function chooseThreshold(probs: readonly number[], labels: ArrayLike<number>, maxFpr: number): number {
  const idx = probs.map((_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < probs.length; i++) (labels[i] ? positives++ : negatives++);
  let tp = 0;
  let fp = 0;
  let best = 0.5;
  let bestF1 = -1;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (labels[i]) tp++;
    else fp++;
    const next = idx[k + 1];
    // Only cut between distinct scores.
    if (next !== undefined && probs[next] === probs[i]) continue;
    const fpr = negatives ? fp / negatives : 0;
    if (fpr > maxFpr) break;
    const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
    if (f1 > bestF1) {
      bestF1 = f1;
      best = next === undefined ? probs[i]! / 2 : (probs[i]! + probs[next]!) / 2;
    }
  }
  return best;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function trainModel(examples: readonly TrainingExample[], opts: TrainOptions = {}): ModelWeights {
  const bits = opts.bits ?? 18;
  const charGrams = [...new Set(opts.charGrams ?? DEFAULT_CHAR_GRAMS)].sort();
  const urlShape = opts.urlShape ?? DEFAULT_URL_SHAPE;
  const grams = gramBits(charGrams) | (urlShape ? X_URL_SHAPE : 0);
  const fitOpts = {
    epochs: opts.epochs ?? 12,
    learningRate: opts.learningRate ?? 0.2,
    l2: opts.l2 ?? 1e-6,
    seed: opts.seed ?? 20240611,
  };
  const corrections = opts.corrections ?? [];
  const all = [...examples, ...corrections.map((c) => ({ ...c, weight: c.weight ?? opts.correctionWeight ?? 20 }))];
  const data: Prepared = {
    feats: all.map((e) => messageFeatures(e.text, grams)),
    labels: Uint8Array.from(all, (e) => (e.promotional ? 1 : 0)),
    weights: Float64Array.from(all, (e) => (e.weight ?? 1) * (e.promotional ? (opts.positiveWeight ?? 1) : 1)),
  };
  const mask = (1 << bits) - 1;

  let threshold = opts.threshold ?? 0.5;
  const folds = opts.folds ?? 5;
  if (opts.threshold === undefined && folds > 1 && examples.length >= folds * 4) {
    // Out-of-fold probabilities over the base examples only: the corrections always train.
    const order = shuffled(examples.length, prng(fitOpts.seed ^ 0x5bd1e995));
    const foldOf = new Uint8Array(examples.length);
    order.forEach((ex, k) => (foldOf[ex] = k % folds));
    const probs = new Array<number>(examples.length).fill(0);
    for (let f = 0; f < folds; f++) {
      const train: number[] = [];
      for (let i = 0; i < all.length; i++) if (i >= examples.length || foldOf[i] !== f) train.push(i);
      const m = fit(data, Uint32Array.from(train), bits, fitOpts);
      for (let i = 0; i < examples.length; i++) if (foldOf[i] === f) probs[i] = predictRaw(m, data.feats[i]!, mask);
    }
    threshold = chooseThreshold(probs, data.labels, opts.maxFalsePositiveRate ?? 0.01);
  }

  const everything = new Uint32Array(all.length);
  for (let i = 0; i < all.length; i++) everything[i] = i;
  const raw = fit(data, everything, bits, fitOpts);

  let maxAbs = 0;
  for (let i = 0; i < raw.w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(raw.w[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const gaps: number[] = [];
  const values: number[] = [];
  let last = -1;
  for (let i = 0; i < raw.w.length; i++) {
    const q = Math.round(raw.w[i]! / scale);
    // Weights under 1/2000 of the largest barely move a score; dropping them halves the file.
    if (Math.abs(q) < 16) continue;
    let gap = i - last - 1;
    last = i;
    do {
      let byte = gap & 0x7f;
      gap >>>= 7;
      if (gap) byte |= 0x80;
      gaps.push(byte);
    } while (gap);
    values.push(q);
  }
  const valueBytes = new Uint8Array(values.length * 2);
  const view = new DataView(valueBytes.buffer);
  values.forEach((v, i) => view.setInt16(i * 2, v, true));

  const overrides: Record<string, boolean> = {};
  for (const c of [...corrections].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))) {
    overrides[templateFingerprint(c.text)] = c.promotional;
  }

  return {
    format: 'rapport-promotional-model',
    version: 1,
    bits,
    charGrams,
    ...(urlShape ? { features: ['url-shape' as const] } : {}),
    bias: round6(raw.bias),
    threshold: round6(threshold),
    scale,
    indices: toBase64(Uint8Array.from(gaps)),
    values: toBase64(valueBytes),
    overrides,
    trainedOn: { examples: all.length, promotional: all.filter((e) => e.promotional).length },
  };
}

export function loadModel(weights: ModelWeights | unknown): LoadedModel {
  const parsed = ModelWeightsSchema.parse(weights);
  const size = 1 << parsed.bits;
  const w = new Int16Array(size);
  const gaps = fromBase64(parsed.indices);
  const valueBytes = fromBase64(parsed.values);
  const view = new DataView(valueBytes.buffer, valueBytes.byteOffset, valueBytes.byteLength);
  let pos = 0;
  let index = -1;
  for (let k = 0; k * 2 < valueBytes.length; k++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const b = gaps[pos++];
      if (b === undefined) throw new z.ZodError([{ code: 'custom', message: 'weights file: indices shorter than values', path: ['indices'], input: undefined }]);
      gap |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7;
    }
    index += gap + 1;
    if (index >= size) throw new z.ZodError([{ code: 'custom', message: 'weights file: index out of range', path: ['indices'], input: undefined }]);
    w[index] = view.getInt16(k * 2, true);
  }
  return {
    bits: parsed.bits,
    mask: size - 1,
    bias: parsed.bias,
    threshold: parsed.threshold,
    weights: w,
    scale: parsed.scale,
    grams: gramBits(parsed.charGrams ?? [3, 4, 5]) | (parsed.features?.includes('url-shape') ? X_URL_SHAPE : 0),
    overrides: new Map(Object.entries(parsed.overrides)),
  };
}
