/** `rapport train`: the user's corrections change the verdict; --reset restores the shipped model. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestLocation } from '../../test-support/test-store.js';
import { runCli } from '../../test-support/run-cli.js';

// What the shipped model says, and what this user says instead.
const MISSED = 'Fresh focaccia on the counter from 11, first come first served';
const OVERCALLED = 'Get 20% off today, sign up at acme.com';

async function verdicts(env: Record<string, string>): Promise<boolean[]> {
  const r = await runCli(['analyze', '--json', MISSED, OVERCALLED], { env });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { promotional: boolean }).promotional);
}

test('a small file of corrections flips the verdict on those messages, and --reset restores it', async () => {
  const ws = await createTestLocation();
  try {
    assert.deepEqual(await verdicts(ws.env), [false, true], 'the shipped model');
    const file = join(ws.dir, 'corrections.jsonl');
    writeFileSync(file, [JSON.stringify({ text: MISSED, promotional: true }), `genuine\t${OVERCALLED}`].join('\n') + '\n');

    const trained = await runCli(['train', '--from', file, '--json'], { env: ws.env });
    assert.equal(trained.code, 0, trained.stderr);
    const summary = trained.json<{ model: string; corrections: { total: number; promotional: number; agreeing: number }; trainedOn: { examples: number } }>();
    assert.equal(summary.model, 'retrained');
    assert.deepEqual(summary.corrections, { total: 2, promotional: 1, agreeing: 2 });
    assert.ok(summary.trainedOn.examples > 1000);
    assert.deepEqual(await verdicts(ws.env), [true, false], 'the retrained model');

    const reset = await runCli(['train', '--reset'], { env: ws.env });
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /shipped model/);
    assert.deepEqual(await verdicts(ws.env), [false, true], 'back to the shipped model');
  } finally {
    await ws.cleanup();
  }
});

test('a bad corrections file is refused with the line and the fix, and nothing changes', async () => {
  const ws = await createTestLocation();
  try {
    const file = join(ws.dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: MISSED, promotional: true })}\n{"text": "no label"}\n`);
    const r = await runCli(['train', '--from', file], { env: ws.env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.jsonl: line 2: expected \{"text": string, "promotional": boolean\}/);
    assert.match(r.stderr, /Nothing was changed/);
    assert.deepEqual(await verdicts(ws.env), [false, true]);

    const tsv = join(ws.dir, 'bad.tsv');
    writeFileSync(tsv, 'maybe\tsomething\n');
    assert.match((await runCli(['train', '--from', tsv], { env: ws.env })).stderr, /line 1: expected a JSON object or "label<TAB>text"/);
    assert.equal((await runCli(['train'], { env: ws.env })).code, 2);
    assert.equal((await runCli(['train', '--reset', '--from', file], { env: ws.env })).code, 2);
  } finally {
    await ws.cleanup();
  }
});
