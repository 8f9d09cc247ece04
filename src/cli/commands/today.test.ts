/** `rapport today` as a user runs it: ranked actions, --json, --at, --limit, and usage errors. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { HistoryBuilder } from '../../test-support/history-builder.js';
import { runCli } from '../../test-support/run-cli.js';
import { createTestLocation } from '../../test-support/test-store.js';

const ANA = '@ana@example.social';
const BO = '@bo@example.social';

/** Ana asked a question, Bo shared a post late yesterday evening, Cy followed this morning. */
function history(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.profile(ANA, { name: 'Ana Souza' }).profile(BO, { name: 'Bo Lind' }).profile('@cy@example.social', { name: 'Cy', bio: 'Teacher', location: 'York' });
  const post = h.post('2026-11-10T08:00:00Z', 'Our first rye of the season');
  h.inbound(ANA, 'dm', '2026-11-15T10:00:00Z', { text: 'Do you bake on Sundays?' });
  h.inbound(BO, 'share', '2026-11-19T23:00:00Z', { about: post });
  h.inbound('@cy@example.social', 'follow', '2026-11-20T08:00:00Z');
  return h;
}

async function workspace(h: HistoryBuilder) {
  const location = await createTestLocation();
  const data = join(location.dir, 'workspace');
  const imported = await runCli(['--data', data, 'import', h.writeTo(location.dir)], { env: location.env });
  assert.equal(imported.code, 0, imported.stderr);
  const cli = (...args: string[]) => runCli(['--data', data, ...args], { env: location.env });
  return { ...location, data, cli };
}

interface AgendaJson {
  at: string;
  total: number;
  snoozed: number;
  actions: { kind: string; handle: string; principles: string[]; why: string; suggestion: string; evidence: { at: string }[]; score: number }[];
}

test('today --json lists the ranked actions with kind, handle, principles, why and suggestion', async () => {
  const ws = await workspace(history());
  try {
    const result = await ws.cli('today', '--at', '2026-11-20T18:00:00Z', '--json');
    assert.equal(result.code, 0, result.stderr);
    const agenda = result.json<AgendaJson>();
    assert.equal(agenda.at, '2026-11-20T18:00:00.000Z');
    assert.deepEqual(agenda.actions.map((a) => [a.kind, a.handle]), [['answer', ANA], ['thank', BO], ['welcome', '@cy@example.social']]);
    const answer = agenda.actions[0]!;
    assert.deepEqual(answer.principles, ['ask-and-listen']);
    assert.match(answer.why, /Ana Souza asked you 5 days ago \(15 Nov, by dm\): “Do you bake on Sundays\?”/);
    assert.match(answer.suggestion, /^Answer in the DM: “Hi Ana/);
    assert.equal(agenda.total, 3);
    assert.equal(agenda.snoozed, 0);
  } finally {
    await ws.cleanup();
  }
});

test('today prints each action with why and an opener; day labels agree with the calendar', async () => {
  const ws = await workspace(history());
  try {
    const result = await ws.cli('today', '--at', '2026-11-20T18:00Z');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Today, 20 Nov 2026: 3 of 3 actions, most pressing first/);
    assert.match(result.stdout, /1\. Answer Ana Souza \(@ana@example\.social on mastodon, connected\)\n {3}Why: .*\[ask-and-listen\]\n {3}Try: Answer in the DM/);
    // Bo shared at 23:00 on 19 Nov: fewer than 24 hours before, but yesterday, not "today".
    assert.match(result.stdout, /Bo Lind shared your post “Our first rye of the season” yesterday \(19 Nov\)/);
    assert.match(result.stdout, /Cy followed you today \(20 Nov\)/);
  } finally {
    await ws.cleanup();
  }
});

test('--at replays the past identically; --limit keeps the most pressing', async () => {
  const h = history();
  const ws = await workspace(h);
  try {
    const before = (await ws.cli('today', '--at', '2026-11-16', '--json')).json<AgendaJson>();
    assert.deepEqual(before.actions.map((a) => a.kind), ['answer'], 'as of 16 Nov only Ana had written');
    // Answer Ana and import again: today she is done, the 16th still shows what was waiting then.
    h.outbound(ANA, 'dm', '2026-11-17T09:00:00Z', { text: 'Yes, from 8 until noon!' });
    assert.equal((await ws.cli('import', h.writeTo(ws.dir, 'more.jsonl'))).code, 0);
    assert.deepEqual((await ws.cli('today', '--at', '2026-11-16', '--json')).json<AgendaJson>(), before);
    const now = (await ws.cli('today', '--at', '2026-11-20T18:00:00Z', '--json')).json<AgendaJson>();
    assert.deepEqual(now.actions.map((a) => a.handle), [BO, '@cy@example.social']);

    const top = (await ws.cli('today', '--at', '2026-11-20T18:00:00Z', '--limit', '1', '--json')).json<AgendaJson>();
    assert.deepEqual(top.actions.map((a) => a.handle), [BO]);
    assert.equal(top.total, 2);
  } finally {
    await ws.cleanup();
  }
});

test('an empty workspace has nothing to do; bad options are usage errors (exit 2)', async () => {
  const location = await createTestLocation();
  try {
    const data = join(location.dir, 'workspace');
    const empty = await runCli(['--data', data, 'today', '--at', '2026-11-20'], { env: location.env });
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stdout, /Nothing waiting for you as of 20 Nov 2026/);
    for (const args of [['--at', 'last tuesday'], ['--limit', '0'], ['--limit', 'ten']]) {
      const bad = await runCli(['--data', data, 'today', ...args], { env: location.env });
      assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.stderr}`);
      assert.match(bad.stderr, /error: option/);
    }
    const help = await runCli(['today', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: rapport today \[options\]/);
    assert.match(help.stdout, /--json/);
  } finally {
    await location.cleanup();
  }
});
