/** The built pages: served at /, with the client's routes falling back to index.html. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { withServer } from '../test-support/test-server.js';
import { withTestStore } from '../test-support/test-store.js';
import { startServer } from './server.js';

const INDEX = '<!doctype html><title>rapport</title><script type="module" src="/assets/index-abc123.js"></script><div id="app"></div>';

test('pages: index at /, client routes fall back to it, hashed assets are cached for good, a missing file is a 404', async () => {
  await withTestStore(async (store, location) => {
    const webRoot = join(location.dir, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log("rapport")');
    const server = await startServer({ store, webRoot });
    try {
      for (const path of ['/', '/people/12', '/today?x=1']) {
        const res = await fetch(server.url + path);
        assert.equal(res.status, 200, path);
        assert.equal(await res.text(), INDEX, path);
        assert.equal(res.headers.get('cache-control'), 'no-cache', path);
        assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      }
      const asset = await fetch(`${server.url}/assets/index-abc123.js`);
      assert.equal(asset.status, 200);
      assert.match(asset.headers.get('content-type') ?? '', /javascript/);
      assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');

      assert.equal((await fetch(`${server.url}/assets/index-old999.js`)).status, 404);
      const api = await fetch(`${server.url}/api/nothing-here`);
      assert.equal(api.status, 404);
      assert.match(((await api.json()) as { error: string }).error, /No such endpoint: GET \/api\/nothing-here/);
    } finally {
      await server.close();
    }
  });
});

test('without built pages the API still works and / says how to build them', async () => {
  await withServer(undefined, { webRoot: '/nonexistent/rapport-web' }, async (server) => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 404);
    assert.match(await page.text(), /npm run build/);
    assert.equal((await server.call('/api/workspace')).status, 200);
  });
});
