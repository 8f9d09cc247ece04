/** `rapport analyze` as a user runs it: arguments, stdin, --file, --json. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestLocation } from '../../test-support/test-store.js';
import { runCli } from '../../test-support/run-cli.js';

interface Analysis {
  text: string;
  promotional: boolean;
  intents: { name: string; score: number; evidence: string[] }[];
  focus: { self: number; other: number };
}

const jsonLines = (stdout: string): Analysis[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);

test('analyze --json prints one object per message, with intents, evidence and focus', async () => {
  const ws = await createTestLocation();
  try {
    const r = await runCli(['analyze', '--json', 'Get 20% off this week only, sign up now!', 'Congratulations on the new shop, Ana! How did you find the space?'], { env: ws.env });
    assert.equal(r.code, 0, r.stderr);
    const [pitch, friendly] = jsonLines(r.stdout);
    assert.equal(pitch!.text, 'Get 20% off this week only, sign up now!');
    assert.equal(pitch!.promotional, true);
    const p = pitch!.intents.find((i) => i.name === 'pitch')!;
    assert.ok(p.score >= 0.8 && p.score <= 1);
    assert.ok(p.evidence.some((e) => /20% off/i.test(e)), p.evidence.join('|'));
    assert.equal(friendly!.promotional, false);
    assert.deepEqual(friendly!.intents.map((i) => i.name).filter((n) => n === 'compliment' || n === 'question').sort(), ['compliment', 'question']);
    assert.ok('self' in friendly!.focus && 'other' in friendly!.focus);
  } finally {
    await ws.cleanup();
  }
});

test('analyze reads one message per line from stdin or --file, and prints it readably', async () => {
  const ws = await createTestLocation();
  try {
    const input = 'Check out my channel and subscribe!\n\nThank you for the kind words\n';
    const fromStdin = await runCli(['analyze', '--json'], { env: ws.env, input });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.deepEqual(jsonLines(fromStdin.stdout).map((a) => [a.text, a.promotional]), [
      ['Check out my channel and subscribe!', true],
      ['Thank you for the kind words', false],
    ]);

    const file = join(ws.dir, 'drafts.txt');
    writeFileSync(file, input);
    const human = await runCli(['analyze', '--file', file], { env: ws.env });
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /"Check out my channel and subscribe!"\s+promotional/);
    assert.match(human.stdout, /pitch\s+0\.\d\d\s+"Check out my"/);
    assert.match(human.stdout, /"Thank you for the kind words"\s+not promotional/);
    assert.match(human.stdout, /gratitude\s+0\.90\s+"Thank you"/);
    assert.match(human.stdout, /focus\s+self 0\.\d\d · other/);
  } finally {
    await ws.cleanup();
  }
});

test('analyze without any message, or with a missing file, says what to do', async () => {
  const ws = await createTestLocation();
  try {
    const empty = await runCli(['analyze'], { env: ws.env, input: '\n\n' });
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /No message to analyse/);
    const missing = await runCli(['analyze', '--file', join(ws.dir, 'nope.txt')], { env: ws.env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read .*nope\.txt/);
    const both = await runCli(['analyze', 'hello', '--file', join(ws.dir, 'nope.txt')], { env: ws.env });
    assert.equal(both.code, 2);
  } finally {
    await ws.cleanup();
  }
});
