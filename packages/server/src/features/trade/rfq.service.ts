import { z } from 'zod';
import {
  acceptQuoteBodySchema,
  certificationTypes,
  quoteInputSchema,
  toCnyFen,
  validationMessages as m,
  type exporterQuoteSchema,
  type exporterRfqSchema,
  type quoteComparisonSchema,
  type rfqCreateSchema,
  type rfqSchema,
} from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { requireCaller } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import type { RateService } from '../rates/index.ts';
import { byUnitFen, priceAtQuantity, quoteValidOn, tierProblems, type QuoteTier } from './quote.rules.ts';
import { findMatchingExporters, quoteQuery, rfqQuery, type QuoteRow, type RfqRow } from './rfq.repository.ts';
import { DEADLINE_NOTICE_MS, deadlineProblem, rfqStatusAt, rfqStatusesFrom, takesQuotes } from './rfq.rules.ts';
import { companyOf, exporterOf, fieldError } from './trade-access.ts';
import { notify } from '../notifications/index.ts';
import { companyCard, targetPriceOf } from './trade-rows.ts';

type Rfq = z.infer<typeof rfqSchema>;
type QuoteInput = z.infer<typeof quoteInputSchema>;
type ExporterQuote = z.infer<typeof exporterQuoteSchema>;

/**
 * What happens when an importer accepts a quote, inside the acceptance's transaction. Today the
 * acceptance itself is all (recorded on the RFQ and the quotes); the B2B order with its proforma
 * invoice plugs in here, so it is created with the acceptance or not at all.
 */
export interface AcceptedQuote {
  rfqId: string;
  quoteId: string;
  companyId: string;
  exporterId: string;
  acceptedBy: string;
  at: string;
  /** What the importer chose at acceptance: a sample or a bulk order, its quantity and payment terms. */
  choice: AcceptChoice;
}
export type AcceptChoice = z.infer<typeof acceptQuoteBodySchema>;
export interface AcceptedQuoteHandler {
  onQuoteAccepted(trx: Trx, accepted: AcceptedQuote): Promise<void>;
}
export const recordOnlyAcceptance: AcceptedQuoteHandler = { onQuoteAccepted: async () => {} };

const tiersSchema = z.array(z.object({ minQuantity: z.number().int(), unitPriceMinor: z.number().int() }));
const certificationsSchema = z.array(z.enum(certificationTypes));

