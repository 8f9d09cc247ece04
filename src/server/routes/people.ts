import { displayName, type Person } from '../../domain/views.js';
import type { Store } from '../../store/store.js';
import { loadPlaybook } from '../../workspace/load-playbook.js';
import { messageReaderFor } from '../../workspace/message-context.js';
import { listPeople } from '../../workspace/people-list.js';
import { buildCard } from '../../workspace/person-card.js';
import { followInsightFor } from '../../workspace/followers.js';
import type { RouteModule } from '../context.js';
import { NotFoundError } from '../errors.js';
import { queryPeople } from '../people-query.js';
import { AtQuery, ErrorSchema, IdParams, InteractionsQuery, InteractionsResponse, PeopleQuery, PeopleResponse, PersonResponse } from '../schemas.js';
import { warmthSeries } from '../warmth-series.js';

const TIMELINE = 100;
const LATEST = 10;

export const peopleRoutes: RouteModule = (app, { store, now }) => {
  app.get('/api/people', {
    schema: { summary: 'Everyone you know, with stage, warmth, ledger and last touches; search, filter and sort', tags: ['people'], querystring: PeopleQuery, response: { 200: PeopleResponse, 400: ErrorSchema } },
  }, async (request) => {
    const { at, stage, q, quiet, sort, limit } = request.query;
    const rows = await listPeople(store, at ?? now());
    return queryPeople(rows, { stage, q, quiet: quiet === 'true', sort, limit });
  });

  app.get('/api/people/:id', {
    schema: { summary: "One person's card: identities, the relationship and its history, warmth over time, timeline, notes", tags: ['people'], params: IdParams, querystring: AtQuery, response: { 200: PersonResponse, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const at = request.query.at ?? now();
    const person = await personOr404(store, request.params.id);
    const [interactions, notes, read, playbook, followInsight] = await Promise.all([
      store.interactionsWith(person, { until: at }),
      store.notesOf(person),
      messageReaderFor(store),
      loadPlaybook(store),
      followInsightFor(store, person, at),
    ]);
    const card = buildCard(person, interactions, notes, { at, limit: LATEST, read, playbook, followInsight });
    return {
      ...card,
      warmthSeries: warmthSeries(interactions, { at, read, playbook, identities: person.identities }),
      timeline: interactions.slice(-TIMELINE).reverse(),
      timelineMore: interactions.length > TIMELINE,
    };
  });

  app.get('/api/people/:id/interactions', {
    schema: { summary: "A page of a person's timeline, newest first, older than the interaction `before`", tags: ['people'], params: IdParams, querystring: InteractionsQuery, response: { 200: InteractionsResponse, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const { at, before, limit = TIMELINE } = request.query;
    const person = await personOr404(store, request.params.id);
    const interactions = await store.interactionsWith(person, { until: at ?? now() });
    // Time order with the id breaking ties, as the store sorts: the cursor is an interaction id.
    const end = before === undefined ? interactions.length : interactions.findIndex((i) => i.id === before);
    if (end < 0) throw new NotFoundError(`Interaction #${before} is not in ${displayName(person)}'s timeline`, { hint: 'Give as `before` the id of the oldest interaction shown.' });
    const start = Math.max(0, end - limit);
    return { interactions: interactions.slice(start, end).reverse(), more: start > 0 };
  });
};

/** The person with this id; one of your own accounts is not a person. */
export async function personOr404(store: Store, id: number): Promise<Person> {
  const person = await store.person(id);
  if (!person || person.identities.every((i) => i.isOwn)) {
    throw new NotFoundError(`No person #${id} in this workspace`, { hint: 'GET /api/people lists everyone; a merged person keeps the id of the one merged into.' });
  }
  return person;
}
