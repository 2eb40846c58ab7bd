import { z } from 'zod';

/** The background job console (platform admins): queues by kind, failed jobs with their errors, a retry. */
export const jobStates = ['pending', 'running', 'done', 'failed'] as const;
export const jobStateSchema = z.enum(jobStates);
export type JobState = z.infer<typeof jobStateSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: jobStateSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobQueueSchema = z.object({
  kind: z.string(),
  /** Whether the answering server process runs this kind (its switch). */
  runsHere: z.boolean(),
  pending: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
});

export const jobOverviewSchema = z.object({ queues: z.array(jobQueueSchema), jobs: z.array(jobSchema) });
export type JobOverview = z.infer<typeof jobOverviewSchema>;

export const jobListQuerySchema = z.object({
  kind: z.string().max(100).regex(/^[a-z0-9.-]+$/, { message: 'must be a job kind such as customs.sweep' }).optional(),
  state: jobStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const jobParamsSchema = z.object({ jobId: z.uuid() });
