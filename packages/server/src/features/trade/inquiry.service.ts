import type { z } from 'zod';
import {
  inquiryStatuses,
  validationMessages as m,
  type exporterReplySchema,
  type inquiryCreateSchema,
  type inquiryMessageCreateSchema,
  type inquirySummarySchema,
  type inquiryThreadSchema,
  type TradeSide,
} from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import type { DocumentFile } from '../exporters/index.ts';
import { acceptsMessages, inquiryStatusesFrom, responseFigures, secondsBetween } from './inquiry.rules.ts';
import { countUnread, inquiryQuery, type InquiryRow } from './inquiry.repository.ts';
import { companyOf, exporterOf, fieldError } from './trade-access.ts';
import { notify } from '../notifications/index.ts';
import type { FileOwner, TradeFileService } from './trade-files.service.ts';
import { companyCard, targetPriceOf } from './trade-rows.ts';

type Summary = z.infer<typeof inquirySummarySchema>;
type Thread = z.infer<typeof inquiryThreadSchema>;

/** Which side a caller speaks for, and the scope that goes with it. */
export type InquiryParty = { side: 'company'; companyId: string } | { side: 'exporter'; exporterId: string };

const ownerOf = (party: InquiryParty): FileOwner => (party.side === 'company' ? { companyId: party.companyId } : { exporterId: party.exporterId });

