/**
 * The one place where failures become HTTP answers, as cli/main.ts maps them to exit codes:
 * a request that does not match its schema → 400 naming the field; a RapportError → its message
 * and hint (404 when the thing asked for does not exist, 413 for an upload over the limit, 400
 * otherwise); anything else → 500 with a message that says it is a bug, and the details in the log.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isRapportError, RapportError } from '../domain/errors.js';

/** The thing a request names (a person, a note, an import job) is not in this workspace. */
export class NotFoundError extends RapportError {
  override readonly name = 'NotFoundError';
  readonly exitCode = 1;
}

/** The upload is larger than `serve --max-upload`. */
export class TooLargeError extends RapportError {
  override readonly name = 'TooLargeError';
  readonly exitCode = 1;
}

/** An endpoint whose engine is not part of this build. */
export class NotAvailableError extends RapportError {
  override readonly name = 'NotAvailableError';
  readonly exitCode = 1;
}

export interface ErrorBody {
  readonly error: string;
  readonly hint?: string;
  readonly field?: string;
}

export function statusOf(e: RapportError): number {
  if (e instanceof NotFoundError) return 404;
  if (e instanceof TooLargeError) return 413;
  if (e instanceof NotAvailableError) return 501;
  if (e.name === 'StoreError') return 503;
  return 400;
}

export function errorBody(e: RapportError): ErrorBody {
  return e.hint ? { error: e.message, hint: e.hint } : { error: e.message };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0]!;
      const where = error.validationContext ?? 'body';
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const name = field || where;
      return reply.code(400).send({ error: `${where === 'querystring' ? 'query parameter' : where === 'params' ? 'path parameter' : 'field'} "${name}": ${issue.message}`, field: name });
    }
    if (isRapportError(error)) return reply.code(statusOf(error)).send(errorBody(error));
    // Fastify's own client errors: bad JSON, wrong content type, body over the JSON limit.
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: error.message, ...(error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? { hint: 'Send JSON with Content-Type: application/json.' } : {}) });
    }
    request.log.error({ err: error }, 'unexpected failure');
    return reply.code(500).send({ error: 'Unexpected failure inside rapport', hint: 'This is a bug; the server log has the details. Your stored data was not changed by the failed step.' });
  });
}
