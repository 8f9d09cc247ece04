#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner (TypeScript through tsx).
// Node 20's `--test` takes no globs, so the files are listed here. Extra arguments are passed on,
// e.g. `npm test -- src/store` runs only the tests under that folder; `--no-build` skips the
// build and type check.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const testFlags = flags.filter((f) => f !== '--no-build');

function* walk(dir) {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names.sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.test.ts')) yield path;
  }
}

const files = [...walk('src'), ...walk('test')].filter(
  (f) => filters.length === 0 || filters.some((x) => f.includes(x)),
);
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
// The CLI tests run the built `rapport` (as `npx rapport` does), and type errors fail the run.
if (!flags.includes('--no-build')) {
  for (const project of ['tsconfig.build.json', 'tsconfig.json', 'web/tsconfig.json']) {
    const args = project === 'tsconfig.json' ? ['-p', project, '--noEmit'] : ['-p', project];
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', ...args], { stdio: 'inherit' });
    if (tsc.status !== 0) {
      console.error(`Type check failed (${project}).`);
      process.exit(1);
    }
  }
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFlags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
