import type { z } from 'zod';
import { documentKindSchema, exporterStatuses, validationMessages as m, type exporterDocumentSchema } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { ExporterDocumentsTable } from './exporter.table.ts';
import { exporterScope, operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { putThenRecord, type FileStore } from '../../platform/file-store.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { uploadFingerprint, type Upload } from '../../platform/uploads.ts';
import { documentTypes } from '../media/index.ts';
import { detectType } from '../media/index.ts';
import { cleanFileName, documentKey, documentsDeletable, MAX_DOCUMENTS_PER_EXPORTER } from './exporter-documents.rules.ts';

type ExporterDocument = z.infer<typeof exporterDocumentSchema>;

const deletableStatuses = exporterStatuses.filter(documentsDeletable);

/** A document's bytes with what a download needs. */
export interface DocumentFile {
  fileName: string;
  mediaType: ExporterDocumentsTable['media_type'];
  bytes: Buffer;
}

const columns = ['id', 'exporter_id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'storage_key', 'created_at'] as const;

const toDocument = (row: { id: string; kind: ExporterDocument['kind']; file_name: string; media_type: ExporterDocument['mediaType']; size_bytes: number; sha256: string; created_at: string }): ExporterDocument => ({
  id: row.id,
  kind: row.kind,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  createdAt: row.created_at,
});

/** Compliance documents (licences, registrations, certificates): private to the exporter and its operators. */
export class ExporterDocumentService {
  private readonly db: Db;
  private readonly files: FileStore;
  private readonly clock: Clock;

  constructor(options: { db: Db; files: FileStore; clock: Clock }) {
    this.db = options.db;
    this.files = options.files;
    this.clock = options.clock;
  }

  /** The caller's exporter, checked before the upload is read. */
  exporterOf(caller: Caller | null): string {
    return exporterScope(requireRole(caller, 'exporter_member'));
  }

  /**
   * Stores a document: its type is detected from the bytes (a text file renamed .pdf is refused,
   * naming `file`), nothing is written before every check has passed, and a failed insert removes
   * the file again.
   */
  async upload(caller: Caller | null, upload: Upload): Promise<ExporterDocument> {
    const exporterId = this.exporterOf(caller);
    const kind = documentKindSchema.safeParse(upload.fields.kind);
    if (!kind.success) {
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'kind', rule: upload.fields.kind === undefined ? 'required' : 'invalid_value', message: upload.fields.kind === undefined ? m.required.en : m.documentKind.en }] });
    }
    const mediaType = await detectType(upload.bytes, documentTypes, 'file');
    const count = await this.db.selectFrom('exporter_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('exporter_id', '=', exporterId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_DOCUMENTS_PER_EXPORTER) {
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'file', rule: 'too_many', message: m.tooManyDocuments.en }] });
    }

    const id = newId();
    const key = documentKey(exporterId, id);
    const row = {
      id,
      exporter_id: exporterId,
      kind: kind.data,
      file_name: cleanFileName(upload.fileName),
      media_type: mediaType,
      ...uploadFingerprint(upload.bytes),
      storage_key: key,
      uploaded_by: caller?.userId ?? null,
      created_at: this.clock().toISOString(),
    };
    await putThenRecord(this.files, key, upload.bytes, () => this.db.insertInto('exporter_documents').values(row).execute());
    return toDocument(row);
  }

  async list(caller: Caller | null): Promise<ExporterDocument[]> {
    return this.listFor(this.exporterOf(caller));
  }

  /** Every document of one exporter, newest first (callers have checked the scope). */
  async listFor(exporterId: string): Promise<ExporterDocument[]> {
    const rows = await this.db.selectFrom('exporter_documents').select(columns).where('exporter_id', '=', exporterId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toDocument);
  }

  /** One of the caller's own documents; another exporter's id answers 404. */
  async readOwn(caller: Caller | null, documentId: string): Promise<DocumentFile> {
    return this.read(this.exporterOf(caller), documentId);
  }

  /** A document of an exporter in the operator's pavilions (any pavilion for admins); 404 otherwise. */
  async readForOperator(caller: Caller | null, exporterId: string, documentId: string): Promise<DocumentFile> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    const exporter = await this.db.selectFrom('exporters').select('pavilion_id').where('id', '=', exporterId).executeTakeFirst();
    if (!exporter || (scope !== 'all' && !scope.includes(exporter.pavilion_id))) throw notFound();
    return this.read(exporterId, documentId);
  }

  /**
   * Deletes one of the caller's documents while its exporter is pending or rejected. The status
   * check sits in the delete itself, so a review approving the exporter meanwhile keeps the document.
   */
  async delete(caller: Caller | null, documentId: string): Promise<void> {
    const exporterId = this.exporterOf(caller);
    const doc = await this.db.selectFrom('exporter_documents').select(['id', 'storage_key']).where('id', '=', documentId).where('exporter_id', '=', exporterId).executeTakeFirst();
    if (!doc) throw notFound();
    const deleted = await this.db
      .deleteFrom('exporter_documents')
      .where('id', '=', doc.id)
      .where('exporter_id', '=', exporterId)
      .where((eb) => eb.exists(eb.selectFrom('exporters').select('id').where('id', '=', exporterId).where('status', 'in', deletableStatuses)))
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) {
      const exporter = await this.db.selectFrom('exporters').select('status').where('id', '=', exporterId).executeTakeFirstOrThrow();
      if (!documentsDeletable(exporter.status)) throw new AppError('INVALID_TRANSITION', { details: { status: exporter.status, action: 'delete_document' } });
      throw notFound();
    }
    // After the row is gone: a crash here leaves an unreferenced file, never a row without its file.
    await this.files.delete(doc.storage_key);
  }

  /**
   * Checks that each id names a document of this exporter (products cite certificates by id).
   * Takes the caller's transaction, if any: on SQLite a query outside it would wait for it.
   */
  async assertOwned(db: Db | Trx, exporterId: string, documentIds: string[], field: string): Promise<void> {
    if (documentIds.length === 0) return;
    const rows = await db.selectFrom('exporter_documents').select('id').where('exporter_id', '=', exporterId).where('id', 'in', documentIds).execute();
    const found = new Set(rows.map((r) => r.id));
    const missing = documentIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError('VALIDATION_FAILED', { details: missing.map(() => ({ field, rule: 'unknown_document', message: m.unknownDocument.en })) });
    }
  }

  private async read(exporterId: string, documentId: string): Promise<DocumentFile> {
    const doc = await this.db
      .selectFrom('exporter_documents')
      .select(['file_name', 'media_type', 'storage_key'])
      .where('id', '=', documentId)
      .where('exporter_id', '=', exporterId)
      .executeTakeFirst();
    if (!doc) throw notFound();
    const bytes = await this.files.get(doc.storage_key);
    if (!bytes) throw notFound();
    return { fileName: doc.file_name, mediaType: doc.media_type, bytes };
  }
}
