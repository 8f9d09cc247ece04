import type { Command } from 'commander';
import { displayHandle, displayName } from '../../domain/views.js';
import { stageRank, type Stage } from '../../playbook/playbook.js';
import { relationshipAsOf, type Relationship } from '../../relationships/relationship.js';
import { createPrinter, formatDay, table, truncate } from '../output.js';
import { parseAt, parsePositiveInt, parseStage } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';
import { loadSnapshot } from '../../workspace/load-snapshot.js';
import type { WorkspaceSnapshot } from '../../domain/snapshot.js';

interface PeopleFlags extends GlobalOptions {
  json?: boolean;
  stage?: Stage;
  at?: string;
  limit?: number;
}

export interface PersonRow {
  readonly id: number;
  readonly name: string;
  readonly handles: readonly { platform: string; handle: string }[];
  readonly stage: Stage;
  readonly warmth: Relationship['warmth'];
  readonly ledger: { readonly gives: number; readonly asks: number };
  readonly interactions: { readonly in: number; readonly out: number };
  readonly touches: Relationship['touches'];
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
      const rows = await withStore(flags, async (store) => listPeople(await loadSnapshot(store, at)));
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

/** People sorted by stage (closest first), then by their latest touch. */
export function listPeople(snapshot: WorkspaceSnapshot): PersonRow[] {
  const { at, read, playbook } = snapshot;
  const rows = snapshot.people.map((person) => {
    const rel = relationshipAsOf({ interactions: snapshot.interactionsByPerson.get(person.id) ?? [], at, read, playbook, identities: person.identities });
    const count = (dir: 'in' | 'out') => Object.values(rel.byKind).reduce((s, c) => s + c[dir], 0);
    return {
      id: person.id,
      name: displayName(person),
      handles: person.identities.map((i) => ({ platform: i.platform, handle: displayHandle(i) })),
      stage: rel.stage,
      warmth: rel.warmth,
      ledger: { gives: rel.ledger.gives, asks: rel.ledger.asks },
      interactions: { in: count('in'), out: count('out') },
      touches: rel.touches,
    };
  });
  const last = (r: PersonRow) => [r.touches.lastIn, r.touches.lastOut].filter(Boolean).sort().at(-1) ?? '';
  return rows.sort((a, b) => stageRank(b.stage) - stageRank(a.stage) || last(b).localeCompare(last(a)) || a.id - b.id);
}
