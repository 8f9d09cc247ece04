import type { RouteModule } from '../context.js';
import { ErrorSchema, WorkspaceResponse } from '../schemas.js';

export const workspaceRoutes: RouteModule = (app, { store, now }) => {
  app.get('/api/workspace', {
    schema: { summary: "The workspace at a glance: the server's now, your accounts and the totals", tags: ['workspace'], response: { 200: WorkspaceResponse, 401: ErrorSchema } },
  }, async () => {
    const [accounts, stats] = await Promise.all([store.ownAccounts(), store.stats()]);
    return { at: now(), accounts, stats };
  });
};
