/**
 * Notes written by hand (CLI or web), as opposed to imported ones: which identity of the person
 * they hang on, and a key that keeps a note typed twice from being stored twice.
 */
import { UserError } from '../domain/errors.js';
import type { Note, Person } from '../domain/views.js';
import type { Store } from '../store/store.js';
import { noteKey } from '../store/import-writer.js';

export async function addNoteTo(store: Store, person: Person, note: { text: string; remind?: string | undefined; at?: string }): Promise<Note> {
  const text = note.text.trim();
  if (!text) throw new UserError('The note is empty', { hint: 'Write what you want to remember, e.g. "back from holiday on the 12th".' });
  // Notes hang on an identity; the person's first one is as good as any (merges keep them all).
  const identity = person.identities.find((i) => !i.isOwn) ?? person.identities[0];
  if (!identity) throw new UserError(`${person.id} has no identity to write a note on`);
  const at = note.at ?? new Date().toISOString();
  return store.addNote(identity.id, { at, text, remind: note.remind }, noteKey({ platform: identity.platform, handle: identity.handle ?? identity.uid ?? String(identity.id), at, text }));
}
