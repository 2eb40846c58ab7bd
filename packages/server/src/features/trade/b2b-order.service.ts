import type { z } from 'zod';
import {
  b2bOrderLineSchema,
  b2bPartiesSchema,
  bankDetailsSchema,
  validationMessages as m,
  type B2bOrder,
  type B2bOrderAction,
  type B2bOrderStatus,
  type B2bPaymentKind,
  type BankDetails,
  type b2bShipmentInputSchema,
  type exporterBankDetailsSchema,
} from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { B2bOrdersTable } from './b2b-order.table.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { b2bActionsAt, isTermsProblem, nextB2bStatus, orderAmounts, type B2bSide } from './b2b-order.rules.ts';
import { proformaPdf } from './proforma-invoice.ts';
import type { AcceptedQuote, AcceptedQuoteHandler } from './rfq.service.ts';
import { companyOf, exporterOf, fieldError } from './trade-access.ts';
import { notify } from '../notifications/index.ts';

type OrderRow = Selectable<B2bOrdersTable>;

/** How long the proforma's prices hold (our choice: long enough for the buyer's bank to send the deposit). */
const PROFORMA_VALID_DAYS = 30;
const DAY = 24 * 3_600_000;

const termsMessages = { sample_not_available: m.sampleNotAvailable.en, below_first_tier: m.belowFirstTier.en, terms_not_offered: m.termsNotOffered.en } as const;

/**
 * B2B orders: created with the acceptance of a quote (the handler below runs inside that
 * transaction), then moved step by step by the parties. Each step is one conditional update on the
 * status it starts from, so two clicks cannot both record a deposit.
 */
export class B2bOrderService implements AcceptedQuoteHandler {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  // ── Bank details ──

  async bankDetails(caller: Caller | null): Promise<z.infer<typeof exporterBankDetailsSchema>> {
    const exporterId = exporterOf(caller);
    const row = await this.db.selectFrom('exporter_bank_details').selectAll().where('exporter_id', '=', exporterId).executeTakeFirst();
    if (!row) return { bankDetails: null, updatedAt: null };
    return {
      bankDetails: { accountName: row.account_name, bankName: row.bank_name, swiftBic: row.swift_bic, accountNumber: row.account_number, bankAddress: row.bank_address },
      updatedAt: row.updated_at,
    };
  }

  /** Replaces the exporter's bank details; proformas already issued keep the copy they were issued with. */
  async setBankDetails(caller: Caller | null, input: BankDetails): Promise<z.infer<typeof exporterBankDetailsSchema>> {
    const exporterId = exporterOf(caller);
    const columns = {
      account_name: input.accountName,
      bank_name: input.bankName,
      swift_bic: input.swiftBic,
      account_number: input.accountNumber,
      bank_address: input.bankAddress,
      updated_by: caller?.userId ?? null,
      updated_at: this.clock().toISOString(),
    };
    await this.db
      .insertInto('exporter_bank_details')
      .values({ exporter_id: exporterId, ...columns })
      .onConflict((oc) => oc.column('exporter_id').doUpdateSet(columns))
      .execute();
    return this.bankDetails(caller);
  }

  // ── Issue, inside the acceptance ──

