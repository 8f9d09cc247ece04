import { checkDraftInWorkspace } from '../../workspace/check-draft.js';
import type { RouteModule } from '../context.js';
import { CheckBody, CoachResultSchema, ErrorSchema } from '../schemas.js';

export const checkRoutes: RouteModule = (app, { store, now }) => {
  app.post('/api/check', {
    schema: {
      summary: "The composer: the coach's verdict on a draft (go / revise / wait), the principles and evidence behind it, and suggestions. Nothing is sent anywhere.",
      tags: ['coach'],
      body: CheckBody,
      response: { 200: CoachResultSchema, 400: ErrorSchema },
    },
  }, async (request) => {
    const { to, text, channel, inReplyTo, at } = request.body;
    return checkDraftInWorkspace(store, { to, text, at: at ?? now(), ...(channel ? { channel } : {}), ...(inReplyTo ? { inReplyTo } : {}) });
  });
};
