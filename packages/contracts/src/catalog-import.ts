import { z } from 'zod';

/** The spreadsheet formats of the product template, export and import. */
export const sheetFormats = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof sheetFormats)[number];
export const sheetFormatQuerySchema = z.object({ format: z.enum(sheetFormats).default('xlsx') });

/**
 * One problem found in an imported file. `row` is the row number the spreadsheet shows (1 is the
 * header row); `column` is the column's header as the file has it. Both are null for a problem of
 * the file as a whole (not readable, no product rows).
 */
export const importIssueSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  /** The rule broken: required, invalid_format, unknown, duplicate, differs, … */
  rule: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importActions = ['created', 'updated', 'unchanged'] as const;

export const importResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Products whose content in the file equals their current content: left as they were. */
  unchanged: z.number().int(),
  /** Product rows read (one per variant; notes and blank rows not counted). */
  rows: z.number().int(),
  /** Each product of the file, in file order: its product_ref, the row it starts on, and its id. */
  products: z.array(z.object({ ref: z.string(), row: z.number().int(), productId: z.string(), action: z.enum(importActions) })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * validating: reading the file and checking every row (nothing written yet);
 * importing: writing the products, in one transaction;
 * done: `result` says what was written; failed: `errors` says why nothing was written.
 */
export const importJobStatuses = ['validating', 'importing', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** The most errors an import answers with; `errorCount` has the total. */
export const MAX_IMPORT_ERRORS = 1000;

export const importJobSchema = z
  .object({
    jobId: z.string(),
    status: z.enum(importJobStatuses),
    fileName: z.string(),
    /** Detected from the file's content; null until it is known. */
    format: z.enum(sheetFormats).nullable(),
    /** Rows done in the current phase (validating, then importing): 0 → totalRows, twice. */
    processedRows: z.number().int(),
    /** 0 until the file has been read. */
    totalRows: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: importResultSchema.nullable(),
    errors: z.array(importIssueSchema).nullable(),
    errorCount: z.number().int(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobParamsSchema = z.object({ jobId: z.uuid() });
