/**
 * `startServer` is how `rapport serve`, the browser tests and the benchmark run the web app:
 * the API and the built pages over one open workspace, on loopback unless told otherwise.
 */
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';
import { requireTokenFor } from './security.js';

export interface ServerOptions {
  readonly store: Store;
  /** Default 127.0.0.1. Any non-loopback address needs a `token`. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** When set, every /api call needs `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** A fixed "now" (ISO time) for every request that does not give its own `at`. */
  readonly at?: string | undefined;
  /** The built pages (default dist/web). */
  readonly webRoot?: string | undefined;
  /** The largest upload accepted by POST /api/import (default 512 MB). */
  readonly maxUploadBytes?: number;
  /** Log requests and errors to stdout (off by default: the terminal belongs to the user). */
  readonly logger?: boolean;
}

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:4173 */
  readonly url: string;
  /** Stops listening, lets queued imports finish; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = requireTokenFor(host, options.token);
  const { app, context } = await buildApp({
    store: options.store,
    host,
    token,
    at: options.at,
    webRoot: options.webRoot,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    logger: options.logger ?? false,
  });
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: async () => {
      await app.close();
      await context.jobs.idle();
    },
  };
}
