/**
 * What keeps a local dashboard over someone's private conversations private:
 * - it listens on loopback unless told otherwise, and any other address needs a token;
 * - with a token, every /api call must carry it (`Authorization: Bearer …`);
 * - on loopback without a token, a request must name a loopback host (a web page on another
 *   site cannot reach the API through DNS rebinding) and a state-changing request from a page
 *   must come from this origin (another site cannot post a form, e.g. an upload, to it);
 * - every response carries a strict Content-Security-Policy: scripts and styles from this
 *   origin only, so imported text that slips into markup can never run.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../domain/errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // A token passed once in the page address must never travel on in a Referer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** True for 127.0.0.0/8, ::1, and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/** The token to require, or an error when the address is reachable from other machines without one. */
export function requireTokenFor(host: string, token: string | undefined): string | undefined {
  const t = token?.trim() || undefined;
  if (!t && !isLoopbackHost(host)) {
    throw new UserError(`Refusing to listen on ${host} without a token: anyone who can reach this machine could read your workspace`, {
      hint: 'Give one with --token (or the RAPPORT_TOKEN environment variable), or leave --host out to listen on 127.0.0.1 only.',
    });
  }
  if (t && t.length < 12) {
    throw new UserError('The token is too short to protect the workspace', { hint: 'Use at least 12 characters, e.g. the output of `openssl rand -hex 16`.' });
  }
  return t;
}

/** Installs the headers and the access checks on every request. */
export function installSecurity(app: FastifyInstance, { token, host }: { token: string | undefined; host: string }): void {
  const expected = token ? Buffer.from(token) : undefined;
  const loopbackOnly = !token && isLoopbackHost(host);

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!request.url.startsWith('/api')) return;
    reply.header('cache-control', 'no-store');
    if (expected) {
      if (!hasToken(request, expected)) return deny(reply, 401, 'This rapport server needs its token', 'Send the header Authorization: Bearer <token> (open the page once with ?token=<token>).');
      return;
    }
    if (loopbackOnly) {
      const hostHeader = request.headers.host ?? '';
      if (!isLoopbackHost(hostHeader.replace(/:\d+$/, ''))) return deny(reply, 403, `Requests to this server must name a loopback host, not "${hostHeader}"`, 'Open http://127.0.0.1:<port>/ or http://localhost:<port>/.');
      if (request.method !== 'GET' && request.method !== 'HEAD' && !isSameOrigin(request)) {
        return deny(reply, 403, 'Cross-site requests are refused', 'Use the rapport pages served by this server, or call the API from a tool that sends no Origin header.');
      }
    }
  });
}

function hasToken(request: FastifyRequest, expected: Buffer): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser page (curl, scripts, tests)
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function deny(reply: FastifyReply, status: number, error: string, hint: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error, hint });
}
