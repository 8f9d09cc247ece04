/**
 * The API's contract with its callers: a wrong request gets a 400 naming the field, and the
 * OpenAPI document describes every endpoint with its request and response schemas.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HistoryBuilder } from '../test-support/history-builder.js';
import { withServer } from '../test-support/test-server.js';
import { usingPostgres } from '../test-support/test-store.js';

const dialect = usingPostgres ? 'postgres' : 'sqlite';
const AT = '2026-11-20T12:00:00.000Z';

function oneFriend(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.profile('@ana@example.social', { name: 'Ana Lima' });
  h.inbound('@ana@example.social', 'follow', '2026-11-01T10:00:00Z');
  return h;
}

test(`[${dialect}] a malformed request gets a 400 that names the wrong field`, async () => {
  await withServer(oneFriend(), { at: AT }, async (server) => {
    const cases: { path: string; method?: string; body?: unknown; field: string }[] = [
      { path: '/api/check', body: { to: '@ana@example.social' }, field: 'text' },
      { path: '/api/check', body: { to: '@ana@example.social', text: 42 }, field: 'text' },
      { path: '/api/check', body: { to: '', text: 'hello' }, field: 'to' },
      { path: '/api/check', body: { to: '@ana@example.social', text: 'hi', channel: 'carrier-pigeon' }, field: 'channel' },
      { path: '/api/check', body: { to: '@ana@example.social', text: 'hi', at: 'yesterday' }, field: 'at' },
      { path: '/api/today/done', body: { personId: 2, kind: 'thank', since: 'soon' }, field: 'since' },
      { path: '/api/today/done', body: { personId: 'two', kind: 'thank', since: AT }, field: 'personId' },
      { path: '/api/today/done', body: { personId: 2, kind: 'hug', since: AT }, field: 'kind' },
      { path: '/api/people/2/snooze', body: { until: '2026-02-30' }, field: 'until' },
      { path: '/api/people/2/notes', body: { text: '   ' }, field: 'text' },
      { path: '/api/people/2/notes', body: { text: 'Loves rye', remind: 'next week' }, field: 'remind' },
      { path: '/api/notes/1', method: 'PATCH', body: {}, field: 'text' },
      { path: '/api/people/merge', body: { into: 2 }, field: 'from' },
      { path: '/api/today?limit=0', field: 'limit' },
      { path: '/api/today?at=2026-13-01', field: 'at' },
      { path: '/api/people?stage=bestie', field: 'stage' },
      { path: '/api/people?sort=age', field: 'sort' },
      { path: '/api/people/abc', field: 'id' },
      { path: '/api/audit?from=2026-13', field: 'from' },
    ];
    for (const c of cases) {
      const res = await server.call(c.path, { ...(c.method ? { method: c.method } : {}), ...(c.body !== undefined ? { body: c.body } : {}) });
      assert.equal(res.status, 400, `${c.path} ${JSON.stringify(c.body)} → ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body.field, c.field, `${c.path} ${JSON.stringify(c.body)}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.error, new RegExp(`"${c.field}"`));
    }

    const notJson = await fetch(`${server.url}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"to": ' });
    assert.equal(notJson.status, 400);
    assert.ok(((await notJson.json()) as { error: string }).error.length > 0);
  });
});

test(`[${dialect}] /api/openapi.json describes every endpoint with its request and response schemas`, async () => {
  await withServer(undefined, {}, async (server) => {
    const { status, body: doc } = await server.call('/api/openapi.json');
    assert.equal(status, 200);
    assert.match(doc.openapi, /^3\./);
    const endpoints = {
      '/api/workspace': ['get'],
      '/api/today': ['get'],
      '/api/today/done': ['post'],
      '/api/people/{id}/snooze': ['post'],
      '/api/people': ['get'],
      '/api/people/{id}': ['get'],
      '/api/people/{id}/interactions': ['get'],
      '/api/people/{id}/notes': ['post'],
      '/api/notes/{id}': ['patch', 'delete'],
      '/api/people/merge': ['post'],
      '/api/identities/{id}/unmerge': ['post'],
      '/api/check': ['post'],
      '/api/audit': ['get'],
      '/api/followers': ['get'],
      '/api/import': ['post'],
      '/api/import/{jobId}': ['get'],
    };
    assert.deepEqual(Object.keys(doc.paths).sort(), Object.keys(endpoints).sort());
    for (const [path, methods] of Object.entries(endpoints)) {
      for (const method of methods) {
        const op = doc.paths[path][method];
        assert.ok(op, `${method} ${path} is documented`);
        assert.ok(op.summary, `${method} ${path} says what it does`);
        assert.ok(op.responses['200']?.content?.['application/json']?.schema, `${method} ${path} has a response schema`);
        assert.ok(op.responses['401']?.content, `${method} ${path} documents the refusal without the token`);
        if (method === 'post' || method === 'patch') {
          const hasBody = Boolean(op.requestBody?.content);
          // Unmerge and snooze-like actions without a body name their target in the path.
          if (path !== '/api/identities/{id}/unmerge') assert.ok(hasBody, `${method} ${path} has a request body schema`);
        }
        if (path.includes('{')) assert.ok(op.parameters?.some((p: { in: string }) => p.in === 'path'), `${method} ${path} documents its path parameter`);
      }
    }
    const check = doc.paths['/api/check'].post.requestBody.content['application/json'].schema;
    const checkSchema = check.$ref ? doc.components.schemas[check.$ref.split('/').pop()] : check;
    assert.deepEqual(checkSchema.required.sort(), ['text', 'to']);
    assert.ok(doc.paths['/api/import'].post.requestBody.content['multipart/form-data'], 'the upload is documented as multipart');
    assert.deepEqual(doc.paths['/api/import'].post.requestBody.content['application/octet-stream'].schema.format, 'binary', 'or as the raw file');
    assert.ok(doc.paths['/api/people'].get.parameters.some((p: { name: string }) => p.name === 'quiet'));
  });
});
