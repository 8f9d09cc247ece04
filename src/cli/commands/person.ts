import type { Command } from 'commander';
import pc from 'picocolors';
import { displayHandle, displayName, type Identity, type Interaction, type Note, type Person } from '../../domain/views.js';
import { buildCard, type PersonCard } from '../../workspace/person-card.js';
import { findPerson } from '../../workspace/find-person.js';
import { createPrinter, formatCount, formatDay, formatTime, table, truncate } from '../output.js';
import { parseAt, parsePositiveInt } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';
import { messageReaderFor } from '../../workspace/message-context.js';
import { loadPlaybook } from '../../workspace/load-playbook.js';
import { followInsightFor } from '../../workspace/followers.js';

interface PersonFlags extends GlobalOptions {
  json?: boolean;
  at?: string;
  limit?: number;
}

export function registerPerson(program: Command): void {
  program
    .command('person')
    .description("Show one person's card: identities, profile, the relationship, the latest interactions and your notes")
    .argument('<handle>', 'their handle, e.g. @ana@example.social (prefix the platform if it is ambiguous: mastodon:@ana)')
    .option('--at <time>', 'as of this date or time (default: now)', parseAt)
    .option('--limit <n>', 'how many of the latest interactions to show (default 10)', parsePositiveInt)
    .option('--json', 'print JSON')
    .action(async (handle: string, _flags: PersonFlags, command: Command) => {
      const flags = command.optsWithGlobals<PersonFlags>();
      const printer = createPrinter(flags.json ?? false);
      const at = flags.at ?? new Date().toISOString();
      const card = await withStore(flags, async (store) => {
        const person = await findPerson(store, handle);
        const read = await messageReaderFor(store);
        const playbook = await loadPlaybook(store);
        const followInsight = await followInsightFor(store, person, at);
        return buildCard(person, await store.interactionsWith(person, { until: at }), await store.notesOf(person), { at, limit: flags.limit ?? 10, read, playbook, followInsight });
      });
      printer.result(card, renderCard);
    });
}

function renderCard(card: PersonCard): string {
  const rel = card.relationship;
  const lines: string[] = [pc.bold(card.name)];
  for (const id of card.identities) {
    lines.push(`  ${displayHandle(id)} on ${id.platform}${profileLine(id)}`);
    if (id.bio) lines.push(`    ${pc.dim(truncate(id.bio, 100))}`);
  }
  lines.push('');
  const history = rel.history.map((h) => `${h.stage} ${formatDay(h.at)}`).join(', ');
  lines.push(`Stage: ${pc.bold(rel.stage)}${history ? pc.dim(` (${history})`) : ''}`);
  lines.push(`Warmth: ${rel.warmth.value.toFixed(1)}, ${rel.warmth.trend} (${rel.warmth.previous.toFixed(1)} a month before)`);
  lines.push(`Ledger: ${rel.ledger.gives} given, ${rel.ledger.asks} asked · ${rel.exchanges} two-way exchange${rel.exchanges === 1 ? '' : 's'} · conversations started: them ${rel.initiated.they}, you ${rel.initiated.you}`);
  if (rel.topics.length > 0) lines.push(`Cares about: ${rel.topics.join(', ')}`);
  for (const loop of rel.openLoops) lines.push(pc.yellow(`Waiting for your answer since ${formatDay(loop.at)}: "${truncate(loop.text, 80)}"`));
  lines.push(`First touch: theirs ${formatDay(rel.touches.firstIn)}, yours ${formatDay(rel.touches.firstOut)}`);
  lines.push(`Last touch:  theirs ${formatDay(rel.touches.lastIn)}, yours ${formatDay(rel.touches.lastOut)}`);
  const kinds = Object.entries(rel.byKind).sort(([a], [b]) => a.localeCompare(b));
  if (kinds.length > 0) lines.push('', table(['kind', 'from them', 'from you'], kinds.map(([k, c]) => [k, c.in, c.out])));
  if (card.latest.length > 0) {
    lines.push('', pc.bold('Latest'));
    for (const i of card.latest) {
      const arrow = i.direction === 'in' ? pc.cyan('←') : pc.magenta('→');
      lines.push(`  ${formatTime(i.at)} ${arrow} ${i.kind.padEnd(7)} ${i.text ? truncate(i.text, 70) : pc.dim(i.about ? `(post ${i.about})` : '')}`);
    }
  }
  if (card.followerQuality) {
    lines.push('', pc.bold('Why they follow you'));
    if (card.followReasons.length === 0) lines.push(pc.dim('  nothing in the data explains the follow'));
    for (const r of card.followReasons) lines.push(`  ${r.reason}: ${r.evidence}`);
    if (card.followerQuality.signals.length > 0) lines.push(`  ${card.followerQuality.likelyFake ? pc.red(card.followerQuality.explanation) : pc.dim(card.followerQuality.explanation)}`);
  }
  lines.push('', pc.bold('Notes'));
  if (card.notes.length === 0) lines.push(pc.dim('  none yet'));
  for (const n of card.notes) lines.push(`  ${pc.dim(`#${n.id}`)} ${formatDay(n.at)}  ${n.text}${n.remind ? pc.yellow(`  (remind ${n.remind})`) : ''}`);
  return lines.join('\n');
}

function profileLine(id: Identity): string {
  const parts: string[] = [];
  if (id.location) parts.push(id.location);
  if (id.followers !== null) parts.push(`${formatCount(id.followers)} followers`);
  if (id.following !== null) parts.push(`following ${formatCount(id.following)}`);
  if (id.posts !== null) parts.push(`${formatCount(id.posts)} posts`);
  if (id.created) parts.push(`joined ${formatDay(id.created)}`);
  return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
}
