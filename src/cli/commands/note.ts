import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { displayName } from '../../domain/views.js';
import { addNoteTo } from '../../workspace/notes.js';
import { findPerson } from '../../workspace/find-person.js';
import { createPrinter, formatDay } from '../output.js';
import { parseDay } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface NoteFlags extends GlobalOptions {
  json?: boolean;
  remind?: string;
  edit?: string;
  remove?: string;
  text?: string;
}

export function registerNote(program: Command): void {
  program
    .command('note')
    .description('Remember something about a person ("back from holiday on the 12th"), with an optional reminder that puts them on `rapport today`')
    .argument('[handle]', 'their handle')
    .argument('[text...]', 'what to remember')
    .option('--remind <date>', 'put a follow-up on your agenda on this day (YYYY-MM-DD; "none" removes it with --edit)')
    .option('--edit <id>', 'change the note with this number (shown by `rapport person`) instead of adding one')
    .option('--text <text>', 'with --edit: the new text')
    .option('--remove <id>', 'delete the note with this number')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  rapport note @ana@bakers.social "On holiday in Portugal until the 12th" --remind 2026-12-13\n  rapport note --edit 12 --remind none\n  rapport note --remove 12')
    .action(async (handle: string | undefined, words: string[], _flags: NoteFlags, command: Command) => {
      const flags = command.optsWithGlobals<NoteFlags>();
      const printer = createPrinter(flags.json ?? false);
      const remind = flags.remind === undefined || flags.remind === 'none' ? flags.remind : parseDay(flags.remind, '--remind');
      if (flags.remove !== undefined) {
        const id = noteId(flags.remove, '--remove');
        await withStore(flags, async (store) => {
          if (!(await store.removeNote(id))) throw noSuchNote(id);
        });
        printer.result({ removed: id }, () => `Note ${id} removed.`);
        return;
      }
      if (flags.edit !== undefined) {
        const id = noteId(flags.edit, '--edit');
        const patch: { text?: string; remind?: string | null } = {};
        const text = flags.text ?? (words.length > 0 ? [handle, ...words].join(' ') : handle);
        if (text !== undefined) patch.text = text;
        if (remind !== undefined) patch.remind = remind === 'none' ? null : remind;
        if (Object.keys(patch).length === 0) throw new UserError('Nothing to change', { hint: 'Give --text "…" and/or --remind YYYY-MM-DD (or --remind none).' });
        await withStore(flags, async (store) => {
          if (!(await store.updateNote(id, patch))) throw noSuchNote(id);
        });
        printer.result({ edited: id, ...patch }, () => `Note ${id} changed.`);
        return;
      }
      if (!handle || words.length === 0) throw new UserError('Say who the note is about and what to remember', { hint: 'e.g. rapport note @ana@bakers.social "Just started at Acme" --remind 2026-12-01' });
      if (remind === 'none') throw new UserError('--remind none only makes sense with --edit', { hint: 'Leave --remind out for a note without a reminder.' });
      const result = await withStore(flags, async (store) => {
        const person = await findPerson(store, handle);
        const note = await addNoteTo(store, person, { text: words.join(' '), remind });
        return { person: { id: person.id, name: displayName(person) }, note };
      });
      printer.result(result, (r) =>
        `Noted for ${r.person.name} (note ${r.note.id})${r.note.remind ? `; it will be on your agenda from ${formatDay(`${r.note.remind}T00:00:00Z`)}` : ''}.`);
    });
}

function noteId(value: string, option: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UserError(`"${value}" is not a note number`, { hint: `${option} takes the number \`rapport person HANDLE\` shows next to the note.` });
  return id;
}

function noSuchNote(id: number): UserError {
  return new UserError(`There is no note ${id} in this workspace`, { hint: '`rapport person HANDLE` lists their notes with their numbers.' });
}
