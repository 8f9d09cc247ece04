/** Notes and reminders on a person's card: add, edit (text and reminder) and remove. */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.js';
import type { Note } from '../api-types.js';
import { formatDay } from '../dates.js';

export function NotesSection({ personId, notes, at, onChanged }: { personId: number; notes: readonly Note[]; at: string; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [remind, setRemind] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ordered = [...notes].sort((a, b) => b.at.localeCompare(a.at));

  const add = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.addNote(personId, text.trim(), remind || undefined);
      setText('');
      setRemind('');
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes and reminders</h2>
      {ordered.length === 0 ? <p class="muted">No notes yet: what do you know about them? What did they say they are working on?</p> : (
        <ul class="notes">
          {ordered.map((note) => <NoteItem key={note.id} note={note} at={at} onChanged={onChanged} />)}
        </ul>
      )}
      <form class="note-form" onSubmit={add}>
        <label for="note-text">New note</label>
        <textarea id="note-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <span class="row">
          <span class="field">
            <label for="note-remind">Remind me on (optional)</label>
            <input id="note-remind" type="date" value={remind} onInput={(e) => setRemind(e.currentTarget.value)} />
          </span>
          <button type="submit" class="primary" disabled={busy || !text.trim()}>Add note</button>
        </span>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}

function NoteItem({ note, at, onChanged }: { note: Note; at: string; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState(note.text);
  const [remind, setRemind] = useState(note.remind ?? '');
  const [error, setError] = useState<string>();
  const due = note.remind !== null && note.remind <= at.slice(0, 10);

  const run = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      setEditing(false);
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  if (editing) {
    const field = `note-${note.id}`;
    return (
      <li class="note">
        <form onSubmit={(e) => { e.preventDefault(); void run(() => api.editNote(note.id, { text: text.trim(), remind: remind || null })); }}>
          <label for={`${field}-text`}>Note</label>
          <textarea id={`${field}-text`} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <label for={`${field}-remind`}>Remind me on (empty: no reminder)</label>
          <input id={`${field}-remind`} type="date" value={remind} onInput={(e) => setRemind(e.currentTarget.value)} />
          <span class="buttons">
            <button type="submit" class="primary" disabled={!text.trim()}>Save</button>
            <button type="button" onClick={() => { setEditing(false); setText(note.text); setRemind(note.remind ?? ''); }}>Cancel</button>
          </span>
        </form>
        {error && <p class="error" role="alert">{error}</p>}
      </li>
    );
  }

  return (
    <li class="note">
      <p class="text">{note.text}</p>
      <p class="muted">
        written {formatDay(note.at)}
        {note.remind && <> · <span class={due ? 'due' : ''}>remind {formatDay(note.remind)}{due ? ' (due)' : ''}</span></>}
      </p>
      <span class="buttons">
        <button type="button" onClick={() => setEditing(true)}>Edit</button>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={() => run(() => api.removeNote(note.id))}>Really remove</button>
            <button type="button" onClick={() => setConfirming(false)}>Keep</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>Remove</button>
        )}
      </span>
      {error && <p class="error" role="alert">{error}</p>}
    </li>
  );
}
