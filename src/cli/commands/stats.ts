import type { Command } from 'commander';
import pc from 'picocolors';
import type { WorkspaceStats } from '../../store/store.js';
import { createPrinter, formatCount, formatDay, table } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface StatsFlags extends GlobalOptions {
  json?: boolean;
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Totals of the workspace: people, interactions per kind, direction and platform, notes')
    .option('--json', 'print JSON')
    .action(async (_flags: StatsFlags, command: Command) => {
      const flags = command.optsWithGlobals<StatsFlags>();
      const stats = await withStore(flags, (store) => store.stats());
      createPrinter(flags.json ?? false).result(stats, renderStats);
    });
}

export function renderStats(s: WorkspaceStats): string {
  const lines = [
    `${pc.bold('Your accounts')}: ${s.accounts.length === 0 ? pc.dim('none yet') : s.accounts.map((a) => `${a.handle} (${a.platform})`).join(', ')}`,
    `${pc.bold('People')}: ${formatCount(s.people)} (${formatCount(s.identities)} identities)`,
    `${pc.bold('Interactions')}: ${formatCount(s.interactions.total)}${s.interactions.first ? `, ${formatDay(s.interactions.first)} to ${formatDay(s.interactions.last)}` : ''}`,
    `${pc.bold('Notes')}: ${formatCount(s.notes)} (${formatCount(s.reminders)} with a reminder)`,
    `${pc.bold('Per person')}: ${formatCount(s.perPerson.withInteractions)} people with interactions, median ${s.perPerson.median}, most ${formatCount(s.perPerson.max)}`,
  ];
  const kinds = Object.entries(s.interactions.byKind);
  if (kinds.length > 0) lines.push('', table(['kind', 'from them', 'from you', 'total'], kinds.map(([k, c]) => [k, c.in, c.out, c.in + c.out])));
  const platforms = Object.entries(s.interactions.byPlatform);
  if (platforms.length > 0) lines.push('', table(['platform', 'interactions'], platforms.map(([p, n]) => [p, n])));
  return lines.join('\n');
}
