import { MAX_IMPORT_ERRORS, type ImportJob, type SheetFormat } from '@pavilion/contracts';
import { z } from 'zod';
import { exporterScope, requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { defineJob, type JobDefinition, type JobQueue, type JobView } from '../../platform/jobs/job-queue.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import type { Upload } from '../../platform/uploads.ts';
import type { ImportOutcome, ProductImportService } from './product-import.service.ts';
import { detectSheetFormat } from '../../platform/sheets/sheet-file.ts';

/** A finished import is answered this long for the console to read. */
export const IMPORT_JOB_TTL_MS = 60 * 60 * 1000;
/** Progress is written at most this often (each write is a statement). */
const PROGRESS_EVERY_MS = 100;

const importPayload = z.object({ exporterId: z.string(), fileKey: z.string(), fileName: z.string(), format: z.enum(['xlsx', 'csv']) });
type ImportPayload = z.infer<typeof importPayload>;
const importProgress = z.object({ status: z.enum(['validating', 'importing']), processedRows: z.number(), totalRows: z.number() });
/** What a finished import job keeps: the answer the console shows. */
const importEnd = z.object({
  status: z.enum(['done', 'failed']),
  format: z.enum(['xlsx', 'csv']).nullable(),
  processedRows: z.number(),
  totalRows: z.number(),
  result: z.unknown(),
  errors: z.array(z.unknown()).nullable(),
  errorCount: z.number(),
});

/**
 * Imports uploaded by exporters run as jobs of the durable queue: the file waits in the file store,
 * any server process may run it, its progress and outcome are read from any process, and an import
 * whose process dies is run again by another (it is all or nothing, so nothing was half-written).
 * One import per exporter at a time.
 */
export class ProductImportJobs {
  private readonly queue: JobQueue;
  private readonly files: FileStore;
  private readonly job: JobDefinition<ImportPayload>;

  constructor(deps: { queue: JobQueue; files: FileStore; imports: ProductImportService }) {
    this.queue = deps.queue;
    this.files = deps.files;
    const { files } = deps;
    this.job = deps.queue.register(
      defineJob({
        kind: 'catalog.import',
        payload: importPayload,
        leaseMs: 30_000,
        retry: { maxAttempts: 3, baseDelayMs: 5_000, maxDelayMs: 60_000 },
        handler: async (payload, ctx) => {
          const bytes = await files.get(payload.fileKey);
          if (!bytes) throw new Error(`the uploaded file ${payload.fileKey} is gone`);
          let last = 0;
          let lastStatus = '';
          const outcome = await deps.imports.importFile(payload.exporterId, bytes, (status, processedRows, totalRows) => {
            const now = Date.now();
            if (status === lastStatus && now - last < PROGRESS_EVERY_MS) return;
            last = now;
            lastStatus = status;
            void ctx.progress({ status, processedRows, totalRows }).catch(() => {});
          });
          await files.delete(payload.fileKey).catch(() => {});
          return endOf(outcome);
        },
      }),
    );
  }

  /**
   * Starts importing an uploaded file: refused at once when it is neither XLSX nor CSV (by content)
   * or when this exporter's previous import is still waiting or running; otherwise answers the job,
   * which goes on after the answer. The console follows it with getJob.
   */
  async startImport(caller: Caller | null, upload: Upload): Promise<ImportJob> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const format = await detectSheetFormat(upload.bytes);
    if (await this.queue.hasActive(this.job, exporterId)) throw new AppError('IMPORT_IN_PROGRESS');
    const fileKey = `imports/${newId()}.${format}`;
    await this.files.put(fileKey, upload.bytes);
    const payload = { exporterId, fileKey, fileName: upload.fileName.slice(0, 200), format };
    // The exporter's id is the unique key: a second file sent at the same moment (to this process or another) finds it taken.
    const id = await this.queue.enqueue(this.job, payload, { uniqueKey: exporterId });
    if (!id) {
      await this.files.delete(fileKey).catch(() => {});
      throw new AppError('IMPORT_IN_PROGRESS');
    }
    const job = await this.queue.get(id);
    if (!job) throw notFound();
    return toImportJob(job);
  }

  /** A job of the caller's exporter (another exporter's, or one ended over an hour ago, is 404). */
  async getJob(caller: Caller | null, jobId: string): Promise<ImportJob> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const job = await this.queue.get(jobId);
    if (!job || job.kind !== this.job.kind || importPayload.parse(job.payload).exporterId !== exporterId) throw notFound();
    if (job.finishedAt && this.queue.now().getTime() - Date.parse(job.finishedAt) > IMPORT_JOB_TTL_MS) throw notFound();
    return toImportJob(job);
  }
}

function endOf(outcome: ImportOutcome): z.infer<typeof importEnd> {
  if (outcome.ok) {
    return { status: 'done', format: outcome.format, processedRows: outcome.result.rows, totalRows: outcome.result.rows, result: outcome.result, errors: null, errorCount: 0 };
  }
  return {
    status: 'failed', format: outcome.format, processedRows: 0, totalRows: outcome.totalRows, result: null,
    errors: outcome.errors.slice(0, MAX_IMPORT_ERRORS), errorCount: outcome.errors.length,
  };
}

/** The console's view of a queue job: waiting counts as validating, a job that died on an unexpected error as a failed import. */
function toImportJob(job: JobView): ImportJob {
  const payload = importPayload.parse(job.payload);
  const base = { jobId: job.id, fileName: payload.fileName, createdAt: job.createdAt };
  if (job.state === 'done') {
    const end = importEnd.parse(job.result);
    return { ...base, ...end, format: end.format as SheetFormat | null, finishedAt: job.finishedAt, result: end.result as ImportJob['result'], errors: end.errors as ImportJob['errors'] };
  }
  if (job.state === 'failed') {
    return {
      ...base, status: 'failed', format: payload.format, processedRows: 0, totalRows: 0, finishedAt: job.finishedAt, result: null, errorCount: 1,
      errors: [{ row: null, column: null, rule: 'internal', message: 'the import stopped on an unexpected error: nothing was imported' }],
    };
  }
  const progress = importProgress.safeParse(job.progress);
  return {
    ...base, format: payload.format, finishedAt: null, result: null, errors: null, errorCount: 0,
    ...(progress.success ? progress.data : { status: 'validating' as const, processedRows: 0, totalRows: 0 }),
  };
}
