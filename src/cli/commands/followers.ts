import type { Command } from 'commander';
import pc from 'picocolors';
import { percent } from '../../relationships/follower-quality.js';
import { followersReport, setAudienceKeywords, type FollowerRow, type FollowersReport } from '../../workspace/followers.js';
import { createPrinter, formatDay, formatCount } from '../output.js';
import { parseAt, parsePositiveInt } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface FollowersFlags extends GlobalOptions {
  json?: boolean;
  at?: string;
  limit?: number;
  setKeywords?: string;
  resetKeywords?: boolean;
}

export function registerFollowers(program: Command): void {
  program
    .command('followers')
    .description('Your followers: why each probably followed (with the evidence), who looks like a bot, and how many ever engaged')
    .option('--at <time>', 'as of this date or time (default: now)', parseAt)
    .option('--limit <n>', 'list at most this many followers, newest first (default 20; the totals count everyone)', parsePositiveInt)
    .option('--set-keywords <words>', 'save your audience keywords, comma-separated (default: words from your own bios and posts)')
    .option('--reset-keywords', 'forget saved audience keywords and derive them from your bios and posts again')
    .option('--json', 'print JSON (every follower, unless --limit)')
    .action(async (_flags: FollowersFlags, command: Command) => {
      const flags = command.optsWithGlobals<FollowersFlags>();
      const printer = createPrinter(flags.json ?? false);
      const at = flags.at ?? new Date().toISOString();
      const report = await withStore(flags, async (store) => {
        if (flags.resetKeywords) await setAudienceKeywords(store, []);
        else if (flags.setKeywords !== undefined) await setAudienceKeywords(store, flags.setKeywords.split(','));
        return followersReport(store, at);
      });
      const limit = flags.limit ?? (flags.json ? undefined : 20);
      printer.result(limit === undefined ? report : { ...report, followers: report.followers.slice(0, limit) }, (r) => renderFollowers(r, report.followers.length));
    });
}

export function renderFollowers(report: FollowersReport, total: number): string {
  const s = report.summary;
  if (s.followers === 0) return `No one follows you as of ${formatDay(report.at)} in the imported data.`;
  const lines = [
    pc.bold(`Followers as of ${formatDay(report.at)}: ${formatCount(s.followers)}`),
    `  engaged (ever replied, shared, quoted, mentioned or wrote): ${formatCount(s.engaged)} (${percent(s.engagedShare)})`,
    `  likely bots or bought accounts: ${formatCount(s.likelyFake)}`,
    pc.dim(`  [quality-over-quantity] 30 engaged followers beat 30,000 bought ones.`),
    pc.dim(`  Audience keywords (${report.audience.source === 'setting' ? 'yours' : 'from your bios and posts; change with --set-keywords'}): ${report.audience.keywords.join(', ') || 'none'}`),
    '',
  ];
  for (const f of report.followers) lines.push(...renderFollower(f), '');
  if (report.followers.length < total) lines.push(pc.dim(`${report.followers.length} of ${total} followers shown, newest first; --limit N shows more.`));
  return lines.join('\n');
}

function renderFollower(f: FollowerRow): string[] {
  const flag = f.quality.likelyFake ? pc.red(' likely a bot') : f.engaged ? pc.green(' engaged') : '';
  const lines = [`${pc.bold(f.name)} ${pc.dim(`(${f.handle} on ${f.platform}, followed ${formatDay(f.followedAt)})`)}${flag}`];
  if (f.reasons.length === 0) lines.push(pc.dim('   Why: nothing in the data explains this follow.'));
  for (const r of f.reasons) lines.push(`   Why: ${r.reason} — ${r.evidence}`);
  if (f.quality.signals.length > 0) lines.push(`   ${f.quality.likelyFake ? pc.red('Real?') : 'Real?'} ${f.quality.explanation} ${pc.dim(`(score ${f.quality.score.toFixed(2)})`)}`);
  return lines;
}
