import { UserError } from '../../domain/errors.js';
import { displayHandle, displayName, type Person } from '../../domain/views.js';
import type { Store } from '../../store/store.js';
import { findPerson } from '../../workspace/find-person.js';
import type { RouteModule } from '../context.js';
import { NotFoundError } from '../errors.js';
import { ErrorSchema, IdParams, MergeBody, MergedPersonResponse } from '../schemas.js';
import { personOr404 } from './people.js';

export const mergeRoutes: RouteModule = (app, { store }) => {
  app.post('/api/people/merge', {
    schema: { summary: 'Merge two people who are the same human (e.g. their X and Mastodon profiles) into one card', tags: ['people'], body: MergeBody, response: { 200: MergedPersonResponse, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const into = await resolvePerson(store, request.body.into);
    const from = await resolvePerson(store, request.body.from);
    if (into.id === from.id) throw new UserError(`${displayName(into)} and ${displayName(from)} are already the same person`, { hint: 'Pick two different people.' });
    await store.mergePeople(into.id, from.id);
    return describe(await personOr404(store, into.id));
  });

  app.post('/api/identities/:id/unmerge', {
    schema: { summary: 'Take one identity back out of the person it was merged into; it becomes a person of its own', tags: ['people'], params: IdParams, response: { 200: MergedPersonResponse, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const { id } = request.params;
    const identity = (await store.people()).flatMap((p) => p.identities).find((i) => i.id === id);
    if (!identity) throw new NotFoundError(`No identity #${id} in this workspace`, { hint: "The person card lists each identity's id." });
    const person = await personOr404(store, identity.personId);
    if (person.identities.length < 2) throw new UserError(`${displayHandle(identity)} is not merged with anyone`, { hint: 'Only an identity merged into a person with others can be taken out.' });
    await store.unmergeIdentity(id);
    return describe(await personOr404(store, id));
  });
};

/** A person id, or a handle as the CLI takes it. */
function resolvePerson(store: Store, ref: number | string): Promise<Person> {
  return typeof ref === 'number' ? personOr404(store, ref) : findPerson(store, ref);
}

function describe(person: Person) {
  return { id: person.id, name: displayName(person), identities: person.identities.map((i) => ({ id: i.id, platform: i.platform, handle: displayHandle(i) })) };
}
