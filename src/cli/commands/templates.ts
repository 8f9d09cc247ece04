import type { Command } from 'commander';
import pc from 'picocolors';
import { displayName, type Interaction, type Person } from '../../domain/views.js';
import { groupTemplates, type TemplateMessage } from '../../language/index.js';
import type { Store } from '../../store/store.js';
import { createPrinter, formatDay, truncate } from '../output.js';
import { parsePositiveInt } from '../parse-options.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface TemplatesFlags extends GlobalOptions {
  json?: boolean;
  min: number;
}

/** One group of near-identical messages you sent, as `rapport templates` shows it. */
export interface TemplateRow {
  fingerprint: string;
  messages: number;
  people: number;
  example: string;
  /** Up to five of the people it reached. */
  reached: string[];
  first: string;
  last: string;
}

export interface TemplatesReport {
  /** Outbound messages with text that were compared. */
  compared: number;
  minPeople: number;
  groups: TemplateRow[];
}

/** Messages that go to a person (not your own broadcast posts). */
const TO_A_PERSON: ReadonlySet<string> = new Set(['dm', 'reply', 'mention', 'quote']);

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('Near-identical messages you sent to several people (the same greeting pasted with the name changed): playbook be-personal')
    .option('--min <n>', 'only groups that reached at least this many people', parsePositiveInt, 3)
    .option('--json', 'print JSON')
    .action(async (_flags: TemplatesFlags, command: Command) => {
      const flags = command.optsWithGlobals<TemplatesFlags>();
      const report = await withStore(flags, (store) => findTemplates(store, flags.min));
      createPrinter(flags.json ?? false).result(report, renderTemplates);
    });
}

export async function findTemplates(store: Store, minPeople: number): Promise<TemplatesReport> {
  const [interactions, people] = await Promise.all([store.allInteractions(), store.people()]);
  const byId = new Map<number, Person>(people.map((p) => [p.id, p]));
  const sent: Interaction[] = interactions.filter((i) => i.direction === 'out' && i.personId !== null && i.text && TO_A_PERSON.has(i.kind));
  const messages: TemplateMessage[] = sent.map((i) => {
    const person = byId.get(i.personId!);
    // One recipient key per person (merged identities count once); the handle also tells the
    // fingerprint which word is their name.
    return { id: String(i.id), text: i.text!, recipient: person?.identities[0]?.handle ?? `#${i.personId}` };
  });
  const sentById = new Map(sent.map((i) => [String(i.id), i]));
  const groups = groupTemplates(messages, { minRecipients: minPeople }).map((g): TemplateRow => {
    const members = g.ids.map((id) => sentById.get(id)!);
    const times = members.map((m) => m.at).sort();
    const reached: string[] = [];
    for (const m of members) {
      const p = byId.get(m.personId!);
      const name = p ? displayName(p) : `#${m.personId}`;
      if (!reached.includes(name)) reached.push(name);
    }
    return { fingerprint: g.fingerprint, messages: g.count, people: g.recipients, example: g.example, reached: reached.slice(0, 5), first: times[0]!, last: times[times.length - 1]! };
  });
  return { compared: messages.length, minPeople, groups };
}

function renderTemplates(r: TemplatesReport): string {
  if (r.groups.length === 0) return `No templated messages: none of your ${r.compared} messages to people was sent near-identical to ${r.minPeople} or more people.`;
  const lines = [`${pc.bold(`${r.groups.length} templates`)} among your ${r.compared} messages to people (each reached ${r.minPeople}+ people; be-personal: write to each person as a person)`];
  for (const g of r.groups.slice(0, SHOWN)) {
    lines.push(
      '',
      `${pc.bold(`${g.messages} messages to ${g.people} people`)}, ${formatDay(g.first)} – ${formatDay(g.last)}`,
      `  "${truncate(g.example, 110)}"`,
      pc.dim(`  to ${g.reached.join(', ')}${g.people > g.reached.length ? ', …' : ''}`),
    );
  }
  if (r.groups.length > SHOWN) lines.push('', pc.dim(`… and ${r.groups.length - SHOWN} smaller groups (all of them with --json, or fewer with a higher --min).`));
  return lines.join('\n');
}

/** Groups listed in the readable output, biggest first. */
const SHOWN = 20;
