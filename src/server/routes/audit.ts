import { auditReport } from '../../workspace/audit-report.js';
import { followersReport } from '../../workspace/followers.js';
import type { RouteModule } from '../context.js';
import { AtQuery, AuditQuery, AuditResponse, ErrorSchema, FollowersResponse } from '../schemas.js';

export const auditRoutes: RouteModule = (app, { store, now }) => {
  app.get('/api/audit', {
    schema: { summary: 'The audit of your account over a period: one figure per principle, per month, with examples', tags: ['audit'], querystring: AuditQuery, response: { 200: AuditResponse, 400: ErrorSchema } },
  }, async (request) => auditReport(store, { from: request.query.from, to: request.query.to, at: request.query.at ?? now() }));

  app.get('/api/followers', {
    schema: { summary: 'Everyone following you: why they probably followed, and whether they look real', tags: ['audit'], querystring: AtQuery, response: { 200: FollowersResponse, 400: ErrorSchema } },
  }, async (request) => followersReport(store, request.query.at ?? now()));
};
