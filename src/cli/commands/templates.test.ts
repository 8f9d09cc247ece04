/** `rapport templates`: the same greeting pasted to many people, found in what you sent. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestLocation } from '../../test-support/test-store.js';
import { runCli } from '../../test-support/run-cli.js';

const SHOP = '@shop@bakers.social';
const people = ['Ana', 'Bo', 'Cleo', 'Dev', 'Eli'];

function history(): string {
  const lines: object[] = [{ type: 'account', platform: 'mastodon', handle: SHOP }];
  people.forEach((name, i) => {
    const handle = `@${name.toLowerCase()}@example.social`;
    lines.push({ type: 'profile', platform: 'mastodon', handle, name });
    lines.push({ type: 'interaction', platform: 'mastodon', id: `f-${i}`, at: `2026-11-0${i + 1}T09:00:00Z`, actor: handle, target: SHOP, kind: 'follow' });
    // The blast: the same welcome with the name changed, to four of the five.
    if (i < 4) lines.push({ type: 'interaction', platform: 'mastodon', id: `w-${i}`, at: `2026-11-0${i + 1}T09:05:00Z`, actor: SHOP, target: handle, kind: 'dm', text: `Hi ${name}! Thanks for following, grab 10% off your first order at https://shop.example/welcome` });
  });
  // Personal messages, each written for one person.
  lines.push({ type: 'interaction', platform: 'mastodon', id: 'p-1', at: '2026-11-06T10:00:00Z', actor: SHOP, target: '@eli@example.social', kind: 'dm', text: 'Eli, how did the rye starter do after the feed on Sunday?' });
  lines.push({ type: 'interaction', platform: 'mastodon', id: 'p-2', at: '2026-11-06T11:00:00Z', actor: SHOP, target: '@ana@example.social', kind: 'reply', text: 'Congrats on the new studio, Ana! Those windows look perfect for the plants.' });
  return lines.map((l) => JSON.stringify(l)).join('\n');
}

test('templates lists the welcome pasted to four people, with counts, an example and dates', async () => {
  const ws = await createTestLocation();
  try {
    const file = join(ws.dir, 'history.jsonl');
    writeFileSync(file, history());
    assert.equal((await runCli(['import', file], { env: ws.env })).code, 0);

    const r = await runCli(['templates', '--json'], { env: ws.env });
    assert.equal(r.code, 0, r.stderr);
    const report = r.json<{ compared: number; groups: { messages: number; people: number; example: string; reached: string[]; first: string; last: string }[] }>();
    assert.equal(report.compared, 6);
    assert.equal(report.groups.length, 1);
    const [g] = report.groups;
    assert.equal(g!.messages, 4);
    assert.equal(g!.people, 4);
    assert.match(g!.example, /^Hi Ana! Thanks for following/);
    assert.deepEqual(g!.reached, ['Ana', 'Bo', 'Cleo', 'Dev']);
    assert.equal(g!.first, '2026-11-01T09:05:00.000Z');
    assert.equal(g!.last, '2026-11-04T09:05:00.000Z');

    const human = await runCli(['templates'], { env: ws.env });
    assert.match(human.stdout, /4 messages to 4 people, 1 Nov 2026 – 4 Nov 2026/);
    assert.match(human.stdout, /to Ana, Bo, Cleo, Dev/);

    const strict = await runCli(['templates', '--min', '5', '--json'], { env: ws.env });
    assert.deepEqual(strict.json<{ groups: unknown[] }>().groups, []);
    const bad = await runCli(['templates', '--min', 'many'], { env: ws.env });
    assert.equal(bad.code, 2);
  } finally {
    await ws.cleanup();
  }
});

test('an empty workspace has no templates, and says so', async () => {
  const ws = await createTestLocation();
  try {
    const r = await runCli(['templates'], { env: ws.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No templated messages/);
  } finally {
    await ws.cleanup();
  }
});
