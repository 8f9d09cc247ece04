import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ImportSummary } from '../../ingest/import-path.js';
import { DEFAULT_LIMITS } from '../../sources/archive/input-files.js';
import { createPrinter, formatCount, table } from '../output.js';
import { parsePositiveInt } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface ImportFlags extends GlobalOptions {
  json?: boolean;
  dryRun?: boolean;
  maxArchiveBytes?: number;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import a rapport JSONL file or a platform export (zip, tar.gz, folder) into the workspace')
    .argument('<path>', 'file or folder to import')
    .option('--dry-run', 'read everything and show the summary, but write nothing')
    .option('--max-archive-bytes <n>', 'refuse archives that expand beyond this many bytes (env RAPPORT_MAX_ARCHIVE_BYTES)', parsePositiveInt)
    .option('--json', 'print the summary as one JSON object')
    .action(async (path: string, _flags: ImportFlags, command: Command) => {
      const flags = command.optsWithGlobals<ImportFlags>();
      const printer = createPrinter(flags.json ?? false);
      const showBar = !printer.json && process.stderr.isTTY === true;
      const bar = new SingleBar({
        format: `${pc.cyan('{bar}')} {percentage}% | {done} of {size} | {eta_formatted} left`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
      });
      const maxBytes = flags.maxArchiveBytes ?? envBytes(process.env.RAPPORT_MAX_ARCHIVE_BYTES) ?? DEFAULT_LIMITS.maxBytes;
      const summary = await withStore(flags, async (store) => {
        try {
          // The importers load only when importing, so that other commands start fast.
          const { importPath } = await import('../../ingest/import-path.js');
          return await importPath(store, path, {
            dryRun: flags.dryRun ?? false,
            limits: { ...DEFAULT_LIMITS, maxBytes },
            onDetect: (detection, total) => {
              printer.info(`Found: ${detection.summary}`);
              if (showBar) bar.start(total, 0, { done: mb(0), size: mb(total) });
            },
            onProgress: (done, total) => {
              if (showBar) bar.update(done, { done: mb(done), size: mb(total) });
            },
          });
        } finally {
          if (showBar) bar.stop();
        }
      });
      printer.result(summary, renderSummary);
    });
}

function envBytes(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : undefined;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function renderSummary(s: ImportSummary): string {
  const lines = [
    s.dryRun ? pc.yellow('Dry run: nothing was written.') : pc.green(`Imported ${s.format}.`),
    `  interactions: ${formatCount(s.interactions.new)} new, ${formatCount(s.interactions.known)} already known`,
    `  people:       ${formatCount(s.people)} new`,
    `  notes:        ${formatCount(s.notes)} new, ${formatCount(s.notesKnown)} already known`,
  ];
  if (s.accounts > 0) lines.push(`  your accounts: ${s.accounts} new`);
  const kinds = Object.entries(s.byKind);
  if (kinds.length > 0) {
    lines.push('', table(['new by kind', 'in', 'out'], kinds.map(([kind, c]) => [kind, c.in, c.out])));
  }
  if (s.skippedCount > 0) {
    // Line files skip lines; archives skip items (a tweet, a record) or whole files.
    const unit = s.skipped.every((skip) => skip.line !== undefined) ? 'line' : 'item';
    lines.push('', pc.yellow(`Skipped ${formatCount(s.skippedCount)} ${unit}${s.skippedCount === 1 ? '' : 's'}:`));
    for (const skip of s.skipped.slice(0, 20)) {
      const where = [skip.file, skip.line !== undefined ? `line ${skip.line}` : undefined].filter(Boolean).join(' ');
      lines.push(`  ${where}: ${skip.reason}`);
    }
    if (s.skippedCount > 20) lines.push(`  … and ${formatCount(s.skippedCount - 20)} more (use --json to see ${s.skipped.length === s.skippedCount ? 'them all' : `the first ${s.skipped.length}`})`);
  }
  return lines.join('\n');
}
