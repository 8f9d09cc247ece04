import type { Command } from 'commander';
import type { Stage } from '../../playbook/playbook.js';
import { createPrinter, formatDay, table, truncate } from '../output.js';
import { parseAt, parsePositiveInt, parseStage } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';
import { listPeople } from '../../workspace/people-list.js';

interface PeopleFlags extends GlobalOptions {
  json?: boolean;
  stage?: Stage;
  at?: string;
  limit?: number;
}

export function registerPeople(program: Command): void {
  program
    .command('people')
    .description('List the people in the workspace with the stage of each relationship')
    .option('--stage <stage>', 'only people at this stage (stranger, connected, acquainted, engaged, trusted, advocate)', parseStage)
    .option('--at <time>', 'as of this date or time (default: now)', parseAt)
    .option('--limit <n>', 'show at most this many', parsePositiveInt)
    .option('--json', 'print JSON')
    .action(async (_flags: PeopleFlags, command: Command) => {
      const flags = command.optsWithGlobals<PeopleFlags>();
      const printer = createPrinter(flags.json ?? false);
      const at = flags.at ?? new Date().toISOString();
      const rows = await withStore(flags, async (store) => listPeople(store, at));
      const filtered = (flags.stage ? rows.filter((r) => r.stage === flags.stage) : rows).slice(0, flags.limit ?? Number.POSITIVE_INFINITY);
      printer.result({ at, count: filtered.length, people: filtered }, ({ people }) =>
        people.length === 0
          ? flags.stage ? `No one at the stage "${flags.stage}".` : 'No people yet: import an export with `rapport import PATH`.'
          : `${table(
            ['name', 'handle', 'stage', 'warmth', 'in', 'out', 'last in', 'last out'],
            people.map((p) => [truncate(p.name, 24), truncate(p.handles.map((h) => h.handle).join(', '), 36), p.stage, `${p.warmth.value.toFixed(1)} ${TREND[p.warmth.trend]}`, p.interactions.in, p.interactions.out, formatDay(p.touches.lastIn), formatDay(p.touches.lastOut)]),
          )}\n\n${people.length} ${people.length === 1 ? 'person' : 'people'}`,
      );
    });
}

const TREND = { warming: '↑', steady: '→', cooling: '↓' } as const;