/** Inquiries (询盘): an importer asks one exporter, and the two talk it through in the inquiry's thread. */
export class InquiryService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly files: TradeFileService;

  constructor(options: { db: Db; clock: Clock; files: TradeFileService }) {
    this.db = options.db;
    this.clock = options.clock;
    this.files = options.files;
  }

  companyParty(caller: Caller | null): InquiryParty {
    return { side: 'company', companyId: companyOf(caller) };
  }

  exporterParty(caller: Caller | null): InquiryParty {
    return { side: 'exporter', exporterId: exporterOf(caller) };
  }

  /** Opens an inquiry and its thread with the importer's first message. */
  async create(caller: Caller | null, input: z.infer<typeof inquiryCreateSchema>): Promise<Summary> {
    const party = { side: 'company' as const, companyId: companyOf(caller) };
    const now = this.clock();
    const at = now.toISOString();
    const exporter = await this.db.selectFrom('exporters').select('id').where('id', '=', input.exporterId).where('status', '=', 'approved').executeTakeFirst();
    if (!exporter) throw fieldError('exporterId', 'unknown_exporter', m.unknownExporter.en);
    let product: { title_en: string; title_zh: string } | undefined;
    if (input.productId) {
      product = await this.db.selectFrom('catalog_listings').select(['title_en', 'title_zh']).where('product_id', '=', input.productId).where('exporter_id', '=', input.exporterId).executeTakeFirst();
      if (!product) throw fieldError('productId', 'unknown_product', m.unknownExporterProduct.en);
    }
    if (input.requiredDate && input.requiredDate < chinaDate(now)) throw fieldError('requiredDate', 'not_before_today', m.notBeforeToday.en);
    await this.files.assertOwned(this.db, ownerOf(party), input.attachmentIds);

    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('inquiries')
        .values({
          id,
          company_id: party.companyId,
          exporter_id: input.exporterId,
          product_id: input.productId,
          product_title_en: product?.title_en ?? null,
          product_title_zh: product?.title_zh ?? null,
          quantity: input.quantity,
          unit: input.unit,
          target_price_minor: input.targetPrice?.amount ?? null,
          target_currency: input.targetPrice?.currency ?? null,
          incoterm: input.incoterm,
          destination_port: input.destinationPort,
          required_date: input.requiredDate,
          created_by: caller?.userId ?? null,
          created_at: at,
          last_message_at: at,
          company_read_at: at,
        })
        .execute();
      await insertMessage(trx, { inquiryId: id, side: 'company', authorId: caller?.userId ?? null, body: input.message, attachmentIds: input.attachmentIds, at });
      await notify(trx, { kind: 'inquiry_created', subjectId: id, companyId: party.companyId, exporterId: input.exporterId, at });
    });
    return this.summary(party, id);
  }

  /** The side's inquiries, latest activity first. */
  async list(party: InquiryParty): Promise<Summary[]> {
    const rows = await scoped(inquiryQuery(this.db), party).orderBy('i.last_message_at', 'desc').orderBy('i.id').execute();
    const unread = await countUnread(this.db, rows, party.side);
    const now = this.clock();
    return rows.map((r) => toSummary(r, unread.get(r.id) ?? 0, now));
  }

  /** The exporter's inbox, with its own response figures (what operators see of it). */
  async exporterInbox(caller: Caller | null) {
    const party = this.exporterParty(caller);
    const items = await this.list(party);
    return { items, figures: responseFigures(items.map((i) => ({ createdAt: i.createdAt, firstResponseAt: i.firstResponseAt })), this.clock()) };
  }

  async thread(party: InquiryParty, inquiryId: string): Promise<Thread> {
    const row = await this.load(this.db, party, inquiryId);
    const messages = await this.db
      .selectFrom('inquiry_messages as msg')
      .leftJoin('users as u', 'u.id', 'msg.author_id')
      .select(['msg.id', 'msg.side', 'msg.body', 'msg.created_at', 'u.display_name'])
      .where('msg.inquiry_id', '=', inquiryId)
      .orderBy('msg.created_at')
      .orderBy('msg.id')
      .execute();
    const files = messages.length
      ? await this.db
          .selectFrom('inquiry_message_files as mf')
          .innerJoin('trade_files as f', 'f.id', 'mf.file_id')
          .select(['mf.message_id', 'f.id', 'f.file_name', 'f.media_type', 'f.size_bytes'])
          .where('mf.message_id', 'in', messages.map((msg) => msg.id))
          .orderBy('mf.position')
          .execute()
      : [];
    const unread = await countUnread(this.db, [row], party.side);
    return {
      inquiry: toSummary(row, unread.get(row.id) ?? 0, this.clock()),
      messages: messages.map((msg) => {
        const otherRead = msg.side === 'company' ? row.exporter_read_at : row.company_read_at;
        return {
          id: msg.id,
          side: msg.side,
          authorName: msg.display_name ?? '',
          body: msg.body,
          attachments: files.filter((f) => f.message_id === msg.id).map((f) => ({ id: f.id, fileName: f.file_name, mediaType: f.media_type, sizeBytes: f.size_bytes })),
          createdAt: msg.created_at,
          readByOther: otherRead !== null && otherRead >= msg.created_at,
        };
      }),
      lastRead: { company: row.company_read_at, exporter: row.exporter_read_at },
    };
  }

  /**
   * Posts a message. The thread's own row is moved first, by a conditional update that refuses a
   * closed thread, so a message can never land after a closing. The author's side has read the
   * thread up to its own message; the exporter's first message starts its response time.
   */
  async post(caller: Caller | null, party: InquiryParty, inquiryId: string, input: z.infer<typeof inquiryMessageCreateSchema> | z.infer<typeof exporterReplySchema>): Promise<Thread> {
    await this.load(this.db, party, inquiryId);
    await this.files.assertOwned(this.db, ownerOf(party), input.attachmentIds);
    const at = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const readColumn = party.side === 'company' ? 'company_read_at' : 'exporter_read_at';
      let update = trx.updateTable('inquiries').set({ last_message_at: at, [readColumn]: at }).where('id', '=', inquiryId).where('status', 'in', inquiryStatuses.filter(acceptsMessages));
      if (party.side === 'exporter') {
        update = update.set((eb) => ({ first_response_at: eb.fn.coalesce('first_response_at', eb.val(at)) }));
        if ('quoted' in input && input.quoted) update = update.set((eb) => ({ status: eb.case().when('status', '=', 'open').then('quoted' as const).else(eb.ref('status')).end() }));
      }
      const moved = await update.executeTakeFirst();
      if (moved.numUpdatedRows === 0n) throw new AppError('INQUIRY_CLOSED');
      await insertMessage(trx, { inquiryId, side: party.side, authorId: caller?.userId ?? null, body: input.body, attachmentIds: input.attachmentIds, at });
      const row = await trx.selectFrom('inquiries').select(['company_id', 'exporter_id']).where('id', '=', inquiryId).executeTakeFirstOrThrow();
      await notify(trx, { kind: 'inquiry_message', subjectId: inquiryId, companyId: party.side === 'exporter' ? row.company_id : null, exporterId: party.side === 'company' ? row.exporter_id : null, at });
    });
    return this.thread(party, inquiryId);
  }

  /** Read receipt: the side has read everything up to now. */
  async markRead(party: InquiryParty, inquiryId: string): Promise<Thread> {
    await this.load(this.db, party, inquiryId);
    const at = this.clock().toISOString();
    await this.db.updateTable('inquiries').set(party.side === 'company' ? { company_read_at: at } : { exporter_read_at: at }).where('id', '=', inquiryId).execute();
    return this.thread(party, inquiryId);
  }

  /** Either side closes the inquiry; a closed one answers INVALID_TRANSITION and stays as it was. */
  async close(party: InquiryParty, inquiryId: string): Promise<Summary> {
    const row = await this.load(this.db, party, inquiryId);
    const at = this.clock().toISOString();
    const moved = await this.db
      .updateTable('inquiries')
      .set({ status: 'closed', closed_at: at, closed_by: party.side })
      .where('id', '=', inquiryId)
      .where('status', 'in', inquiryStatusesFrom('close', party.side))
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { status: row.status, action: 'close' } });
    return this.summary(party, inquiryId);
  }

  async file(party: InquiryParty, inquiryId: string, fileId: string): Promise<DocumentFile> {
    await this.load(this.db, party, inquiryId);
    return this.files.readAttached(inquiryId, fileId);
  }

  private async summary(party: InquiryParty, inquiryId: string): Promise<Summary> {
    const row = await this.load(this.db, party, inquiryId);
    const unread = await countUnread(this.db, [row], party.side);
    return toSummary(row, unread.get(row.id) ?? 0, this.clock());
  }

  /** The inquiry if it is the caller's side's; another company's or exporter's answers 404. */
  private async load(db: Db | Trx, party: InquiryParty, inquiryId: string): Promise<InquiryRow> {
    const row = await scoped(inquiryQuery(db), party).where('i.id', '=', inquiryId).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }
}

