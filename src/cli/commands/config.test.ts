/** `rapport config`: the brand that makes a link "ours". */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestLocation } from '../../test-support/test-store.js';
import { runCli } from '../../test-support/run-cli.js';

interface Analysis {
  promotional: boolean;
  intents: { name: string; evidence: string[] }[];
  links: { url: string; own: boolean }[];
}

test('a link to a domain set with config becomes a self-promotion link; a link to someone else’s article does not', async () => {
  const ws = await createTestLocation();
  try {
    const ours = 'New post on the blog: https://acmebakery.com/blog/rye-starter';
    const theirs = 'Good question! This article explains it: https://www.seriouseats.com/rye-starter hope it helps';
    const before = await runCli(['analyze', '--json', ours], { env: ws.env });
    assert.equal((JSON.parse(before.stdout) as Analysis).links[0]!.own, false);

    const set = await runCli(['config', 'set', 'brand.domains', 'https://www.AcmeBakery.com/', 'acme.shop', '--json'], { env: ws.env });
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual(set.json(), { key: 'brand.domains', values: ['acmebakery.com', 'acme.shop'] });

    const after = await runCli(['analyze', '--json', ours, theirs], { env: ws.env });
    const [own, other] = after.stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);
    assert.equal(own!.promotional, true);
    assert.deepEqual(own!.intents.find((i) => i.name === 'self-promo-link')!.evidence, ['https://acmebakery.com/blog/rye-starter']);
    assert.equal(own!.links[0]!.own, true);
    assert.equal(other!.promotional, false);
    assert.equal(other!.links[0]!.own, false);
    assert.equal(other!.intents.some((i) => i.name === 'self-promo-link'), false);
    assert.ok(other!.intents.some((i) => i.name === 'helpful'));
  } finally {
    await ws.cleanup();
  }
});

test('config get, list and unset; handles and names', async () => {
  const ws = await createTestLocation();
  try {
    await runCli(['config', 'set', 'brand.handles', 'acmebakery', '@acme@bakers.social'], { env: ws.env });
    await runCli(['config', 'set', 'brand.names', 'Acme Bakery'], { env: ws.env });
    const get = await runCli(['config', 'get', 'brand.handles'], { env: ws.env });
    assert.equal(get.stdout, '@acmebakery\n@acme@bakers.social\n');
    const list = await runCli(['config', 'list', '--json'], { env: ws.env });
    assert.deepEqual(list.json<{ settings: object }>().settings, {
      'brand.domains': [],
      'brand.names': ['Acme Bakery'],
      'brand.handles': ['@acmebakery', '@acme@bakers.social'],
    });
    const mention = await runCli(['analyze', '--json', 'Follow https://x.com/acmebakery for the daily bake'], { env: ws.env });
    assert.equal((JSON.parse(mention.stdout) as Analysis).links[0]!.own, true);

    const unset = await runCli(['config', 'unset', 'brand.handles'], { env: ws.env });
    assert.equal(unset.code, 0, unset.stderr);
    assert.deepEqual((await runCli(['config', 'get', 'brand.handles', '--json'], { env: ws.env })).json(), { key: 'brand.handles', values: [] });
  } finally {
    await ws.cleanup();
  }
});

test('unknown keys and bad values are refused with the fix, and change nothing', async () => {
  const ws = await createTestLocation();
  try {
    await runCli(['config', 'set', 'brand.domains', 'acmebakery.com'], { env: ws.env });
    const unknown = await runCli(['config', 'set', 'brand.colour', 'blue'], { env: ws.env });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown setting "brand\.colour"/);
    assert.match(unknown.stderr, /brand\.domains, brand\.names, brand\.handles/);
    const bad = await runCli(['config', 'set', 'brand.domains', 'acme.shop', 'not a domain'], { env: ws.env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /"not a domain" is not a domain/);
    const badHandle = await runCli(['config', 'set', 'brand.handles', '@two words'], { env: ws.env });
    assert.equal(badHandle.code, 1);
    assert.deepEqual((await runCli(['config', 'get', 'brand.domains', '--json'], { env: ws.env })).json(), { key: 'brand.domains', values: ['acmebakery.com'] });
  } finally {
    await ws.cleanup();
  }
});
