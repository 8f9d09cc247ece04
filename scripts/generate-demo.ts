/**
 * Writes demo/bakery.jsonl, the bundled demo workspace. Deterministic: running it twice gives a
 * byte-identical file. Usage: node --import tsx scripts/generate-demo.ts [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo, toJsonl } from '../src/demo/generate-demo.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1]!) : resolve(root, 'demo/bakery.jsonl');

const records = generateDemo();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, toJsonl(records));
const interactions = records.filter((r) => r.type === 'interaction').length;
const people = records.filter((r) => r.type === 'profile').length;
const notes = records.filter((r) => r.type === 'note').length;
console.log(`wrote ${out}: ${people} profiles, ${interactions} interactions, ${notes} notes`);
