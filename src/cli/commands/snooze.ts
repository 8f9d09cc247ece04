import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { displayName } from '../../domain/views.js';
import { findPerson } from '../../workspace/find-person.js';
import { createPrinter, formatDay } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface SnoozeFlags extends GlobalOptions {
  json?: boolean;
  until: string;
}

export function registerSnooze(program: Command): void {
  program
    .command('snooze')
    .description('Hide a person from `rapport today` until a date (inclusive)')
    .argument('<handle>', 'their handle, e.g. @ana@example.social')
    .requiredOption('--until <date>', 'the last day they are hidden, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action(async (handle: string, _flags: SnoozeFlags, command: Command) => {
      const flags = command.optsWithGlobals<SnoozeFlags>();
      const printer = createPrinter(flags.json ?? false);
      const until = parseDay(flags.until);
      const result = await withStore(flags, async (store) => {
        const person = await findPerson(store, handle);
        await store.snooze(person.id, until);
        return { personId: person.id, name: displayName(person), handle, until };
      });
      printer.result(result, (r) => `${r.name} is hidden from \`rapport today\` until ${formatDay(`${r.until}T00:00:00Z`)} (inclusive).`);
    });
}

function parseDay(value: string): string {
  const day = value.trim();
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(day)) {
    throw new UserError(`"${value}" is not a date`, { hint: 'Give --until as YYYY-MM-DD, e.g. --until 2026-12-01.' });
  }
  return day;
}
