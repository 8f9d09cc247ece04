/**
 * The coach is a pure engine (DESIGN §5): its modules import neither the store, the workspace
 * loaders nor any interface, and do no I/O. Only its test support and its benchmark may.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const OUTSIDE_THE_ENGINE = new Set(['bench.ts', 'coach-fixtures.ts']);

function* modules(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* modules(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !OUTSIDE_THE_ENGINE.has(name)) yield path;
  }
}

test('coach modules import no store, workspace, interface or I/O module', () => {
  const checked: string[] = [];
  for (const path of modules(ROOT)) {
    const source = readFileSync(path, 'utf8');
    for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
      assert.doesNotMatch(spec!, /\/(store|workspace|cli|server|sources|ingest|test-support)\/|^node:(fs|net|http|child_process)/, `${path} imports ${spec}`);
    }
    checked.push(path);
  }
  assert.ok(checked.length >= 15, `checked ${checked.length} modules`);
});