function scoped(query: ReturnType<typeof inquiryQuery>, party: InquiryParty) {
  return party.side === 'company' ? query.where('i.company_id', '=', party.companyId) : query.where('i.exporter_id', '=', party.exporterId);
}

async function insertMessage(trx: Trx, message: { inquiryId: string; side: TradeSide; authorId: string | null; body: string; attachmentIds: readonly string[]; at: string }): Promise<void> {
  const id = newId();
  await trx.insertInto('inquiry_messages').values({ id, inquiry_id: message.inquiryId, side: message.side, author_id: message.authorId, body: message.body, created_at: message.at }).execute();
  if (message.attachmentIds.length > 0) {
    await trx.insertInto('inquiry_message_files').values(message.attachmentIds.map((file_id, position) => ({ message_id: id, file_id, position }))).execute();
  }
}

function toSummary(r: InquiryRow, unread: number, now: Date): Summary {
  return {
    id: r.id,
    status: r.status,
    company: { id: r.company_id, ...companyCard(r) },
    exporter: { id: r.exporter_id, tradingNameEn: r.trading_name_en, tradingNameZh: r.trading_name_zh },
    product: r.product_id ? { id: r.product_id, titleEn: r.product_title_en ?? '', titleZh: r.product_title_zh ?? '' } : null,
    quantity: r.quantity,
    unit: r.unit,
    targetPrice: targetPriceOf(r),
    incoterm: r.incoterm,
    destinationPort: r.destination_port,
    requiredDate: r.required_date,
    createdAt: r.created_at,
    lastMessageAt: r.last_message_at,
    firstResponseAt: r.first_response_at,
    firstResponseSeconds: r.first_response_at ? secondsBetween(r.created_at, r.first_response_at) : null,
    waitingSeconds: r.first_response_at || r.status === 'closed' ? null : secondsBetween(r.created_at, now.toISOString()),
    unread,
  };
}
