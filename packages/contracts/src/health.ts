import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  /** What keeps the server from working, when status is unavailable: the database cannot be reached or written, or the file store cannot be written (a full or read-only disk). */
  problems: z.array(z.enum(['database_unreachable', 'database_unwritable', 'files_unwritable'])).optional(),
});
export type Health = z.infer<typeof healthSchema>;
