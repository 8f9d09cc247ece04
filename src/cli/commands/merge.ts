import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { parseHandleArg } from '../../domain/handles.js';
import { PLATFORMS } from '../../domain/records.js';
import { displayHandle, displayName, type Person } from '../../domain/views.js';
import { findPerson } from '../../workspace/find-person.js';
import { createPrinter } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface MergeFlags extends GlobalOptions {
  json?: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('Merge two identities that are the same person (e.g. their X and Mastodon profiles) into one card')
    .argument('<handle>', 'one of their handles')
    .argument('<other>', 'another of their handles')
    .option('--json', 'print JSON')
    .action(async (handle: string, other: string, _flags: MergeFlags, command: Command) => {
      const flags = command.optsWithGlobals<MergeFlags>();
      const person = await withStore(flags, async (store) => {
        const a = await findPerson(store, handle);
        const b = await findPerson(store, other);
        if (a.id === b.id) throw new UserError(`"${handle}" and "${other}" are already the same person`, { hint: '`rapport person` shows their identities.' });
        await store.mergePeople(Math.min(a.id, b.id), Math.max(a.id, b.id));
        return (await store.person(Math.min(a.id, b.id))) as Person;
      });
      createPrinter(flags.json ?? false).result(describe(person), (p) => `Merged: ${p.name} is now one person with ${p.identities.map((i) => `${i.handle} (${i.platform})`).join(', ')}.`);
    });

  program
    .command('unmerge')
    .description('Undo a merge: take one identity back out into a person of its own')
    .argument('<handle>', 'the handle to take out (platform:handle if it is ambiguous)')
    .option('--json', 'print JSON')
    .action(async (handle: string, _flags: MergeFlags, command: Command) => {
      const flags = command.optsWithGlobals<MergeFlags>();
      const result = await withStore(flags, async (store) => {
        const person = await findPerson(store, handle);
        if (person.identities.length < 2) throw new UserError(`"${handle}" is not merged with anyone`, { hint: '`rapport person HANDLE` shows their identities.' });
        const { platform, handle: bare } = parseHandleArg(handle, PLATFORMS);
        const matches = (await store.findIdentities(bare, platform)).filter((i) => i.personId === person.id);
        const identity = matches[0];
        if (!identity || matches.length > 1) throw new UserError(`"${handle}" names more than one of their identities`, { hint: 'Put the platform first, e.g. x:@ana.' });
        await store.unmergeIdentity(identity.id);
        return { separated: describe((await store.person(identity.id)) as Person), from: handle };
      });
      createPrinter(flags.json ?? false).result(result, (r) => `Unmerged: ${r.separated.identities[0]?.handle} (${r.separated.identities[0]?.platform}) is a person of its own again.`);
    });
}

function describe(person: Person) {
  return { id: person.id, name: displayName(person), identities: person.identities.map((i) => ({ platform: i.platform, handle: displayHandle(i) })) };
}
