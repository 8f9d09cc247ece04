import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UserError } from '../../domain/errors.js';
import type { Api, RouteModule } from '../context.js';
import { NotFoundError, TooLargeError } from '../errors.js';
import { removeFolder, type UploadedFile } from '../import-jobs.js';
import { ErrorSchema, ImportJobResponse, ImportQuery, ImportStartedResponse, JobParams } from '../schemas.js';

// Documents the two ways to upload; the stream itself is read by the handler, never buffered.
const UploadBody = z.object({ file: z.string().meta({ format: 'binary', description: 'The export file: rapport JSONL, or an X, Mastodon, Bluesky or LinkedIn export (zip, tar.gz, CAR, CSV)' }) });

export const importRoutes: RouteModule = (app, { maxUploadBytes, jobs }) => {
  void app.register(async (scope: Api) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10, parts: 11 } });
    // Any other body is the file itself, handed over as a stream.
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post('/api/import', {
      schema: {
        summary: 'Upload an export to import (multipart field `file`, or the raw file with ?name=); answers at once with a job id to poll',
        tags: ['import'],
        consumes: ['multipart/form-data', 'application/octet-stream'],
        querystring: ImportQuery,
        body: UploadBody,
        response: { 200: ImportStartedResponse, 400: ErrorSchema, 413: ErrorSchema },
      },
      // The body is a stream (see above): only the query is validated.
      validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])),
      onRequest: async (request) => {
        // Refused before a byte of the body is read when the client says how big it is.
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxUploadBytes) throw tooLarge(maxUploadBytes);
      },
    }, async (request) => {
      const upload = await receive(request, request.query.name, maxUploadBytes);
      return { jobId: jobs.start(upload) };
    });
  });

  app.get('/api/import/:jobId', {
    schema: { summary: "An import's progress, then its summary or its error (the same as `rapport import`)", tags: ['import'], params: JobParams, response: { 200: ImportJobResponse, 404: ErrorSchema } },
  }, async (request) => {
    const job = jobs.get(request.params.jobId);
    if (!job) throw new NotFoundError(`No import job ${request.params.jobId}`, { hint: 'Jobs are kept while the server runs; start the import again.' });
    return job;
  });
};

/** Saves the upload to a temporary folder, counting bytes as they arrive. */
async function receive(request: FastifyRequest, rawName: string | undefined, maxBytes: number): Promise<UploadedFile> {
  let stream: Readable;
  let name: string;
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new UserError('No file in the upload', { hint: 'Send the export as the multipart field "file".' });
    stream = part.file;
    name = part.filename || rawName || 'upload';
  } else {
    stream = request.body as Readable;
    name = rawName ?? 'upload';
  }
  const dir = await mkdtemp(join(tmpdir(), 'rapport-upload-'));
  const safeName = safeFileName(name);
  const path = join(dir, safeName);
  try {
    await pipeline(stream, byteLimit(maxBytes), createWriteStream(path));
  } catch (e) {
    await removeFolder(dir);
    if (e instanceof TooLargeError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw new UserError('The upload was interrupted', { hint: 'Try again; nothing was imported.', cause: e });
  }
  return { path, name: safeName, dispose: () => removeFolder(dir) };
}

function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
}

function tooLarge(maxBytes: number): TooLargeError {
  return new TooLargeError(`The upload is larger than the limit of ${formatMb(maxBytes)}`, {
    hint: 'Import it from the command line with `rapport import PATH`, or restart the server with a larger --max-upload (in MB). Nothing was imported.',
  });
}

function formatMb(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes} bytes`;
}

/** The base name only, in safe characters; the extension is kept, since it helps tell the format. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(-120);
  return cleaned.length > 0 ? cleaned : 'upload';
}
