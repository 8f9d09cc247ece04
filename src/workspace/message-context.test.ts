/** What the imported own accounts and `rapport config` make "ours" for the language engine. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Identity } from '../domain/views.js';
import { analyzeMessage } from '../language/index.js';
import { identityFromAccounts, normalizeBrandValues } from './message-context.js';

function anAccount(overrides: Partial<Identity>): Identity {
  return {
    id: 1, personId: 1, platform: 'mastodon', handle: null, uid: null, isOwn: true, name: null, bio: null, location: null,
    followers: null, following: null, posts: null, created: null, avatar: null, url: null, ...overrides,
  };
}

test('own accounts give their handles, names, websites and profile links — never the platform or the instance', () => {
  const id = identityFromAccounts([
    anAccount({ handle: '@crumbandco@bakers.social', name: 'Crumb & Co', bio: 'Bakery in Harrogate. Order at crumbandco.example/shop 🥐' }),
    anAccount({ platform: 'bluesky', handle: 'crumbandco.bsky.social', url: 'https://www.crumbandco.example' }),
    anAccount({ platform: 'linkedin', handle: null, url: 'https://www.linkedin.com/company/crumb-and-co' }),
  ]);
  assert.deepEqual(id.handles, ['@crumbandco@bakers.social', 'crumbandco.bsky.social', 'crumb-and-co']);
  assert.deepEqual(id.domains, ['crumbandco.example']);
  assert.deepEqual(id.brands, ['Crumb & Co']);

  const ctx = { ownHandles: id.handles, ownDomains: id.domains, ownBrands: id.brands };
  assert.equal(analyzeMessage('Our menu: https://crumbandco.example/menu', ctx).links[0]!.own, true);
  assert.equal(analyzeMessage('Lovely post by https://bakers.social/@ana', ctx).links[0]!.own, false);
  assert.equal(analyzeMessage('https://bakers.social/@crumbandco', ctx).links[0]!.own, true);
  assert.equal(analyzeMessage('https://www.linkedin.com/company/crumb-and-co', ctx).links[0]!.own, true);
});

test('brand values are normalised and bad ones refused by name', () => {
  assert.deepEqual(normalizeBrandValues('brand.domains', ['https://www.Acme.com/about', 'acme.com', 'shop.acme.co.uk']), ['acme.com', 'shop.acme.co.uk']);
  assert.deepEqual(normalizeBrandValues('brand.handles', ['acme', '@ACME', '@acme@bakers.social']), ['@acme', '@acme@bakers.social']);
  assert.deepEqual(normalizeBrandValues('brand.names', ['  Acme   Bakery ']), ['Acme Bakery']);
  assert.throws(() => normalizeBrandValues('brand.domains', ['localhost']), /"localhost" is not a domain/);
  assert.throws(() => normalizeBrandValues('brand.handles', ['two words']), /"two words" is not a handle/);
  assert.throws(() => normalizeBrandValues('brand.names', ['  ']), /An empty value for brand\.names/);
});
