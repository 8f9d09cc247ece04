import { todayAgenda } from '../../workspace/today-agenda.js';
import type { RouteModule } from '../context.js';
import { loadDoneMarks, markDone, withoutDone } from '../done-actions.js';
import { NotFoundError } from '../errors.js';
import { AgendaResponse, DoneBody, DoneResponse, ErrorSchema, IdParams, SnoozeBody, SnoozeResponse, TodayQuery } from '../schemas.js';
import { loadPlaybook } from '../../workspace/load-playbook.js';

export const todayRoutes: RouteModule = (app, { store, now }) => {
  app.get('/api/today', {
    schema: { summary: "Today's agenda: ranked actions, each with why, evidence and an opener", tags: ['today'], querystring: TodayQuery, response: { 200: AgendaResponse, 400: ErrorSchema } },
  }, async (request) => {
    const at = request.query.at ?? now();
    const limit = request.query.limit ?? (await loadPlaybook(store)).agenda.limit;
    // Every action first: those marked done are dropped before the limit is applied.
    const [agenda, marks] = await Promise.all([todayAgenda(store, at, Number.MAX_SAFE_INTEGER), loadDoneMarks(store)]);
    return withoutDone(agenda, marks, limit);
  });

  app.post('/api/today/done', {
    schema: { summary: 'Mark an action done: hidden until a newer event opens it again', tags: ['today'], body: DoneBody, response: { 200: DoneResponse, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const { personId, kind, since } = request.body;
    if (!(await store.person(personId))) throw new NotFoundError(`No person #${personId} in this workspace`, { hint: 'Reload Today: the action may belong to a person who was merged.' });
    await markDone(store, { personId, kind, since });
    return { ok: true as const };
  });

  app.post('/api/people/:id/snooze', {
    schema: { summary: 'Hide a person from Today until a day (inclusive)', tags: ['today'], params: IdParams, body: SnoozeBody, response: { 200: SnoozeResponse, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request) => {
    const { id } = request.params;
    if (!(await store.person(id))) throw new NotFoundError(`No person #${id} in this workspace`, { hint: 'GET /api/people lists everyone.' });
    await store.snooze(id, request.body.until);
    return { personId: id, until: request.body.until };
  });
};
