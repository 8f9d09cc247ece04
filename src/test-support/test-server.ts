/**
 * For the API tests: a real server on a free loopback port over a fresh test store (SQLite, or
 * PostgreSQL when DATABASE_URL is set) holding a small history written for the case.
 */
import { importPath } from '../ingest/import-path.js';
import type { Store } from '../store/store.js';
import type { HistoryBuilder } from './history-builder.js';
import { withTestStore, type TestLocation } from './test-store.js';
import { startServer, type ServerOptions } from '../server/server.js';

export interface TestServer {
  readonly url: string;
  readonly store: Store;
  readonly location: TestLocation;
  /** fetch relative to the server, JSON in and out. */
  call(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function withServer<T>(
  history: HistoryBuilder | undefined,
  options: Omit<ServerOptions, 'store'>,
  fn: (server: TestServer) => Promise<T>,
): Promise<T> {
  return withTestStore(async (store, location) => {
    if (history) await importPath(store, history.writeTo(location.dir));
    const running = await startServer({ ...options, store });
    try {
      return await fn({
        url: running.url,
        store,
        location,
        call: async (path, init = {}) => {
          const hasBody = init.body !== undefined;
          const res = await fetch(running.url + path, {
            method: init.method ?? (hasBody ? 'POST' : 'GET'),
            headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...init.headers },
            ...(hasBody ? { body: JSON.stringify(init.body) } : {}),
          });
          const text = await res.text();
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          return { status: res.status, body, headers: res.headers };
        },
      });
    } finally {
      await running.close();
    }
  });
}

/** Polls an import job until it is no longer running. */
export async function waitForJob(server: TestServer, jobId: string): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const { body } = await server.call(`/api/import/${jobId}`);
    if (body.state !== 'running') return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import job ${jobId} still running after 5 s`);
}
