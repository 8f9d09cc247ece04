/**
 * LinkedIn "Get a copy of your data" (FORMATS.md §4): the zip as downloaded
 * (`Basic_LinkedInDataExport_MM-DD-YYYY.zip` / `Complete_…`), its unpacked folder, or one of its
 * CSVs given alone (recognised by its header). Tables are matched by file name (with or without
 * a `_<memberId>` suffix, in any subfolder) and checked by header.
 *
 * Reading takes two passes: the first goes through Profile, Connections, Invitations and messages
 * to learn who is who (the owner; which names have which profile URL — see people.ts), the second
 * maps every table to records, the owner's account first. Archives are imported all or nothing.
 */
import { InputError } from '../../domain/errors.js';
import type { InputEntry, InputFiles } from '../archive/input-files.js';
import type { Detection, ReadContext, Source, SourceItem } from '../source.js';
import { mapComment } from './comments.js';
import { mapConnection } from './connections.js';
import { checkHeader, countRecords, fileLabel, readTable, type HeaderCheck } from './csv-table.js';
import { mapInvitation } from './invitations.js';
import { TABLE_KINDS, TABLE_SPECS, tableKindOfName, type TableKind } from './linkedin-types.js';
import type { MapContext, Where } from './mapping.js';
import { isDraft, mapMessage, recipientsOf } from './messages.js';
import { nameKey, parseProfileUrl, PeopleIndex } from './people.js';
import { findOwner, ownerRecords, profileClue, type OwnerClues } from './profile.js';
import { mapReaction } from './reactions.js';
import { mapShare } from './shares.js';

interface Table {
  readonly entry: InputEntry;
  readonly kind: TableKind;
  readonly check: HeaderCheck;
}

const FORMAT = 'LinkedIn export';
const HINT = 'Import the LinkedIn export as downloaded (Settings & Privacy → Data privacy → Get a copy of your data). Nothing was imported.';

/**
 * The LinkedIn tables of the input, or null when it is not a LinkedIn export. Throws when it
 * clearly is one but a table is damaged (a CSV with the wrong header).
 */
async function findTables(files: InputFiles): Promise<Table[] | null> {
  const tables: Table[] = [];
  for (const entry of files.entries) {
    const kind = tableKindOfName(entry.path);
    if (kind) tables.push({ entry, kind, check: await checkHeader(files, entry, kind) });
  }
  if (files.container === 'file' && tables.length === 0) {
    // A CSV under another name: recognised by its header alone.
    const entry = files.entries[0];
    if (!entry || !/\.csv$/i.test(entry.path)) return null;
    for (const kind of BY_SPECIFICITY) {
      const check = await checkHeader(files, entry, kind);
      if (check.status === 'ok') return [{ entry, kind, check }];
    }
    return null;
  }
  const claimed =
    tables.some((t) => t.check.status === 'ok' || (t.check.status === 'bad' && t.check.related)) ||
    (files.container !== 'file' && new Set(tables.map((t) => t.kind)).size >= 2);
  if (!claimed) return null;
  for (const t of tables) {
    if (t.check.status === 'bad') {
      throw new InputError(`${fileLabel(files, t.entry.path)}: not LinkedIn's ${TABLE_SPECS[t.kind].fileName}: ${t.check.problem}`, { hint: HINT });
    }
  }
  return tables;
}

/**
 * Tables tried on a CSV known by its header alone, the most demanding header first: a
 * Connections header (First Name, Last Name, Connected On) also satisfies Profile's.
 */
const BY_SPECIFICITY = [...TABLE_KINDS].sort((a, b) => TABLE_SPECS[b].required.length - TABLE_SPECS[a].required.length);

