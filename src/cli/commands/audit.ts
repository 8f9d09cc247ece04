import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatValue, TREND_ARROW, trendWords } from '../../audit/html-report.js';
import type { AuditFigure, AuditReport } from '../../audit/index.js';
import { UserError } from '../../domain/errors.js';
import { auditHtml, auditReport } from '../../workspace/audit-report.js';
import { createPrinter, formatDay } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface AuditFlags extends GlobalOptions {
  json?: boolean;
  from?: string;
  to?: string;
  at?: string;
  html?: string;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('Audit your account month by month against the playbook: promotion, favour-asks, cold DMs, templates, questions, thanks, reply time, presence, follower quality')
    .option('--from <date>', 'first month or day (YYYY-MM or YYYY-MM-DD; default: 12 months before --to)')
    .option('--to <date>', 'last month, day or time (default: now)')
    .option('--at <time>', 'what "now" is, for replaying the past (default: now)')
    .option('--json', 'print the whole report as JSON')
    .option('--html <file>', 'also write the report as one self-contained HTML page with charts')
    .action(async (_flags: AuditFlags, command: Command) => {
      const flags = command.optsWithGlobals<AuditFlags>();
      const printer = createPrinter(flags.json ?? false);
      const report = await withStore(flags, (store) => auditReport(store, { from: flags.from, to: flags.to, at: flags.at }));
      if (flags.html) {
        const file = resolve(flags.html);
        try {
          writeFileSync(file, auditHtml(report));
        } catch (cause) {
          throw new UserError(`Could not write the HTML report to ${file}: ${(cause as Error).message}`, { hint: 'Choose a file in a folder that exists and that you can write to.', cause });
        }
        printer.info(pc.dim(`HTML report written to ${file} (open it in any browser; it needs no network).`));
      }
      printer.result(report, renderAudit);
    });
}

export function renderAudit(report: AuditReport): string {
  const lines = [pc.bold(`Audit ${report.from.slice(0, 7)} to ${report.to.slice(0, 7)} (${report.months.length} months, as of ${formatDay(report.to)})`)];
  if (report.notice) return [...lines, '', pc.yellow(report.notice)].join('\n');
  lines.push(pc.dim('Latest month with data, its trend against the month before (↑ up, ↓ down, → steady; green is better, red worse).'), '');
  for (const figure of report.figures) lines.push(...renderFigure(figure), '');
  lines.push(pc.dim('--json for every month and example; --html FILE for charts.'));
  return lines.join('\n');
}

function renderFigure(figure: AuditFigure): string[] {
  const latest = figure.latest;
  const head = `${pc.bold(figure.title)} ${pc.dim(`[${figure.principles.join(', ')}]`)}`;
  if (!latest) return [head, `   —  nothing to measure in this period`, `   ${pc.dim(figure.explanation)}`];
  const tone = latest.better === true ? pc.green : latest.better === false ? pc.red : (s: string) => s;
  const spark = figure.months.map((m) => formatValue(m.value, figure.unit)).join(' ');
  return [
    head,
    `   ${tone(`${formatValue(latest.value, figure.unit)} ${TREND_ARROW[latest.trend]}`)} ${pc.dim(`${latest.month}, ${trendWords(latest, figure.unit)}`)}: ${latest.detail}`,
    `   ${pc.dim(`by month: ${spark}`)}`,
    `   ${pc.dim(figure.explanation)}`,
  ];
}
