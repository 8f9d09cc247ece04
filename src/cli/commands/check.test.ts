/**
 * `rapport check` as a user runs it: the built command in a child process, on a workspace made
 * from a small JSONL history. Verdicts are advice, so every verdict exits 0.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysAgo, newHistory, NOW } from '../../coach/coach-fixtures.js';
import { runCli } from '../../test-support/run-cli.js';
import { createTestLocation, type TestLocation } from '../../test-support/test-store.js';

const PIA = '@pia@bakers.social';

interface CheckJson {
  verdict: string;
  reasons: { principle: string; severity: string; evidence: string }[];
  suggestions: string[];
  relationship: { stage: string; known: boolean; handle: string };
}

async function withWorkspace(fn: (cli: (...args: string[]) => ReturnType<typeof runCli>) => Promise<void>): Promise<void> {
  const location: TestLocation = await createTestLocation();
  try {
    const h = newHistory();
    h.profile(PIA, { name: 'Pia Lund', bio: 'Home baker in Malmö' });
    h.inbound(PIA, 'follow', daysAgo(30));
    h.inbound(PIA, 'post', daysAgo(6), { text: 'Finally nailed the braided challah for Friday', id: 'pia-challah' });
    const ours = h.post(daysAgo(5, 8), 'Cardamom buns are back');
    h.inbound(PIA, 'reply', daysAgo(5), { text: 'Those look so good!', inReplyTo: ours });
    h.outbound(PIA, 'reply', daysAgo(5, 11), { text: 'Thank you Pia! Are you baking this weekend?', inReplyTo: ours });
    const cli = (...args: string[]) => runCli(args, { env: location.env });
    const imported = await cli('import', h.writeTo(location.dir), '--json');
    assert.equal(imported.code, 0, imported.stderr);
    await fn(cli);
  } finally {
    await location.cleanup();
  }
}

test('check --json: a favour-ask of an acquaintance is wait, with the principle, evidence and suggestions; exit 0', async () => {
  await withWorkspace(async (cli) => {
    const r = await cli('check', '--to', PIA, '--text', 'Could you share our Christmas menu with your followers?', '--at', NOW, '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = r.json<CheckJson>();
    assert.equal(out.verdict, 'wait');
    assert.equal(out.relationship.stage, 'acquainted');
    const reason = out.reasons.find((x) => x.principle === 'give-before-ask');
    assert.ok(reason, JSON.stringify(out.reasons));
    assert.match(reason.evidence, /Could you share/);
    assert.ok(out.suggestions.some((s) => s.includes('braided challah')), out.suggestions.join(' | '));
    assert.ok(out.suggestions.every((s) => !/https?:|www\./.test(s)));
  });
});

test('check prints the verdict, each reason with its principle id and evidence, and what to do instead', async () => {
  await withWorkspace(async (cli) => {
    const r = await cli('check', '--to', PIA, '--text', 'Our Christmas boxes are out, 20% off this week: order now!', '--at', NOW);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^WAIT — the relationship has not earned this message yet\./);
    assert.match(r.stdout, /Pia Lund \(@pia@bakers\.social\) is acquainted/);
    assert.match(r.stdout, /✗ no-first-date-proposal: .*(is|are) a pitch, and Pia is only acquainted/);
    assert.match(r.stdout, /\nInstead\n  → /);
  });
});

test('check: a warm reply in her own thread is go; a handle never seen is a stranger, not an error', async () => {
  await withWorkspace(async (cli) => {
    const reply = await cli('check', '--to', PIA, '--in-reply-to', 'pia-challah', '--text', 'That braid is beautiful, Pia! How many strands did you use?', '--at', NOW, '--json');
    assert.equal(reply.code, 0, reply.stderr);
    const out = reply.json<CheckJson>();
    assert.equal(out.verdict, 'go', JSON.stringify(out.reasons));
    assert.ok(out.reasons.some((x) => x.principle === 'no-thread-jacking' && x.severity === 'ok'));

    const stranger = await cli('check', '--to', '@someone-new@example.social', '--text', 'Congratulations on the new bakery!', '--at', NOW);
    assert.equal(stranger.code, 0, stranger.stderr);
    assert.match(stranger.stdout, /^GO/);
    assert.match(stranger.stdout, /rapport has never seen them — a stranger/);
  });
});

test('check: a bad channel or a missing --text is a usage error (2); an empty draft is a user error (1)', async () => {
  await withWorkspace(async (cli) => {
    const channel = await cli('check', '--to', PIA, '--text', 'hi', '--channel', 'email');
    assert.equal(channel.code, 2);
    assert.match(channel.stderr, /--channel.*email.*dm, reply, mention, post/s);
    const missing = await cli('check', '--to', PIA);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--text/);
    const empty = await cli('check', '--to', PIA, '--text', '   ');
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /The draft is empty/);
    const help = await cli('check', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--in-reply-to/);
  });
});
