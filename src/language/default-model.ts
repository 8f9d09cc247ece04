/**
 * The shipped model: models/promotional.json, produced by scripts/train-model.ts. Loaded through
 * require (a module load, like any import) because the file lives outside src/ and the build's
 * rootDir; the path is the same from src/language and dist/language.
 */
import { createRequire } from 'node:module';
import { loadModel } from './model.js';
import type { LoadedModel } from './types.js';

let cached: LoadedModel | undefined;

export function defaultModel(): LoadedModel {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  let raw: unknown;
  try {
    raw = require('../../models/promotional.json');
  } catch (e) {
    throw new Error('The shipped language model (models/promotional.json) is missing: run `npm run train-model`.', { cause: e });
  }
  cached = loadModel(raw);
  return cached;
}
