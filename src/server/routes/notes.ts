import { randomUUID } from 'node:crypto';
import type { RouteModule } from '../context.js';
import { NotFoundError } from '../errors.js';
import { ErrorSchema, IdParams, NoteBody, NotePatchBody, NoteSchema, OkResponse } from '../schemas.js';
import { personOr404 } from './people.js';

export const notesRoutes: RouteModule = (app, { store, now }) => {
  app.post('/api/people/:id/notes', {
    schema: { summary: 'Write a note about a person, with an optional reminder date', tags: ['notes'], params: IdParams, body: NoteBody, response: { 200: NoteSchema, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const person = await personOr404(store, request.params.id);
    const identity = person.identities.find((i) => !i.isOwn) ?? person.identities[0]!;
    // Written "now" as the server sees it, so that with `serve --at` the note is part of that moment.
    // A hand-written note has no natural identity to deduplicate on (imports do): each gets its own key.
    return store.addNote(identity.id, { at: now(), text: request.body.text, remind: request.body.remind }, `web:${randomUUID()}`);
  });

  app.patch('/api/notes/:id', {
    schema: { summary: "Change a note's text or reminder (remind: null removes the reminder)", tags: ['notes'], params: IdParams, body: NotePatchBody, response: { 200: NoteSchema, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const { id } = request.params;
    const { text, remind } = request.body;
    const changed = await store.updateNote(id, { ...(text !== undefined ? { text } : {}), ...(remind !== undefined ? { remind } : {}) });
    const note = changed ? (await store.allNotes()).find((n) => n.id === id) : undefined;
    if (!note) throw noSuchNote(id);
    const { personId: _personId, ...plain } = note;
    return plain;
  });

  app.delete('/api/notes/:id', {
    schema: { summary: 'Remove a note', tags: ['notes'], params: IdParams, response: { 200: OkResponse, 404: ErrorSchema } },
  }, async (request) => {
    if (!(await store.removeNote(request.params.id))) throw noSuchNote(request.params.id);
    return { ok: true as const };
  });
};

function noSuchNote(id: number): NotFoundError {
  return new NotFoundError(`No note #${id} in this workspace`, { hint: 'It may have been removed already; reload the person card.' });
}
