/** Turns a handle typed by the user into one person, or a clear error saying what to type instead. */
import { UserError } from '../domain/errors.js';
import { parseHandleArg } from '../domain/handles.js';
import { PLATFORMS } from '../domain/records.js';
import { displayHandle, type Person } from '../domain/views.js';
import type { Store } from '../store/store.js';

export async function findPerson(store: Store, arg: string): Promise<Person> {
  const { platform, handle } = parseHandleArg(arg, PLATFORMS);
  const identities = await store.findIdentities(handle, platform);
  if (identities.length === 0) {
    const suggestions = await store.suggestHandles(handle);
    throw new UserError(`No one with the handle "${arg}" in this workspace`, {
      hint: suggestions.length > 0
        ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? \`rapport people\` lists everyone.`
        : 'Check the spelling, or import the export that contains them; `rapport people` lists everyone.',
    });
  }
  const personIds = [...new Set(identities.map((i) => i.personId))];
  if (personIds.length > 1) {
    throw new UserError(`"${arg}" matches several people: ${identities.map((i) => `${i.platform}:${displayHandle(i)}`).join(', ')}`, {
      hint: 'Type the whole handle, or put the platform first, e.g. mastodon:@ana@example.social.',
    });
  }
  if (identities.every((i) => i.isOwn)) {
    throw new UserError(`"${arg}" is one of your own accounts`, { hint: '`rapport stats` shows your accounts; `rapport person` is for the people you talk with.' });
  }
  const person = await store.person(personIds[0] as number);
  if (!person) throw new UserError(`No one with the handle "${arg}" in this workspace`);
  return person;
}
