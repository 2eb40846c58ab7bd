import { z } from 'zod';
import type { JobSpec } from '../../platform/jobs/job-queue.ts';

/**
 * Re-indexing the products cut with an older word list is a job of the durable queue: added in the
 * transaction that changes the word list (so a crash cannot lose it), run by one process at a time
 * (its kind is its unique key), and at start for a re-index a restart cut short. The work is found
 * from the index itself, so a run that dies is resumed by the next.
 */
export const REINDEX_SEARCH = {
  kind: 'search.reindex',
  payload: z.object({}).strict(),
  retry: { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 60_000 },
} satisfies JobSpec<Record<string, never>>;
