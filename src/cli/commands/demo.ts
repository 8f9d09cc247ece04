import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import pc from 'picocolors';
import { UserError } from '../../domain/errors.js';
import { STAGES, type Stage } from '../../playbook/playbook.js';
import { SQLITE_FILE } from '../../store/open-database.js';
import { Store, type WorkspaceStats } from '../../store/store.js';
import { createPrinter, formatDay, table, truncate } from '../output.js';
import { listPeople, type PersonRow } from '../../workspace/people-list.js';
import { renderStats } from './stats.js';
import { defaultDataDir, type GlobalOptions } from '../workspace.js';
import type { Agenda } from '../../agenda/index.js';
import { todayAgenda } from '../../workspace/today-agenda.js';
import { renderAction } from './today.js';

export const DEMO_FILE = fileURLToPath(new URL('../../../demo/bakery.jsonl', import.meta.url));

interface DemoFlags extends GlobalOptions {
  json?: boolean;
}

interface DemoOverview {
  readonly folder: string;
  readonly at: string;
  readonly stats: WorkspaceStats;
  readonly stages: Record<Stage, number>;
  readonly closest: readonly PersonRow[];
  readonly remindersDue: readonly { name: string; handle: string; remind: string; text: string }[];
  /** Today's agenda as of the demo's last moment: the top actions, as `rapport today` ranks them. */
  readonly agenda: Agenda;
}

/** How many of the demo day's actions `npm start` shows (the full list is one command away). */
const DEMO_AGENDA_LIMIT = 5;

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Build a fresh demo workspace (a small bakery on Mastodon and Bluesky) from the bundled data and show what rapport knows')
    .option('--json', 'print JSON')
    .action(async (_flags: DemoFlags, command: Command) => {
      const flags = command.optsWithGlobals<DemoFlags>();
      const printer = createPrinter(flags.json ?? false);
      if (!existsSync(DEMO_FILE)) throw new UserError(`The demo data ${DEMO_FILE} is missing`, { hint: 'Regenerate it with `node --import tsx scripts/generate-demo.ts`.' });
      // The demo always gets a folder of its own: it must never touch a real workspace.
      const folder = join(flags.data ?? process.env.RAPPORT_HOME ?? defaultDataDir(), 'demo');
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(folder, SQLITE_FILE + suffix), { force: true });
      printer.info(pc.dim(`Building the demo workspace in ${folder} …`));
      const store = await Store.open({ dataDir: folder });
      try {
        // The importers load only when importing, so that other commands start fast.
        const { importPath } = await import('../../ingest/import-path.js');
        await importPath(store, DEMO_FILE);
        const stats = await store.stats();
        const at = stats.interactions.last ?? new Date().toISOString();
        const rows = await listPeople(store, at);
        const stages = Object.fromEntries(STAGES.map((s) => [s, rows.filter((r) => r.stage === s).length])) as Record<Stage, number>;
        const remindersDue = await dueReminders(store, at);
        const agenda = await todayAgenda(store, at, DEMO_AGENDA_LIMIT);
        const overview: DemoOverview = { folder, at, stats, stages, closest: rows.slice(0, 8), remindersDue, agenda };
        printer.result(overview, renderOverview);
      } finally {
        await store.close();
      }
    });
}

async function dueReminders(store: Store, at: string): Promise<DemoOverview['remindersDue']> {
  const due: { name: string; handle: string; remind: string; text: string }[] = [];
  for (const person of await store.people()) {
    for (const note of await store.notesOf(person)) {
      if (note.remind && note.remind <= at.slice(0, 10)) {
        const identity = person.identities.find((i) => i.id === note.identityId) ?? person.identities[0];
        due.push({ name: identity?.name ?? identity?.handle ?? '', handle: identity?.handle ?? '', remind: note.remind, text: note.text });
      }
    }
  }
  return due.sort((a, b) => b.remind.localeCompare(a.remind)).slice(0, 8);
}

function renderOverview(o: DemoOverview): string {
  const lines = [
    pc.bold(`rapport demo workspace — a small bakery, as of ${formatDay(o.at)}`),
    '',
    renderStats(o.stats),
    '',
    pc.bold('Relationships by stage'),
    table(['stage', 'people'], STAGES.map((s) => [s, o.stages[s]])),
    '',
    pc.bold('Closest relationships'),
    table(['name', 'handle', 'stage', 'in', 'out', 'last touch'], o.closest.map((p) => [
      truncate(p.name, 22), truncate(p.handles[0]?.handle ?? '', 34), p.stage, p.interactions.in, p.interactions.out,
      formatDay([p.touches.lastIn, p.touches.lastOut].filter(Boolean).sort().at(-1)),
    ])),
  ];
  if (o.remindersDue.length > 0) {
    lines.push('', pc.bold('Reminders due'));
    for (const r of o.remindersDue) lines.push(`  ${r.remind}  ${r.name} (${r.handle}): ${truncate(r.text, 60)}`);
  }
  lines.push('', pc.bold(`Today's agenda, ${formatDay(o.at)}: the top ${o.agenda.actions.length} of ${o.agenda.total} actions`), '');
  o.agenda.actions.forEach((a, n) => lines.push(...renderAction(a, n + 1), ''));
  lines.push(
    pc.dim('Explore it:'),
    pc.dim(`  npx rapport --data ${o.folder} today --at ${o.at}`),
    pc.dim(`  npx rapport --data ${o.folder} people --stage engaged`),
    pc.dim(`  npx rapport --data ${o.folder} person ${o.closest[0]?.handles[0]?.handle ?? 'HANDLE'}`),
  );
  return lines.join('\n');
}
