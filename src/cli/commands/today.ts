import type { Command } from 'commander';
import pc from 'picocolors';
import { ACTION_LABELS, type Agenda, type AgendaAction } from '../../agenda/index.js';
import { todayAgenda } from '../../workspace/today-agenda.js';
import { createPrinter, formatDay } from '../output.js';
import { parseAt, parsePositiveInt } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface TodayFlags extends GlobalOptions {
  json?: boolean;
  at?: string;
  limit?: number;
}

export function registerToday(program: Command): void {
  program
    .command('today')
    .description('What to do today: people to thank, answer, welcome, follow up with or reconnect with, ranked, each with why and an opener')
    .option('--at <time>', 'as of this date or time (default: now)', parseAt)
    .option('--limit <n>', 'show at most this many actions (default: the playbook, 20)', parsePositiveInt)
    .option('--json', 'print JSON')
    .action(async (_flags: TodayFlags, command: Command) => {
      const flags = command.optsWithGlobals<TodayFlags>();
      const printer = createPrinter(flags.json ?? false);
      const at = flags.at ?? new Date().toISOString();
      const agenda = await withStore(flags, (store) => todayAgenda(store, at, flags.limit));
      printer.result(agenda, renderAgenda);
    });
}

export function renderAgenda(agenda: Agenda): string {
  if (agenda.actions.length === 0) {
    return `Nothing waiting for you as of ${formatDay(agenda.at)}: no unthanked shares, open questions, due reminders or quiet friends.${agenda.snoozed ? pc.dim(` (${agenda.snoozed} snoozed)`) : ''}`;
  }
  const lines = [pc.bold(`Today, ${formatDay(agenda.at)}: ${agenda.actions.length} of ${agenda.total} action${agenda.total === 1 ? '' : 's'}, most pressing first`), ''];
  agenda.actions.forEach((a, n) => lines.push(...renderAction(a, n + 1), ''));
  if (agenda.snoozed) lines.push(pc.dim(`${agenda.snoozed} snoozed ${agenda.snoozed === 1 ? 'person' : 'people'} hidden.`));
  lines.push(pc.dim('Hide someone for a while: rapport snooze HANDLE --until YYYY-MM-DD'));
  return lines.join('\n');
}

export function renderAction(a: AgendaAction, n: number): string[] {
  return [
    `${pc.bold(`${n}. ${ACTION_LABELS[a.kind]}`)} ${a.name} ${pc.dim(`(${a.handle} on ${a.platform}, ${a.stage})`)}`,
    `   Why: ${a.why} ${pc.dim(`[${a.principles.join(', ')}]`)}`,
    `   Try: ${pc.cyan(a.suggestion)}`,
  ];
}