/** Requests for quotation and their quotes: importers post and choose, matched exporters quote. */
export class RfqService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly rates: RateService;
  private readonly accepted: AcceptedQuoteHandler;

  constructor(options: { db: Db; clock: Clock; rates: RateService; accepted?: AcceptedQuoteHandler }) {
    this.db = options.db;
    this.clock = options.clock;
    this.rates = options.rates;
    this.accepted = options.accepted ?? recordOnlyAcceptance;
  }

  // ── Importers ──

  /** Posts an RFQ and matches it to exporters in one transaction; each matched exporter gets an event. */
  async create(caller: Caller | null, input: z.infer<typeof rfqCreateSchema>): Promise<Rfq> {
    const companyId = companyOf(caller);
    const now = this.clock();
    if (!input.descriptionZh && !input.descriptionEn) throw fieldError('descriptionZh', 'description_required', m.descriptionRequired.en);
    const deadline = new Date(input.deadline);
    const problem = deadlineProblem(deadline, now);
    if (problem) throw fieldError('deadline', problem === 'deadlineNotFuture' ? 'not_future' : 'too_far', m[problem].en);
    const category = await this.db.selectFrom('categories').select(['id', 'path']).where('id', '=', input.categoryId).executeTakeFirst();
    if (!category) throw fieldError('categoryId', 'unknown_category', m.unknownCategory.en);
    if (input.pavilionId) {
      const pavilion = await this.db.selectFrom('pavilions').select('id').where('id', '=', input.pavilionId).executeTakeFirst();
      if (!pavilion) throw fieldError('pavilionId', 'unknown_pavilion', m.unknownPavilion.en);
    }
    const id = newId();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rfqs')
        .values({
          id,
          company_id: companyId,
          created_by: caller?.userId ?? null,
          pavilion_id: input.pavilionId,
          category_id: category.id,
          description_zh: input.descriptionZh,
          description_en: input.descriptionEn,
          quantity: input.quantity,
          unit: input.unit,
          target_price_minor: input.targetPrice?.amount ?? null,
          target_currency: input.targetPrice?.currency ?? null,
          incoterm: input.incoterm,
          destination_port: input.destinationPort,
          deadline: deadline.toISOString(),
          certifications: JSON.stringify([...new Set(input.certifications)]),
          created_at: at,
        })
        .execute();
      const exporters = await findMatchingExporters(trx, { categoryPath: category.path, pavilionId: input.pavilionId });
      if (exporters.length > 0) {
        await trx.insertInto('rfq_matches').values(exporters.map((exporter_id) => ({ rfq_id: id, exporter_id, created_at: at }))).execute();
        for (const exporterId of exporters) await notify(trx, { kind: 'rfq_matched', subjectId: id, companyId, exporterId, at });
      }
    });
    return this.getOwn(caller, id);
  }

  async listOwn(caller: Caller | null): Promise<Rfq[]> {
    const companyId = companyOf(caller);
    const rows = await rfqQuery(this.db).where('r.company_id', '=', companyId).orderBy('r.created_at', 'desc').orderBy('r.id').execute();
    return this.toRfqs(rows);
  }

  async getOwn(caller: Caller | null, rfqId: string): Promise<Rfq> {
    const row = await this.loadOwn(caller, rfqId);
    const [rfq] = await this.toRfqs([row]);
    if (!rfq) throw notFound();
    return rfq;
  }

  /**
   * The side-by-side table: each quote's unit price at the chosen quantity (the RFQ's by default)
   * in yuan fen at today's rate, cheapest first. Every exporter's quote appears here, and only here.
   */
  async compare(caller: Caller | null, rfqId: string, quantity: number | undefined): Promise<z.infer<typeof quoteComparisonSchema>> {
    const rfq = await this.loadOwn(caller, rfqId);
    const at = quantity ?? rfq.quantity;
    const today = this.rates.today();
    const rates = await this.rates.ratesInForce(this.db, today);
    const quotes = await quoteQuery(this.db).where('q.rfq_id', '=', rfqId).orderBy('q.created_at').orderBy('q.id').execute();
    const items = quotes.map((q) => {
      const currency = q.currency;
      const rate = rates.get(currency) ?? null;
      const tiers = tiersSchema.parse(JSON.parse(q.tiers));
      const price = priceAtQuantity({ tiers, quantity: at, currency, rateMicro: rate?.rateMicro ?? null });
      return {
        ...quoteFields(q, tiers, rate?.rateMicro ?? null),
        exporter: { id: q.exporter_id, tradingNameEn: q.trading_name_en, tradingNameZh: q.trading_name_zh, countryCode: q.country_code },
        tierMinQuantity: price.tier?.minQuantity ?? null,
        unitPriceMinor: price.unitPriceMinor,
        unitFen: price.unitFen,
        totalFen: price.totalFen,
        notQuotable: price.notQuotable,
        rate: rate ? { currency, rateMicro: rate.rateMicro, effectiveDate: rate.effectiveDate } : null,
        valid: quoteValidOn(q.valid_until, today),
      };
    });
    return { rfqId, quantity: at, unit: rfq.unit, rateDate: today, items: byUnitFen(items) };
  }

  /**
   * Accepts one quote: the RFQ moves to accepted by a conditional update (so two acceptances cannot
   * both win), the chosen quote to accepted and the others to not_chosen, all in one transaction
   * with the handler that will create the B2B order.
   */
  async accept(caller: Caller | null, rfqId: string, quoteId: string, choice: AcceptChoice = acceptQuoteBodySchema.parse({})): Promise<{ rfq: Rfq; acceptedQuoteId: string }> {
    const rfq = await this.loadOwn(caller, rfqId);
    const quote = await this.db.selectFrom('quotes').select(['id', 'exporter_id', 'valid_until']).where('id', '=', quoteId).where('rfq_id', '=', rfqId).executeTakeFirst();
    if (!quote) throw notFound();
    const now = this.clock();
    if (!quoteValidOn(quote.valid_until, chinaDate(now))) throw new AppError('QUOTE_EXPIRED', { details: { validUntil: quote.valid_until } });
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('rfqs')
        .set({ status: 'accepted', accepted_quote_id: quoteId, closed_at: at })
        .where('id', '=', rfqId)
        .where('status', 'in', rfqStatusesFrom('accept'))
        .executeTakeFirst();
      if (moved.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { status: rfqStatusAt(rfq.status, rfq.deadline, now), action: 'accept' } });
      await trx.updateTable('quotes').set({ status: 'accepted', updated_at: at }).where('id', '=', quoteId).execute();
      await trx.updateTable('quotes').set({ status: 'not_chosen', updated_at: at }).where('rfq_id', '=', rfqId).where('id', '<>', quoteId).execute();
      await notify(trx, { kind: 'quote_accepted', subjectId: quoteId, companyId: rfq.company_id, exporterId: quote.exporter_id, at });
      await this.accepted.onQuoteAccepted(trx, { rfqId, quoteId, companyId: rfq.company_id, exporterId: quote.exporter_id, acceptedBy: requireCaller(caller).userId, at, choice });
    });
    return { rfq: await this.getOwn(caller, rfqId), acceptedQuoteId: quoteId };
  }

  /** The importer withdraws the request (open or past its deadline, not once a quote is accepted). */
  async cancel(caller: Caller | null, rfqId: string): Promise<Rfq> {
    const rfq = await this.loadOwn(caller, rfqId);
    const now = this.clock();
    const moved = await this.db
      .updateTable('rfqs')
      .set({ status: 'cancelled', closed_at: now.toISOString() })
      .where('id', '=', rfqId)
      .where('status', 'in', rfqStatusesFrom('cancel'))
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { status: rfqStatusAt(rfq.status, rfq.deadline, now), action: 'cancel' } });
    return this.getOwn(caller, rfqId);
  }

  /**
   * Writes closed_deadline on the open RFQs whose deadline has come, closed as of their deadline.
   * Reads show the state already (rfqStatusAt); this keeps the stored one true for reports and for
   * the deadline notices to come. One conditional update: an acceptance meanwhile wins.
   */
  async closePastDeadline(): Promise<number> {
    const now = this.clock().toISOString();
    const moved = await this.db
      .updateTable('rfqs')
      .set((eb) => ({ status: 'closed_deadline' as const, closed_at: eb.ref('deadline') }))
      .where('status', 'in', rfqStatusesFrom('deadline'))
      .where('deadline', '<=', now)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows);
  }

  /**
   * "Deadline near" (the trade.notice-deadlines job): for each open RFQ whose deadline is within 24
   * hours, one notification event for the importer and one per matched exporter that has not quoted,
   * written once per RFQ (the notice row's primary key decides, in the same transaction as the
   * events). Answers how many RFQs were noticed.
   */
  async noticeDeadlines(limit = 100): Promise<number> {
    const now = this.clock();
    const at = now.toISOString();
    const due = await this.db
      .selectFrom('rfqs as r')
      .select(['r.id', 'r.company_id'])
      .where('r.status', '=', 'open')
      .where('r.deadline', '>', at)
      .where('r.deadline', '<=', new Date(now.getTime() + DEADLINE_NOTICE_MS).toISOString())
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('rfq_deadline_notices as d').select('d.rfq_id').whereRef('d.rfq_id', '=', 'r.id'))))
      .orderBy('r.deadline')
      .limit(limit)
      .execute();
    let written = 0;
    for (const rfq of due) {
      await this.db.transaction().execute(async (trx) => {
        const claimed = await trx.insertInto('rfq_deadline_notices').values({ rfq_id: rfq.id, created_at: at }).onConflict((oc) => oc.column('rfq_id').doNothing()).executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return;
        written++;
        await notify(trx, { kind: 'rfq_deadline_near', subjectId: rfq.id, companyId: rfq.company_id, at });
        const silent = await trx
          .selectFrom('rfq_matches as m')
          .select('m.exporter_id')
          .where('m.rfq_id', '=', rfq.id)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('quotes as q').select('q.id').whereRef('q.rfq_id', '=', 'm.rfq_id').whereRef('q.exporter_id', '=', 'm.exporter_id'))))
          .orderBy('m.exporter_id')
          .execute();
        for (const m of silent) await notify(trx, { kind: 'rfq_deadline_near', subjectId: rfq.id, exporterId: m.exporter_id, at });
      });
    }
    return written;
  }

  // ── Exporters ──

  /** The board: the RFQs matched to the exporter at posting, newest first, with its own quote on each. */
  async board(caller: Caller | null): Promise<Array<z.infer<typeof exporterRfqSchema>>> {
    const exporterId = exporterOf(caller);
    const rows = await rfqQuery(this.db)
      .innerJoin('rfq_matches as rm', 'rm.rfq_id', 'r.id')
      .where('rm.exporter_id', '=', exporterId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .execute();
    return this.toExporterRfqs(exporterId, rows);
  }

  async getForExporter(caller: Caller | null, rfqId: string): Promise<z.infer<typeof exporterRfqSchema>> {
    const exporterId = exporterOf(caller);
    const row = await this.loadMatched(this.db, exporterId, rfqId);
    const [rfq] = await this.toExporterRfqs(exporterId, [row]);
    if (!rfq) throw notFound();
    return rfq;
  }

  /**
   * Submits the exporter's quote, or revises it (one per exporter per RFQ; every revision kept).
   * Inside the transaction the RFQ is touched by a conditional update that holds only while it is
   * open and before its deadline, so a quote never lands after the deadline or an acceptance; a
   * revision moves by its revision number, so two concurrent revisions cannot both count.
   */
  async submitQuote(caller: Caller | null, rfqId: string, input: QuoteInput): Promise<{ quote: ExporterQuote; created: boolean }> {
    const exporterId = exporterOf(caller);
    const rfq = await this.loadMatched(this.db, exporterId, rfqId);
    // Matched while approved; a suspension since then stops its quoting (what it sent stays visible).
    const exporter = await this.db.selectFrom('exporters').select('status').where('id', '=', exporterId).executeTakeFirstOrThrow();
    if (exporter.status !== 'approved') throw new AppError('EXPORTER_NOT_APPROVED');
    const now = this.clock();
    if (!takesQuotes(rfq.status, rfq.deadline, now)) throw new AppError('RFQ_CLOSED', { details: { status: rfqStatusAt(rfq.status, rfq.deadline, now), deadline: rfq.deadline } });
    await this.checkQuote(input, now);

    const at = now.toISOString();
    const created = await this.db.transaction().execute(async (trx) => {
      const open = await trx.updateTable('rfqs').set({ status: 'open' }).where('id', '=', rfqId).where('status', '=', 'open').where('deadline', '>', at).executeTakeFirst();
      if (open.numUpdatedRows === 0n) throw new AppError('RFQ_CLOSED', { details: { deadline: rfq.deadline } });
      const existing = await trx.selectFrom('quotes').select(['id', 'revision']).where('rfq_id', '=', rfqId).where('exporter_id', '=', exporterId).executeTakeFirst();
      const columns = {
        currency: input.currency,
        tiers: JSON.stringify(input.tiers),
        incoterm: input.incoterm,
        port: input.port,
        lead_time_days: input.leadTimeDays,
        valid_until: input.validUntil,
        tt_deposit_percent: input.ttDepositPercent,
        letter_of_credit: input.letterOfCredit ? 1 : 0,
        sample_available: input.sampleAvailable ? 1 : 0,
        sample_price_minor: input.samplePriceMinor,
        notes: input.notes,
        submitted_by: caller?.userId ?? null,
        updated_at: at,
      };
      let quoteId: string;
      let revision: number;
      if (existing) {
        quoteId = existing.id;
        revision = existing.revision + 1;
        const moved = await trx.updateTable('quotes').set({ ...columns, revision }).where('id', '=', existing.id).where('revision', '=', existing.revision).executeTakeFirst();
        if (moved.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { action: 'revise_quote', reason: 'revised_meanwhile' } });
      } else {
        quoteId = newId();
        revision = 1;
        await trx.insertInto('quotes').values({ id: quoteId, rfq_id: rfqId, exporter_id: exporterId, revision, created_at: at, ...columns }).execute();
      }
      await trx.insertInto('quote_revisions').values({ quote_id: quoteId, revision, content: JSON.stringify(input), submitted_by: caller?.userId ?? null, created_at: at }).execute();
      await notify(trx, { kind: existing ? 'quote_revised' : 'quote_submitted', subjectId: quoteId, companyId: rfq.company_id, exporterId, at });
      return !existing;
    });
    const quote = (await this.quotesOf(exporterId, [rfqId])).get(rfqId);
    if (!quote) throw notFound();
    return { quote, created };
  }

  /** The business rules of a quote, each answered as a 400 on its field. */
  private async checkQuote(input: QuoteInput, now: Date): Promise<void> {
    const tier = tierProblems(input.tiers)[0];
    if (tier) throw fieldError(`tiers.${tier.index}.${tier.rule === 'tiersAscending' ? 'minQuantity' : 'unitPriceMinor'}`, tier.rule === 'tiersAscending' ? 'tiers_ascending' : 'tier_price_rises', m[tier.rule].en);
    if (input.validUntil < chinaDate(now)) throw fieldError('validUntil', 'not_before_today', m.notBeforeToday.en);
    if (input.ttDepositPercent === null && !input.letterOfCredit) throw fieldError('ttDepositPercent', 'payment_terms_required', m.paymentTermsRequired.en);
    if (!input.sampleAvailable && input.samplePriceMinor !== null) throw fieldError('samplePriceMinor', 'sample_not_offered', m.sampleNotOffered.en);
    const rates = await this.rates.ratesInForce(this.db);
    if (!rates.has(input.currency)) throw fieldError('currency', 'no_exchange_rate', m.noExchangeRate.en);
  }

  private async loadOwn(caller: Caller | null, rfqId: string): Promise<RfqRow> {
    const companyId = companyOf(caller);
    const row = await rfqQuery(this.db).where('r.id', '=', rfqId).where('r.company_id', '=', companyId).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  /** An RFQ matched to this exporter; any other answers 404 (the exporter never learns it exists). */
  private async loadMatched(db: Db | Trx, exporterId: string, rfqId: string): Promise<RfqRow> {
    const row = await rfqQuery(db)
      .where('r.id', '=', rfqId)
      .where(({ exists, selectFrom }) => exists(selectFrom('rfq_matches as rm').select('rm.rfq_id').whereRef('rm.rfq_id', '=', 'r.id').where('rm.exporter_id', '=', exporterId)))
      .executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  private async toRfqs(rows: readonly RfqRow[]): Promise<Rfq[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const matches = await this.db.selectFrom('rfq_matches').select(['rfq_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('rfq_id', 'in', ids).groupBy('rfq_id').execute();
    const quotes = await this.db.selectFrom('quotes').select(['rfq_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('rfq_id', 'in', ids).groupBy('rfq_id').execute();
    const matchCount = new Map(matches.map((r) => [r.rfq_id, Number(r.n)]));
    const quoteCount = new Map(quotes.map((r) => [r.rfq_id, Number(r.n)]));
    const now = this.clock();
    return rows.map((r) => ({ ...rfqFields(r, now), matchedExporters: matchCount.get(r.id) ?? 0, quotes: quoteCount.get(r.id) ?? 0, acceptedQuoteId: r.accepted_quote_id }));
  }

  private async toExporterRfqs(exporterId: string, rows: readonly RfqRow[]): Promise<Array<z.infer<typeof exporterRfqSchema>>> {
    const mine = await this.quotesOf(exporterId, rows.map((r) => r.id));
    const now = this.clock();
    return rows.map((r) => ({
      ...rfqFields(r, now),
      company: companyCard(r),
      myQuote: mine.get(r.id) ?? null,
    }));
  }

  /** The exporter's own quotes on these RFQs with their revisions, priced in yuan at today's rate. */
  private async quotesOf(exporterId: string, rfqIds: readonly string[]): Promise<Map<string, ExporterQuote>> {
    if (rfqIds.length === 0) return new Map();
    const rows = await quoteQuery(this.db).where('q.exporter_id', '=', exporterId).where('q.rfq_id', 'in', [...rfqIds]).execute();
    if (rows.length === 0) return new Map();
    const revisions = await this.db.selectFrom('quote_revisions').select(['quote_id', 'revision', 'content', 'created_at']).where('quote_id', 'in', rows.map((r) => r.id)).orderBy('revision').execute();
    const rates = await this.rates.ratesInForce(this.db);
    const result = new Map<string, ExporterQuote>();
    for (const q of rows) {
      const rate = rates.get(q.currency) ?? null;
      const tiers = tiersSchema.parse(JSON.parse(q.tiers));
      result.set(q.rfq_id, {
        ...quoteFields(q, tiers, rate?.rateMicro ?? null),
        rate: rate ? { currency: rate.currency, rateMicro: rate.rateMicro, effectiveDate: rate.effectiveDate } : null,
        revisions: revisions
          .filter((rv) => rv.quote_id === q.id)
          .map((rv) => ({ revision: rv.revision, submittedAt: rv.created_at, quote: quoteInputSchema.parse(JSON.parse(rv.content)) })),
      });
    }
    return result;
  }
}

function rfqFields(r: RfqRow, now: Date) {
  return {
    id: r.id,
    status: rfqStatusAt(r.status, r.deadline, now),
    pavilionId: r.pavilion_id,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    category: { id: r.category_id, nameEn: r.category_name_en, nameZh: r.category_name_zh },
    quantity: r.quantity,
    unit: r.unit,
    targetPrice: targetPriceOf(r),
    incoterm: r.incoterm,
    destinationPort: r.destination_port,
    deadline: r.deadline,
    certifications: certificationsSchema.parse(JSON.parse(r.certifications)),
    createdAt: r.created_at,
  };
}

function quoteFields(q: QuoteRow, tiers: QuoteTier[], rateMicro: number | null) {
  const currency = q.currency;
  return {
    id: q.id,
    status: q.status,
    revision: q.revision,
    currency,
    tiers: tiers.map((t) => ({ ...t, unitFen: rateMicro === null ? null : toCnyFen(t.unitPriceMinor, currency, rateMicro) })),
    incoterm: q.incoterm,
    port: q.port,
    leadTimeDays: q.lead_time_days,
    validUntil: q.valid_until,
    ttDepositPercent: q.tt_deposit_percent,
    letterOfCredit: q.letter_of_credit === 1,
    sampleAvailable: q.sample_available === 1,
    samplePriceMinor: q.sample_price_minor,
    notes: q.notes,
    submittedAt: q.created_at,
    updatedAt: q.updated_at,
  };
}
