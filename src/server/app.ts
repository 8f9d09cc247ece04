/**
 * The HTTP application: security first, then the OpenAPI generator, the API routes (one module
 * per area, each only parsing, calling an engine and answering), and the built pages.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { Store } from '../store/store.js';
import type { Api, ApiTypeProvider, ServerContext } from './context.js';
import { installErrorHandler } from './errors.js';
import { ImportJobs } from './import-jobs.js';
import { auditRoutes } from './routes/audit.js';
import { checkRoutes } from './routes/check.js';
import { importRoutes } from './routes/import.js';
import { mergeRoutes } from './routes/merge.js';
import { notesRoutes } from './routes/notes.js';
import { peopleRoutes } from './routes/people.js';
import { todayRoutes } from './routes/today.js';
import { workspaceRoutes } from './routes/workspace.js';
import { ErrorSchema } from './schemas.js';
import { installSecurity } from './security.js';

export interface AppOptions {
  readonly store: Store;
  /** The address the server listens on: decides whether a token is needed (see security.ts). */
  readonly host: string;
  readonly token?: string | undefined;
  /** A fixed "now" (ISO); without it, each request uses the current time. */
  readonly at?: string | undefined;
  /** The folder of the built pages (default dist/web); the API works without it. */
  readonly webRoot?: string | undefined;
  readonly maxUploadBytes: number;
  readonly logger?: boolean;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

type OpenApiDocument = { paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };

/** The raw upload is the file's bytes, not the multipart form's object: say so in the document. */
function describeRawUpload(document: OpenApiDocument): ReturnType<typeof jsonSchemaTransformObject> {
  const content = document.paths?.['/api/import']?.post?.requestBody?.content;
  if (content?.['application/octet-stream']) content['application/octet-stream'] = { schema: { type: 'string', format: 'binary', description: 'The export file itself; name it with ?name=' } };
  return document as ReturnType<typeof jsonSchemaTransformObject>;
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; context: ServerContext }> {
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true }).withTypeProvider<ApiTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses are plain JSON: the engines' types shape them, and the API tests check each
  // against its schema (see schemas.ts); validating every answer would cost the composer time.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  installSecurity(app, { token: options.token, host: options.host });
  installErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'rapport',
        version: '0.1.0',
        description: 'The local HTTP API of rapport: the agenda, people, notes, the draft coach, the audit and imports of one workspace. Nothing here sends anything to any platform.',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'Needed when the server listens on a non-loopback address (serve --token)' } } },
      ...(options.token ? { security: [{ token: [] }] } : {}),
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => describeRawUpload(jsonSchemaTransformObject(document) as OpenApiDocument),
  });

  // Any /api call may be refused before it reaches its route (security.ts): say so in the document.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { response?: Record<number, unknown> } | undefined;
    if (route.url.startsWith('/api') && schema?.response) schema.response = { ...schema.response, 401: ErrorSchema, 403: ErrorSchema };
  });

  const fixedAt = options.at;
  const context: ServerContext = {
    store: options.store,
    now: () => fixedAt ?? new Date().toISOString(),
    maxUploadBytes: options.maxUploadBytes,
    jobs: new ImportJobs(options.store),
  };
  const api = app as unknown as Api;
  for (const routes of [workspaceRoutes, todayRoutes, peopleRoutes, notesRoutes, mergeRoutes, checkRoutes, auditRoutes, importRoutes]) routes(api, context);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = resolve(options.webRoot ?? DEFAULT_WEB_ROOT);
  const hasPages = existsSync(join(webRoot, 'index.html'));
  if (hasPages) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: 'index.html',
      cacheControl: false,
      // Vite names every built asset by its content hash: it never changes, so it is cached for
      // good; index.html names the current ones, so it is always revalidated.
      setHeaders: (reply, path) => reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.code(404).send({ error: `No such endpoint: ${request.method} ${path}`, hint: 'GET /api/openapi.json lists every endpoint.' });
    }
    // A missing file (an old asset name, a typo) is a 404, not the page in its place.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.code(404).type('text/plain; charset=utf-8').send(`No such file: ${path}\n`);
    // The pages route on the client: any other path is one of them.
    if (hasPages) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send(`The rapport pages are not built (no ${join(webRoot, 'index.html')}).\nRun \`npm run build\`, then start the server again. The API is at /api (see /api/openapi.json).\n`);
  });
  await app.ready();
  return { app, context };
}
