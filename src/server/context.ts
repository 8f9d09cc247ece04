/** What every route module receives: the open workspace, the server's clock and its limits. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { FastifyTypeProvider } from 'fastify';
import type { output, $ZodType } from 'zod/v4/core';
import type { Store } from '../store/store.js';
import type { ImportJobs } from './import-jobs.js';

export interface ServerContext {
  readonly store: Store;
  /** The server's "now": the fixed `at` given to `serve --at`, else the current time. */
  now(): string;
  readonly maxUploadBytes: number;
  readonly jobs: ImportJobs;
}

/**
 * Requests typed by their zod schemas (what the validator hands over). Replies are not typed by
 * the response schemas: those describe JSON (mutable arrays, open objects) while the engines
 * return readonly views; the API tests check every reply against its schema instead.
 */
export interface ApiTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends $ZodType ? output<this['schema']> : unknown;
  serializer: unknown;
}

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ApiTypeProvider>;

export type RouteModule = (app: Api, ctx: ServerContext) => void;
