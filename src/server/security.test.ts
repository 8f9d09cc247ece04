import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { withServer } from '../test-support/test-server.js';
import { withTestStore } from '../test-support/test-store.js';
import { CONTENT_SECURITY_POLICY, isLoopbackHost, requireTokenFor } from './security.js';
import { startServer } from './server.js';

const TOKEN = 'correct-horse-battery-staple';

test('loopback addresses are told apart from the others', () => {
  for (const host of ['127.0.0.1', '127.8.9.1', '::1', '[::1]', 'localhost', 'app.localhost']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', 'localhost.example.com']) assert.ok(!isLoopbackHost(host), host);
  assert.equal(requireTokenFor('127.0.0.1', undefined), undefined);
  assert.equal(requireTokenFor('0.0.0.0', ` ${TOKEN} `), TOKEN);
  assert.throws(() => requireTokenFor('0.0.0.0', 'short'), /too short/);
});

test('binding a non-loopback address without a token refuses to start', async () => {
  await withTestStore(async (store) => {
    await assert.rejects(startServer({ store, host: '0.0.0.0' }), (e: Error) => {
      assert.match(e.message, /Refusing to listen on 0\.0\.0\.0 without a token/);
      assert.match((e as Error & { hint: string }).hint, /--token/);
      return true;
    });
  });
});

test('with a token, an API call without it gets 401 and with it 200; the pages need none', async () => {
  await withServer(undefined, { host: '0.0.0.0', token: TOKEN }, async (server) => {
    const port = new URL(server.url).port;
    const base = `http://127.0.0.1:${port}`;
    const without = await fetch(`${base}/api/workspace`);
    assert.equal(without.status, 401);
    assert.match(((await without.json()) as { error: string }).error, /needs its token/);
    assert.equal((await fetch(`${base}/api/workspace`, { headers: { authorization: 'Bearer wrong-token-of-same-size' } })).status, 401);
    assert.equal((await fetch(`${base}/api/workspace`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status, 401);
    const withToken = await fetch(`${base}/api/workspace`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(withToken.status, 200);
    // The page itself holds no data: it loads without the token, then calls the API with it.
    assert.notEqual((await fetch(`${base}/`)).status, 401);
  });
});

test('every response carries the Content-Security-Policy and nosniff', async () => {
  await withServer(undefined, {}, async (server) => {
    for (const path of ['/api/workspace', '/api/nowhere', '/', '/people/3']) {
      const res = await fetch(server.url + path);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    }
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
  });
});

test('on loopback, another site can neither rebind its name to the server nor post to it', async () => {
  await withServer(undefined, {}, async (server) => {
    const { port } = new URL(server.url);
    const rebound = await rawGet(Number(port), '/api/workspace', { host: `evil.example:${port}` });
    assert.equal(rebound, 403);
    assert.equal(await rawGet(Number(port), '/api/workspace', { host: `localhost:${port}` }), 200);

    const crossSite = await fetch(`${server.url}/api/today/done`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ personId: 1, kind: 'thank', since: '2026-11-01T00:00:00Z' }),
    });
    assert.equal(crossSite.status, 403);
    const sameSite = await fetch(`${server.url}/api/today/done`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ personId: 1, kind: 'thank', since: '2026-11-01T00:00:00Z' }),
    });
    assert.equal(sameSite.status, 404, 'passes the origin check (and finds no person #1 in an empty workspace)');
  });
});

/** fetch() will not send a Host header of our choosing; node:http will. */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
