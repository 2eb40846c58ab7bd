import type { z } from 'zod';
import { validationMessages as m, type tradeFileSchema } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { putThenRecord, type FileStore } from '../../platform/file-store.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { uploadFingerprint, type Upload } from '../../platform/uploads.ts';
import { documentTypes } from '../media/index.ts';
import { detectType } from '../media/index.ts';
import { cleanFileName } from '../exporters/index.ts';
import type { DocumentFile } from '../exporters/index.ts';
import { companyOf, exporterOf, fieldError } from './trade-access.ts';

type TradeFile = z.infer<typeof tradeFileSchema>;
/** Who owns a file: the company or the exporter whose member uploaded it. */
export type FileOwner = { companyId: string } | { exporterId: string };

/** Private like exporter documents: outside media/, fetched only through the thread's routes. */
const tradeFileKey = (id: string): string => `trade/${id}`;

/**
 * Attachments of inquiry messages (PDF, JPEG, PNG up to 10 MB), checked by their content as
 * exporter documents are: a renamed text file is refused naming `file`.
 */
export class TradeFileService {
  private readonly db: Db;
  private readonly files: FileStore;
  private readonly clock: Clock;

  constructor(options: { db: Db; files: FileStore; clock: Clock }) {
    this.db = options.db;
    this.files = options.files;
    this.clock = options.clock;
  }

  ownerOfCompany(caller: Caller | null): FileOwner {
    return { companyId: companyOf(caller) };
  }

  ownerOfExporter(caller: Caller | null): FileOwner {
    return { exporterId: exporterOf(caller) };
  }

  async upload(caller: Caller | null, owner: FileOwner, upload: Upload): Promise<TradeFile> {
    const mediaType = await detectType(upload.bytes, documentTypes, 'file');
    const id = newId();
    const row = {
      id,
      company_id: 'companyId' in owner ? owner.companyId : null,
      exporter_id: 'exporterId' in owner ? owner.exporterId : null,
      file_name: cleanFileName(upload.fileName),
      media_type: mediaType,
      ...uploadFingerprint(upload.bytes),
      storage_key: tradeFileKey(id),
      uploaded_by: caller?.userId ?? null,
      created_at: this.clock().toISOString(),
    };
    await putThenRecord(this.files, row.storage_key, upload.bytes, () => this.db.insertInto('trade_files').values(row).execute());
    return { id, fileName: row.file_name, mediaType, sizeBytes: row.size_bytes };
  }

  /** Each id must name a file this side uploaded; 400 on `attachmentIds` otherwise. */
  async assertOwned(db: Db | Trx, owner: FileOwner, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (new Set(ids).size !== ids.length) throw fieldError('attachmentIds', 'duplicate', m.duplicate.en);
    let q = db.selectFrom('trade_files').select('id').where('id', 'in', [...ids]);
    q = 'companyId' in owner ? q.where('company_id', '=', owner.companyId) : q.where('exporter_id', '=', owner.exporterId);
    const found = new Set((await q.execute()).map((r) => r.id));
    if (ids.some((id) => !found.has(id))) throw fieldError('attachmentIds', 'unknown_file', m.unknownTradeFile.en);
  }

  /** A file attached to a message of this inquiry (the caller's scope over the inquiry is checked before). */
  async readAttached(inquiryId: string, fileId: string): Promise<DocumentFile> {
    const row = await this.db
      .selectFrom('inquiry_message_files as mf')
      .innerJoin('inquiry_messages as msg', 'msg.id', 'mf.message_id')
      .innerJoin('trade_files as f', 'f.id', 'mf.file_id')
      .select(['f.file_name', 'f.media_type', 'f.storage_key'])
      .where('msg.inquiry_id', '=', inquiryId)
      .where('f.id', '=', fileId)
      .executeTakeFirst();
    if (!row) throw notFound();
    const bytes = await this.files.get(row.storage_key);
    if (!bytes) throw notFound();
    return { fileName: row.file_name, mediaType: row.media_type, bytes };
  }
}