function ofKind(tables: readonly Table[], kind: TableKind): Table[] {
  return tables.filter((t) => t.kind === kind && t.check.status === 'ok');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

async function readOwnerClue(files: InputFiles, tables: readonly Table[]): Promise<OwnerClues['profile']> {
  for (const t of ofKind(tables, 'profile')) {
    for await (const { row } of readTable(files, t.entry, 'profile', () => {})) {
      const clue = profileClue(row);
      if (clue.name !== '' || clue.url !== '') return clue;
    }
  }
  return undefined;
}

export const linkedinSource: Source = {
  id: 'linkedin',
  atomic: true,

  async detect(files: InputFiles): Promise<Detection | null> {
    const tables = await findTables(files);
    if (!tables) return null;
    const counts: Partial<Record<TableKind, number>> = {};
    for (const t of tables) {
      if (t.check.status !== 'ok' || t.kind === 'profile') continue;
      const rows = Math.max(0, (await countRecords(files, t.entry.path)) - t.check.headerRecord - 1);
      counts[t.kind] = (counts[t.kind] ?? 0) + rows;
    }
    const parts: string[] = [];
    if (counts.connections !== undefined) parts.push(plural(counts.connections, 'connection'));
    if (counts.messages !== undefined) parts.push(plural(counts.messages, 'message'));
    if (counts.invitations !== undefined) parts.push(plural(counts.invitations, 'invitation'));
    if (counts.shares !== undefined) parts.push(plural(counts.shares, 'share'));
    if (counts.comments !== undefined) parts.push(plural(counts.comments, 'comment'));
    if (counts.reactions !== undefined) parts.push(plural(counts.reactions, 'reaction'));
    const owner = await readOwnerClue(files, tables);
    const who = owner?.name ? ` of ${owner.name}` : '';
    const handle = parseProfileUrl(owner?.url ?? '')?.handle;
    return {
      format: FORMAT,
      summary: `${FORMAT}${who}: ${parts.length > 0 ? parts.join(', ') : 'no connections, messages or posts'}`,
      ...(handle ? { account: { platform: 'linkedin', handle } } : {}),
    };
  },

  async *read(files: InputFiles, context: ReadContext): AsyncIterable<SourceItem> {
    const tables = await findTables(files);
    if (!tables) throw new InputError(`${files.label}: not a LinkedIn export`, { hint: HINT });
    const sizeOf = (kinds: TableKind[]) => tables.filter((t) => kinds.includes(t.kind)).reduce((s, t) => s + t.entry.size, 0);
    const firstPassBytes = sizeOf(['profile', 'connections', 'invitations', 'messages']);
    const work = firstPassBytes + sizeOf([...TABLE_KINDS]);
    let done = 0;
    let rows = 0;
    const onBytes = (n: number) => {
      done += n;
    };
    const report = () => context.progress(work === 0 ? files.totalBytes : Math.min(files.totalBytes, Math.floor((done / work) * files.totalBytes)));

    // Pass 1: who is who.
    const people = new PeopleIndex();
    const clues: OwnerClues = {};
    const conversations = new Map<string, { name: string; url: string }[]>();
    for (const t of ofKind(tables, 'profile')) {
      for await (const { row } of readTable(files, t.entry, 'profile', onBytes)) {
        const clue = profileClue(row);
        if (!clues.profile && (clue.name !== '' || clue.url !== '')) clues.profile = clue;
      }
    }
    for (const t of ofKind(tables, 'connections')) {
      for await (const { row } of readTable(files, t.entry, 'connections', onBytes)) {
        const name = `${row['First Name']} ${row['Last Name']}`;
        if (parseProfileUrl(row.URL)) people.learn(name, row.URL);
        else if (name.trim() !== '') people.learnUrllessConnection(name);
      }
    }
    for (const t of ofKind(tables, 'invitations')) {
      for await (const { row } of readTable(files, t.entry, 'invitations', onBytes)) {
        people.learn(row.From, row.inviterProfileUrl);
        people.learn(row.To, row.inviteeProfileUrl);
        const direction = row.Direction.trim().toUpperCase();
        if (!clues.invitation && (direction === 'OUTGOING' || direction === 'SENT')) clues.invitation = { name: row.From.trim(), url: row.inviterProfileUrl.trim() };
        if (!clues.invitation && (direction === 'INCOMING' || direction === 'RECEIVED')) clues.invitation = { name: row.To.trim(), url: row.inviteeProfileUrl.trim() };
      }
    }
    const messageTables = ofKind(tables, 'messages');
    for (const t of messageTables) {
      for await (const { row } of readTable(files, t.entry, 'messages', onBytes)) {
        if ((++rows & 1023) === 0) report();
        if (isDraft(row)) continue;
        people.learn(row.FROM, row['SENDER PROFILE URL']);
        const recipients = recipientsOf(row, () => false);
        for (const r of recipients) if (r.name !== '') people.learn(r.name, r.url);
        const id = row['CONVERSATION ID'].trim();
        const list = conversations.get(id) ?? [];
        if (!conversations.has(id)) conversations.set(id, list);
        for (const p of [{ name: row.FROM, url: row['SENDER PROFILE URL'] }, ...recipients]) {
          const key = parseProfileUrl(p.url)?.url ?? nameKey(p.name);
          if (key !== '' && !list.some((q) => (parseProfileUrl(q.url)?.url ?? nameKey(q.name)) === key)) list.push({ name: p.name.trim(), url: p.url.trim() });
        }
      }
    }
    report();
    const owner = findOwner(clues, people, conversations, { label: files.label, messagesFile: messageTables[0]?.entry.path });
    people.setOwner(owner);
    if (owner.name) people.learn(owner.name, owner.url ?? '');

    // Pass 2: records, the owner first.
    const ctx: MapContext = { people, owner, ownPosts: new Set(), conversations, profiled: new Set() };
    yield* ownerRecords(owner, clues);
    const order: { kind: TableKind; map: (row: never, ctx: MapContext, where: Where) => SourceItem[] }[] = [
      { kind: 'connections', map: mapConnection },
      { kind: 'invitations', map: mapInvitation },
      { kind: 'messages', map: mapMessage },
      // Shares before comments and reactions: a comment on one of your own posts targets you.
      { kind: 'shares', map: mapShare },
      { kind: 'comments', map: mapComment },
      { kind: 'reactions', map: mapReaction },
    ];
    for (const t of ofKind(tables, 'profile')) done += t.entry.size;
    for (const { kind, map } of order) {
      for (const t of ofKind(tables, kind)) {
        for await (const { row, line } of readTable(files, t.entry, kind, onBytes)) {
          if ((++rows & 1023) === 0) report();
          yield* map(row as never, ctx, { file: t.entry.path, line });
        }
      }
    }
    context.progress(files.totalBytes);
  },
};
