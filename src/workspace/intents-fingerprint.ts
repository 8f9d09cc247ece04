/**
 * Which settings stored intents were read with: a digest of the language engine's own code and
 * shipped model, of the fold's intent mapping, of the workspace's analysis context (own handles,
 * domains, brands, the user's retrained model) and of the playbook's intent threshold. Intents
 * stored under another fingerprint are stale: a retrained model, a new brand domain, a changed
 * threshold or an upgraded rapport each make the next fold read every text again. Hashing the
 * engine's files, rather than trusting a version number someone must remember to bump, means no
 * change to the engine can leave stale intents behind.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { PortableAnalysisContext } from './message-context.js';

// The same relative places from src/workspace (tsx) and dist/workspace (built).
const ENGINE_FILES = [
  { dir: new URL('../language/', import.meta.url), only: () => true },
  { dir: new URL('../relationships/', import.meta.url), only: (name: string) => name.startsWith('message-') },
];
const SHIPPED_MODEL = new URL('../../models/promotional.json', import.meta.url);

let engineDigest: string | undefined;

function engineFingerprint(): string {
  if (engineDigest) return engineDigest;
  const hash = createHash('sha256');
  for (const { dir, only } of ENGINE_FILES) {
    const names = readdirSync(dir).filter((name) => /\.(?:ts|js)$/.test(name) && !/\.(?:test|d)\.ts$/.test(name) && only(name)).sort();
    for (const name of names) hash.update(name).update('\0').update(readFileSync(new URL(name, dir))).update('\0');
  }
  hash.update(readFileSync(SHIPPED_MODEL));
  engineDigest = hash.digest('hex');
  return engineDigest;
}

export function intentsFingerprint(context: PortableAnalysisContext, threshold: number): string {
  return createHash('sha256')
    .update(engineFingerprint())
    .update(JSON.stringify([context.ownHandles, context.ownDomains, context.ownBrands, threshold]))
    .update(context.modelJson ?? '')
    .digest('hex')
    .slice(0, 32);
}
