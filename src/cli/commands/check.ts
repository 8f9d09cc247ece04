import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { CHANNELS, type Channel, type CoachResult, type Reason } from '../../coach/index.js';
import { checkDraftInWorkspace } from '../../workspace/check-draft.js';
import { createPrinter, formatDay } from '../output.js';
import { parseAt } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface CheckFlags extends GlobalOptions {
  to: string;
  text: string;
  channel?: Channel;
  inReplyTo?: string;
  at?: string;
  json?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Check a draft before you send it: go, revise or wait, with the playbook principles and evidence behind it and what to do instead')
    .requiredOption('--to <handle>', 'who the draft is for, e.g. @ana@example.social (a handle rapport has never seen is a stranger)')
    .requiredOption('--text <text>', 'the draft, as you would send it')
    .addOption(new Option('--channel <channel>', 'where it goes (default: dm, or reply with --in-reply-to)').choices(CHANNELS))
    .option('--in-reply-to <post-id>', "the platform id of the post it answers: places it in that post's thread")
    .option('--at <time>', 'as of this date or time (default: now)', parseAt)
    .option('--json', 'print JSON')
    .addHelpText('after', `
Verdicts (the exit code is 0 for all three: it is advice, not an error):
  go      nothing to object to
  revise  reaching out is fine, but the message should change (about you, impersonal, templated)
  wait    the relationship has not earned this message yet (a pitch or favour-ask too early)

Example:
  rapport check --to @pia@bakers.social --text "Could you share our Christmas menu?"`)
    .action(async (_flags: CheckFlags, command: Command) => {
      const flags = command.optsWithGlobals<CheckFlags>();
      const printer = createPrinter(flags.json ?? false);
      const result = await withStore(flags, (store) =>
        checkDraftInWorkspace(store, {
          to: flags.to,
          text: flags.text,
          ...(flags.channel ? { channel: flags.channel } : {}),
          ...(flags.inReplyTo ? { inReplyTo: flags.inReplyTo } : {}),
          ...(flags.at ? { at: flags.at } : {}),
        }),
      );
      printer.result(result, renderCheck);
    });
}

const VERDICT_LINE: Record<CoachResult['verdict'], string> = {
  go: pc.green(pc.bold('GO')) + ' — nothing to object to.',
  revise: pc.yellow(pc.bold('REVISE')) + ' — reaching out is fine, but change the message.',
  wait: pc.red(pc.bold('WAIT')) + ' — the relationship has not earned this message yet.',
};

const MARK: Record<Reason['severity'], string> = { wait: pc.red('✗'), revise: pc.yellow('!'), note: pc.cyan('·'), ok: pc.green('✓') };

export function renderCheck(result: CoachResult): string {
  const rel = result.relationship;
  const who = rel.known
    ? `${rel.name} (${rel.handle}) is ${pc.bold(rel.stage)}${rel.since ? ` since ${formatDay(rel.since)}` : ''} · ${rel.exchanges} two-way exchange${rel.exchanges === 1 ? '' : 's'} on ${rel.exchangeDays} day${rel.exchangeDays === 1 ? '' : 's'} · ledger ${rel.ledger.gives} given, ${rel.ledger.asks} asked`
    : `${rel.handle}: rapport has never seen them — a ${pc.bold('stranger')}`;
  const lines = [VERDICT_LINE[result.verdict], pc.dim(who)];
  const against = result.reasons.filter((r) => r.severity === 'wait' || r.severity === 'revise');
  const rest = result.reasons.filter((r) => r.severity === 'note' || r.severity === 'ok');
  if (against.length > 0) {
    lines.push('', pc.bold('Why'));
    for (const r of against) lines.push(`  ${MARK[r.severity]} ${pc.bold(r.principle)}: ${r.evidence}`);
  }
  if (rest.length > 0) {
    lines.push('', pc.bold(against.length > 0 ? 'Also' : 'Why it is fine'));
    for (const r of rest) lines.push(`  ${MARK[r.severity]} ${r.principle}: ${r.evidence}`);
  }
  if (result.suggestions.length > 0) {
    lines.push('', pc.bold(result.verdict === 'go' ? 'Next' : 'Instead'));
    for (const s of result.suggestions) lines.push(`  → ${s}`);
  }
  return lines.join('\n');
}