  /**
   * Issues the order and its proforma from the accepted quote: the lines priced by the rules, the
   * parties and the bank details copied as they are now. A refused choice (no sample, a quantity
   * below the first tier) throws, which rolls the acceptance back with it.
   */
  async onQuoteAccepted(trx: Trx, accepted: AcceptedQuote): Promise<void> {
    const rfq = await trx.selectFrom('rfqs').select(['quantity', 'unit', 'description_en', 'description_zh', 'destination_port']).where('id', '=', accepted.rfqId).executeTakeFirstOrThrow();
    const quote = await trx.selectFrom('quotes').selectAll().where('id', '=', accepted.quoteId).executeTakeFirstOrThrow();
    const { choice } = accepted;
    const quantity = choice.quantity ?? (choice.kind === 'sample' ? 1 : rfq.quantity);
    const tiers = (JSON.parse(quote.tiers) as Array<{ minQuantity: number; unitPriceMinor: number }>).map((t) => ({ minQuantity: t.minQuantity, unitPriceMinor: t.unitPriceMinor }));
    const amounts = orderAmounts(
      { tiers, sampleAvailable: quote.sample_available === 1, samplePriceMinor: quote.sample_price_minor, ttDepositPercent: quote.tt_deposit_percent, letterOfCredit: quote.letter_of_credit === 1 },
      { kind: choice.kind, quantity, paymentTerms: choice.paymentTerms },
    );
    if (isTermsProblem(amounts)) throw fieldError(amounts.field, amounts.rule, termsMessages[amounts.rule]);

    const exporter = await trx.selectFrom('exporters').select(['legal_name', 'trading_name_en', 'trading_name_zh', 'address', 'country_code', 'pavilion_id']).where('id', '=', accepted.exporterId).executeTakeFirstOrThrow();
    const company = await trx.selectFrom('buyer_companies').select(['name_zh', 'name_en', 'credit_code', 'address']).where('id', '=', accepted.companyId).executeTakeFirstOrThrow();
    const bank = await trx.selectFrom('exporter_bank_details').selectAll().where('exporter_id', '=', accepted.exporterId).executeTakeFirst();
    const parties: z.infer<typeof b2bPartiesSchema> = {
      exporter: { legalName: exporter.legal_name, tradingNameEn: exporter.trading_name_en, tradingNameZh: exporter.trading_name_zh, address: exporter.address, countryCode: exporter.country_code },
      importer: { nameZh: company.name_zh, nameEn: company.name_en, creditCode: company.credit_code, address: company.address },
    };
    const sample = choice.kind === 'sample';
    const lines: Array<z.infer<typeof b2bOrderLineSchema>> = [{
      descriptionEn: `${sample ? 'Sample: ' : ''}${rfq.description_en || rfq.description_zh}`,
      descriptionZh: `${sample ? '样品：' : ''}${rfq.description_zh || rfq.description_en}`,
      quantity,
      unit: rfq.unit,
      unitPriceMinor: amounts.unitPriceMinor,
      amountMinor: amounts.totalMinor,
    }];
    const id = newId();
    const issued = new Date(accepted.at);
    await trx
      .insertInto('b2b_orders')
      .values({
        id,
        number: `PI-${chinaDate(issued).replace(/-/g, '')}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
        company_id: accepted.companyId,
        exporter_id: accepted.exporterId,
        pavilion_id: exporter.pavilion_id,
        rfq_id: accepted.rfqId,
        quote_id: accepted.quoteId,
        quote_revision: quote.revision,
        kind: choice.kind,
        currency: quote.currency,
        lines: JSON.stringify(lines),
        total_minor: amounts.totalMinor,
        payment_terms: amounts.paymentTerms,
        deposit_percent: amounts.depositPercent,
        deposit_minor: amounts.depositMinor,
        balance_minor: amounts.balanceMinor,
        incoterm: quote.incoterm,
        port: quote.port,
        destination_port: rfq.destination_port,
        valid_until: chinaDate(new Date(issued.getTime() + PROFORMA_VALID_DAYS * DAY)),
        parties: JSON.stringify(parties),
        bank_details: bank
          ? JSON.stringify({ accountName: bank.account_name, bankName: bank.bank_name, swiftBic: bank.swift_bic, accountNumber: bank.account_number, bankAddress: bank.bank_address })
          : null,
        accepted_by: accepted.acceptedBy,
        issued_at: accepted.at,
        updated_at: accepted.at,
      })
      .execute();
    // The exporter must act on a new order (its deposit to watch for): notifications tells its team.
    await notify(trx, { kind: 'b2b_order_issued', subjectId: id, exporterId: accepted.exporterId, at: accepted.at });
    await trx.insertInto('b2b_order_events').values({ id: newId(), order_id: id, position: 1, action: 'issue', status: 'proforma_issued', side: 'company', actor_id: accepted.acceptedBy, created_at: accepted.at }).execute();
  }

  // ── Reading ──

  async listForCompany(caller: Caller | null): Promise<B2bOrder[]> {
    const companyId = companyOf(caller);
    const rows = await this.db.selectFrom('b2b_orders').selectAll().where('company_id', '=', companyId).orderBy('issued_at', 'desc').orderBy('id').execute();
    return this.toOrders(rows, 'company');
  }

  async listForExporter(caller: Caller | null): Promise<B2bOrder[]> {
    const exporterId = exporterOf(caller);
    const rows = await this.db.selectFrom('b2b_orders').selectAll().where('exporter_id', '=', exporterId).orderBy('issued_at', 'desc').orderBy('id').execute();
    return this.toOrders(rows, 'exporter');
  }

  /** The orders of the operator's pavilions, read only (an operator takes no step). */
  async listForOperator(caller: Caller | null): Promise<B2bOrder[]> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    if (scope !== 'all' && scope.length === 0) return [];
    let query = this.db.selectFrom('b2b_orders').selectAll().orderBy('issued_at', 'desc').orderBy('id');
    if (scope !== 'all') query = query.where('pavilion_id', 'in', scope);
    return this.toOrders(await query.execute(), null);
  }

  async get(caller: Caller | null, side: B2bSide, orderId: string): Promise<B2bOrder> {
    const row = await this.load(this.db, caller, side, orderId);
    const [order] = await this.toOrders([row], side);
    if (!order) throw notFound();
    return order;
  }

  /** The proforma invoice as a PDF, drawn from the order's own copy of its figures. */
  async proforma(caller: Caller | null, side: B2bSide, orderId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const order = await this.get(caller, side, orderId);
    return { fileName: `${order.number}.pdf`, bytes: await proformaPdf(order) };
  }

  // ── Steps ──

  /** The exporter saw the buyer's transfer arrive: the deposit or the balance, for exactly the amount due. */
  recordPayment(caller: Caller | null, orderId: string, kind: B2bPaymentKind, input: { reference: string; amountMinor: number }): Promise<B2bOrder> {
    return this.move(caller, 'exporter', orderId, kind, {
      check: (row) => {
        const due = kind === 'deposit' ? row.deposit_minor : row.balance_minor;
        if (input.amountMinor !== due) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.amountMinor', rule: 'amount_not_due', message: m.amountNotDue.en, expected: due }] });
      },
      note: input.reference,
      write: async (trx, at) => {
        await trx.insertInto('b2b_order_payments').values({ id: newId(), order_id: orderId, kind, amount_minor: input.amountMinor, reference: input.reference, recorded_by: caller?.userId ?? null, recorded_at: at }).execute();
      },
    });
  }

  startProduction(caller: Caller | null, orderId: string, note: string): Promise<B2bOrder> {
    return this.move(caller, 'exporter', orderId, 'production', { note });
  }

  ship(caller: Caller | null, orderId: string, input: z.infer<typeof b2bShipmentInputSchema>): Promise<B2bOrder> {
    return this.move(caller, 'exporter', orderId, 'shipment', {
      note: `${input.documentKind === 'bl' ? 'B/L' : 'AWB'} ${input.documentNumber}`,
      columns: { transport_document_kind: input.documentKind, transport_document_number: input.documentNumber, carrier: input.carrier, vessel: input.vessel },
    });
  }

  complete(caller: Caller | null, orderId: string, note: string): Promise<B2bOrder> {
    return this.move(caller, 'exporter', orderId, 'complete', { note });
  }

  cancel(caller: Caller | null, side: B2bSide, orderId: string, reason: string): Promise<B2bOrder> {
    return this.move(caller, side, orderId, 'cancel', { note: reason, columns: { cancellation_reason: reason, cancelled_by: side } });
  }

  /**
   * One step: the order is loaded in the caller's scope (404 outside it), the rules say whether this
   * side may take the action from here (409 B2B_ORDER_WRONG_STATE if not), and the status moves by a
   * conditional update from the status read, with its event and whatever the step writes, in one
   * transaction.
   */
  private async move(
    caller: Caller | null,
    side: B2bSide,
    orderId: string,
    action: B2bOrderAction,
    step: { note: string; check?: (row: OrderRow) => void; columns?: Partial<Pick<OrderRow, 'transport_document_kind' | 'transport_document_number' | 'carrier' | 'vessel' | 'cancellation_reason' | 'cancelled_by'>>; write?: (trx: Trx, at: string) => Promise<void> },
  ): Promise<B2bOrder> {
    const row = await this.load(this.db, caller, side, orderId);
    const shape = { depositMinor: row.deposit_minor, balanceMinor: row.balance_minor };
    const wrongState = (status: B2bOrderStatus) => new AppError('B2B_ORDER_WRONG_STATE', { details: { status, action } });
    const to = nextB2bStatus(row.status, action, side, shape);
    if (!to) throw wrongState(row.status);
    step.check?.(row);
    const at = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const moved = await trx.updateTable('b2b_orders').set({ ...step.columns, status: to, updated_at: at }).where('id', '=', orderId).where('status', '=', row.status).executeTakeFirst();
      if (moved.numUpdatedRows === 0n) throw wrongState(row.status);
      // The status update above holds the order's row, so no other step numbers its event meanwhile.
      const last = await trx.selectFrom('b2b_order_events').select((eb) => eb.fn.max('position').as('n')).where('order_id', '=', orderId).executeTakeFirst();
      await trx.insertInto('b2b_order_events').values({ id: newId(), order_id: orderId, position: Number(last?.n ?? 0) + 1, action, status: to, side, actor_id: caller?.userId ?? null, note: step.note, created_at: at }).execute();
      await step.write?.(trx, at);
      // The other party hears of each step.
      await notify(trx, { kind: 'b2b_order_step', subjectId: orderId, ...(side === 'exporter' ? { companyId: row.company_id } : { exporterId: row.exporter_id }), at });
    });
    return this.get(caller, side, orderId);
  }

  private async load(db: Db | Trx, caller: Caller | null, side: B2bSide, orderId: string): Promise<OrderRow> {
    let query = db.selectFrom('b2b_orders').selectAll().where('id', '=', orderId);
    query = side === 'company' ? query.where('company_id', '=', companyOf(caller)) : query.where('exporter_id', '=', exporterOf(caller));
    const row = await query.executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  private async toOrders(rows: readonly OrderRow[], side: B2bSide | null): Promise<B2bOrder[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const events = await this.db.selectFrom('b2b_order_events').selectAll().where('order_id', 'in', ids).orderBy('order_id').orderBy('position').execute();
    // By time, and the deposit before the balance when they share one ('deposit' sorts after 'balance').
    const payments = await this.db.selectFrom('b2b_order_payments').selectAll().where('order_id', 'in', ids).orderBy('recorded_at').orderBy('kind', 'desc').execute();
    return rows.map((r) => {
      const shape = { depositMinor: r.deposit_minor, balanceMinor: r.balance_minor };
      return {
        id: r.id,
        number: r.number,
        kind: r.kind,
        status: r.status,
        pavilionId: r.pavilion_id,
        rfqId: r.rfq_id,
        quoteId: r.quote_id,
        quoteRevision: r.quote_revision,
        currency: r.currency,
        lines: b2bOrderLineSchema.array().parse(JSON.parse(r.lines)),
        totalMinor: r.total_minor,
        paymentTerms: r.payment_terms,
        depositPercent: r.deposit_percent,
        depositMinor: r.deposit_minor,
        balanceMinor: r.balance_minor,
        incoterm: r.incoterm,
        port: r.port,
        destinationPort: r.destination_port,
        validUntil: r.valid_until,
        parties: b2bPartiesSchema.parse(JSON.parse(r.parties)),
        bankDetails: r.bank_details === null ? null : bankDetailsSchema.parse(JSON.parse(r.bank_details)),
        shipment:
          r.transport_document_kind && r.transport_document_number
            ? { documentKind: r.transport_document_kind, documentNumber: r.transport_document_number, carrier: r.carrier ?? '', vessel: r.vessel ?? '' }
            : null,
        cancellationReason: r.cancellation_reason,
        payments: payments.filter((p) => p.order_id === r.id).map((p) => ({ kind: p.kind, amountMinor: p.amount_minor, reference: p.reference, recordedAt: p.recorded_at })),
        events: events.filter((e) => e.order_id === r.id).map((e) => ({ action: e.action, status: e.status, side: e.side, note: e.note, at: e.created_at })),
        nextActions: side === null ? [] : b2bActionsAt(r.status, side, shape),
        issuedAt: r.issued_at,
        updatedAt: r.updated_at,
      };
    });
  }
}
