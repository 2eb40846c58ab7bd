import { adminUserListQuerySchema, adminUserListSchema } from '../auth.ts';
import { jobListQuerySchema, jobOverviewSchema, jobParamsSchema, jobSchema } from '../jobs.ts';
import { endpoint } from './endpoint.ts';

/** Platform administration: every endpoint, by name. */
export const adminEndpoints = {
  getUsers: endpoint({ method: 'GET', path: '/api/admin/users', query: adminUserListQuerySchema, response: { 200: adminUserListSchema } }),
  getJobs: endpoint({ method: 'GET', path: '/api/admin/jobs', query: jobListQuerySchema, response: { 200: jobOverviewSchema } }),
  retryJob: endpoint({ method: 'POST', path: '/api/admin/jobs/:jobId/retry', params: jobParamsSchema, response: { 200: jobSchema } }),
} as const;
