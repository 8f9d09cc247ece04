/**
 * The pages' only door to the server: one typed function per endpoint of issue 6's API. Every
 * call sends the bearer token when there is one (see `token.ts`) and turns a failed response
 * into an `ApiError` carrying the server's own message and the field it names.
 */
import type {
  ActionKind, Agenda, ApiErrorBody, AuditReport, CoachResult, DraftCheck, ImportJob, InteractionPage, MergedPerson, Note, PeopleQuery,
  PersonDetail, PersonRow, WorkspaceInfo,
} from './api-types.js';
import { authHeaders } from './token.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

function urlFor(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { ...authHeaders(), accept: 'application/json' };
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;
  const response = await fetch(urlFor(path, options.query), init);
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page, say): the status line is the best message there is.
  }
  return errorFromBody(body, response.status, response.statusText);
}

/** The server's `{ error, hint?, field? }` as an ApiError; the status line when the body is something else. */
export function errorFromBody(body: unknown, status: number, statusText = ''): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof ApiErrorBody, unknown>>;
  const error = typeof b.error === 'string' ? b.error : `${status} ${statusText}`.trim();
  const hint = typeof b.hint === 'string' ? b.hint : undefined;
  return new ApiError(error, status, typeof b.field === 'string' ? b.field : undefined, hint);
}

export const api = {
  workspace: () => request<WorkspaceInfo>('GET', '/workspace'),

  today: (at?: string, limit?: number) => request<Agenda>('GET', '/today', { query: { at, limit } }),
  /** Hides the action until a newer event than `since` opens a new one. */
  done: (personId: number, kind: ActionKind, since: string) => request<{ ok: true }>('POST', '/today/done', { body: { personId, kind, since } }),
  /** Hides the person from Today until `until` (YYYY-MM-DD, inclusive). */
  snooze: (personId: number, until: string) => request<{ personId: number; until: string }>('POST', `/people/${personId}/snooze`, { body: { until } }),

  people: (query: PeopleQuery & { at?: string } = {}) =>
    request<{ people: PersonRow[]; total: number }>('GET', '/people', { query: { ...query, quiet: query.quiet ? 'true' : undefined } }),
  person: (id: number, at?: string) => request<PersonDetail>('GET', `/people/${id}`, { query: { at } }),
  /** Older interactions than the one with id `before` (the oldest shown), newest first. */
  interactions: (id: number, before: number, at?: string, limit?: number) =>
    request<InteractionPage>('GET', `/people/${id}/interactions`, { query: { before, at, limit } }),

  addNote: (personId: number, text: string, remind?: string) =>
    request<Note>('POST', `/people/${personId}/notes`, { body: remind ? { text, remind } : { text } }),
  editNote: (noteId: number, change: { text?: string; remind?: string | null }) => request<Note>('PATCH', `/notes/${noteId}`, { body: change }),
  removeNote: (noteId: number) => request<{ ok: true }>('DELETE', `/notes/${noteId}`),

  /** `into` and `from` are person ids or handles (platform:handle when ambiguous). */
  merge: (into: number | string, from: number | string) => request<MergedPerson>('POST', '/people/merge', { body: { into, from } }),
  /** Returns the person the identity now forms on its own. */
  unmerge: (identityId: number) => request<MergedPerson>('POST', `/identities/${identityId}/unmerge`, { body: {} }),

  check: (draft: DraftCheck, signal?: AbortSignal) => request<CoachResult>('POST', '/check', signal ? { body: draft, signal } : { body: draft }),

  audit: (from?: string, to?: string, at?: string) => request<AuditReport>('GET', '/audit', { query: { from, to, at } }),

  importJob: (jobId: string) => request<ImportJob>('GET', `/import/${encodeURIComponent(jobId)}`),
};

/**
 * Uploads a file as multipart field `file`. XMLHttpRequest rather than fetch, because only it
 * reports upload progress; `onUpload` gets the share sent so far (0–1).
 */
export function uploadImport(file: File, onUpload: (share: number) => void): Promise<{ jobId: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUpload(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { jobId?: unknown } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Handled below: a non-JSON answer is reported with its status.
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof body.jobId === 'string') {
        onUpload(1);
        resolve({ jobId: body.jobId });
        return;
      }
      reject(errorFromBody(body, xhr.status, xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError('The upload did not reach rapport: is `rapport serve` still running?', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A message fit to show the user, whatever was thrown: the server's error and its hint. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.hint ? `${error.message}. ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
