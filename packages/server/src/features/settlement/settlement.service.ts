import type { CommissionInput, CurrencyCode, PavilionCommission, StatementDetail, StatementFileFormat, StatementSummary } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { exporterScope, operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import type { PavilionService } from '../pavilions/index.ts';
import type { ReturnedLineSource } from './returned-lines.ts';
import {
  findCommissionRates, findDraftStatements, findExportersWithPendingSales, findIssuedReturnedUnits, findPendingSales, findReturnedOrderLines, findSettledReturnKeys, findStatementDetail, findStatementRow,
  findStatements, insertStatementLines, type NewStatementLine,
} from './settlement.repository.ts';
import { chinaMonth, commissionRateAt, lineDescription, monthEnd, previousMonth, settleReturn, settleSale, statementTotals, type CommissionRate } from './settlement.rules.ts';
import { statementPdf, statementXlsx } from './statement-files.ts';

export interface StatementFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Monthly statements per exporter. A statement for a past China month is generated and issued by
 * the monthly job (issueDue); the current month's is a draft, regenerated whenever it is looked at.
 * An issued statement never changes: whatever settles later (a late completion, a refund) goes on
 * the next statement still open.
 */
export class SettlementService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly pavilions: PavilionService;
  private readonly returns: ReturnedLineSource;

  constructor(options: { db: Db; clock: Clock; pavilions: PavilionService; returns: ReturnedLineSource }) {
    this.db = options.db;
    this.clock = options.clock;
    this.pavilions = options.pavilions;
    this.returns = options.returns;
  }

  // Exporters

  async exporterStatements(caller: Caller | null, q: { month?: string }): Promise<StatementSummary[]> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    await this.refreshCurrentDraft(exporterId);
    return findStatements(this.db, { exporterId, ...(q.month ? { month: q.month } : {}) });
  }

  async exporterStatement(caller: Caller | null, id: string): Promise<StatementDetail> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    await this.refreshDraft(id, (row) => row.exporter_id === exporterId);
    return found(await findStatementDetail(this.db, { id, exporterId }));
  }

  async exporterFile(caller: Caller | null, id: string, format: StatementFileFormat): Promise<StatementFile> {
    return fileOf(await this.exporterStatement(caller, id), format);
  }

  // Operators

  async operatorStatements(caller: Caller | null, q: { exporter?: string; month?: string }): Promise<StatementSummary[]> {
    const pavilionIds = operatorScope(requireRole(caller, 'operator', 'admin'));
    if (q.exporter) {
      const exporter = await this.db.selectFrom('exporters').select('pavilion_id').where('id', '=', q.exporter).executeTakeFirst();
      // An exporter of another pavilion lists nothing, as one that does not exist.
      if (!exporter || (pavilionIds !== 'all' && !pavilionIds.includes(exporter.pavilion_id))) return [];
      await this.refreshCurrentDraft(q.exporter);
    }
    return findStatements(this.db, { pavilionIds, ...(q.exporter ? { exporterId: q.exporter } : {}), ...(q.month ? { month: q.month } : {}) });
  }

  async operatorStatement(caller: Caller | null, id: string): Promise<StatementDetail> {
    const pavilionIds = operatorScope(requireRole(caller, 'operator', 'admin'));
    await this.refreshDraft(id, (row) => pavilionIds === 'all' || pavilionIds.includes(row.pavilion_id));
    return found(await findStatementDetail(this.db, { id, pavilionIds }));
  }

  async operatorFile(caller: Caller | null, id: string, format: StatementFileFormat): Promise<StatementFile> {
    return fileOf(await this.operatorStatement(caller, id), format);
  }

  async commission(caller: Caller | null, pavilionId: string): Promise<PavilionCommission> {
    await this.pavilions.requireOperable(caller, pavilionId);
    return this.commissionOf(pavilionId);
  }

  /** A new rate from now on: orders placed before keep the one they were placed under. */
  async setCommission(caller: Caller | null, pavilionId: string, input: CommissionInput): Promise<PavilionCommission> {
    await this.pavilions.requireOperable(caller, pavilionId);
    const at = this.clock().toISOString();
    await this.db.transaction().execute((trx) =>
      trx.insertInto('pavilion_commission_rates').values({ id: newId(), pavilion_id: pavilionId, rate_bp: input.rateBp, effective_from: at, created_by: caller?.userId ?? null, created_at: at }).execute(),
    );
    return this.commissionOf(pavilionId);
  }

  private async commissionOf(pavilionId: string): Promise<PavilionCommission> {
    const history = await findCommissionRates(this.db, pavilionId);
    const now = commissionRateAt(history, this.clock().toISOString());
    return { pavilionId, rateBp: now.rateBp, isDefault: now.isDefault, history };
  }

  // Generation

  /** The monthly job: issues the statements of the China month before this one (nothing when all are issued). */
  async issueDue(): Promise<number> {
    const month = previousMonth(chinaMonth(this.clock()));
    const before = monthEnd(month);
    const exporters = new Set([
      ...(await findExportersWithPendingSales(this.db, before)),
      ...(await this.exportersWithPendingReturns(before)),
      ...(await findDraftStatements(this.db, { month })).map((d) => d.exporter_id),
    ]);
    let issued = 0;
    const failures: unknown[] = [];
    for (const exporterId of [...exporters].sort()) {
      // One exporter's failure (its transaction rolls back) does not keep the others' statements from being issued.
      try {
        issued += await this.db.transaction().execute((trx) => this.issue(trx, exporterId, month));
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} exporters' statements for ${month} could not be issued`);
    return issued;
  }

  /**
   * A draft is read as it stands now, whichever way it is read (list, detail, download): the draft
   * the caller may see is regenerated first; an issued statement is left as it is.
   */
  private async refreshDraft(id: string, visible: (row: { exporter_id: string; pavilion_id: string }) => boolean): Promise<void> {
    const row = await this.db.selectFrom('settlement_statements').select(['exporter_id', 'pavilion_id', 'month', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row || row.status !== 'draft' || !visible(row)) return;
    await this.db.transaction().execute((trx) => this.refresh(trx, row.exporter_id, row.month));
  }

  private async refreshCurrentDraft(exporterId: string): Promise<void> {
    const month = chinaMonth(this.clock());
    await this.db.transaction().execute((trx) => this.refresh(trx, exporterId, month));
  }

  /** Issues an exporter's statements of a past month, freshly generated: from then on they never change. */
  private async issue(trx: Trx, exporterId: string, month: string): Promise<number> {
    await this.refresh(trx, exporterId, month);
    const at = this.clock().toISOString();
    let issued = 0;
    for (const draft of await findDraftStatements(trx, { exporterId, month })) {
      const done = await trx.updateTable('settlement_statements').set({ status: 'issued', issued_at: at }).where('id', '=', draft.id).where('status', '=', 'draft').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) continue;
      // The unique index on issued lines refuses an item another issued statement already holds.
      await trx.updateTable('settlement_lines').set({ issued: 1 }).where('statement_id', '=', draft.id).execute();
      issued += 1;
    }
    return issued;
  }

  /**
   * (Re)generates an exporter's draft statements of a month, one per currency, from what is not yet
   * settled up to the month's end. Issued statements are left as they are.
   */
  private async refresh(trx: Trx, exporterId: string, month: string): Promise<void> {
    const exporter = await trx.selectFrom('exporters').select('pavilion_id').where('id', '=', exporterId).executeTakeFirst();
    if (!exporter) return;
    const groups = await this.pendingLines(trx, exporterId, monthEnd(month));
    const at = this.clock().toISOString();
    for (const [currency, lines] of groups) {
      const key = { exporterId, month, currency };
      const totals = statementTotals(lines);
      const values = { line_count: lines.length, goods_fen: totals.goodsFen, commission_fen: totals.commissionFen, share_fen: totals.shareFen, share_minor: totals.shareMinor, generated_at: at };
      await trx
        .insertInto('settlement_statements')
        .values({ id: newId(), exporter_id: exporterId, pavilion_id: exporter.pavilion_id, month, currency, status: 'draft', ...values, issued_at: null, created_at: at })
        .onConflict((oc) => oc.columns(['exporter_id', 'month', 'currency']).doNothing())
        .execute();
      const row = await findStatementRow(trx, key);
      if (!row || row.status !== 'draft') continue;
      // The conditional update takes the row first, so two refreshes at once replace the lines one after the other.
      const touched = await trx.updateTable('settlement_statements').set(values).where('id', '=', row.id).where('status', '=', 'draft').executeTakeFirst();
      if (Number(touched.numUpdatedRows) !== 1) continue;
      await trx.deleteFrom('settlement_lines').where('statement_id', '=', row.id).execute();
      await insertStatementLines(trx, row.id, lines.map((l) => ({ ...l, id: newId() })));
    }
    for (const draft of await findDraftStatements(trx, { exporterId, month })) {
      if (groups.has(draft.currency)) continue;
      // Nothing left to settle in this currency (its items went on an issued statement): the draft goes.
      await trx.deleteFrom('settlement_lines').where('statement_id', '=', draft.id).execute();
      await trx.deleteFrom('settlement_statements').where('id', '=', draft.id).where('status', '=', 'draft').execute();
    }
  }

  /** What an exporter has not been settled for, up to an instant, by currency: completed sales, then returns of settled sales. */
  private async pendingLines(db: Db | Trx, exporterId: string, before: string): Promise<Map<CurrencyCode, NewStatementLine[]>> {
    const rateCache = new Map<string, CommissionRate[]>();
    const ratesOf = async (pavilionId: string) => {
      let rates = rateCache.get(pavilionId);
      if (!rates) {
        rates = await findCommissionRates(db, pavilionId);
        rateCache.set(pavilionId, rates);
      }
      return rates;
    };
    const lines: Array<NewStatementLine & { currency: CurrencyCode }> = [];
    const saleBp = new Map<string, number>();
    for (const s of await findPendingSales(db, { exporterId, before })) {
      const commissionBp = commissionRateAt(await ratesOf(s.pavilionId), s.placedAt).rateBp;
      saleBp.set(s.orderLineId, commissionBp);
      const amounts = settleSale({ goodsFen: s.goodsFen, commissionBp, currency: s.currency, rateMicro: s.rateMicro });
      lines.push({
        kind: 'sale', itemKey: s.orderLineId, orderId: s.orderId, orderLineId: s.orderLineId, orderNumber: s.orderNumber, lineNo: s.lineNo, sku: s.sku,
        descriptionEn: lineDescription(s.titleEn, s.optionValues), descriptionZh: lineDescription(s.titleZh, s.optionValues), quantity: s.quantity, commissionBp,
        rateMicro: s.rateMicro, rateDate: s.rateDate, occurredAt: s.completedAt, currency: s.currency, ...amounts,
      });
    }
    const returned = await this.returns.find(db, { exporterId, before });
    const settled = await findSettledReturnKeys(db, returned.map((r) => r.key));
    const open = returned.filter((r) => !settled.has(r.key));
    const openLineIds = [...new Set(open.map((r) => r.orderLineId))];
    const orderLines = new Map((await findReturnedOrderLines(db, openLineIds)).map((l) => [l.orderLineId, l]));
    // Units of each line already taken back: by issued statements, then by the returns before on this one.
    const returnedUnits = await findIssuedReturnedUnits(db, openLineIds);
    for (const r of open.sort((a, b) => a.refundedAt.localeCompare(b.refundedAt) || a.key.localeCompare(b.key))) {
      const line = orderLines.get(r.orderLineId);
      if (!line || line.exporterId !== exporterId) continue;
      // A return is taken back once its sale is settled (on an issued statement, or on this one); until then it waits.
      const commissionBp = line.settledBp ?? saleBp.get(line.orderLineId);
      if (commissionBp === undefined) continue;
      const before = returnedUnits.get(line.orderLineId) ?? 0;
      // Never more than was sold, whatever a source reports.
      const quantity = Math.min(r.quantity, line.quantity - before);
      if (quantity <= 0) continue;
      returnedUnits.set(line.orderLineId, before + quantity);
      const amounts = settleReturn({ quantity: line.quantity, goodsFen: line.goodsFen, commissionBp, currency: line.currency, rateMicro: line.rateMicro }, quantity, before);
      lines.push({
        kind: 'refund', itemKey: r.key, orderId: line.orderId, orderLineId: line.orderLineId, orderNumber: line.orderNumber, lineNo: line.lineNo, sku: line.sku,
        descriptionEn: lineDescription(line.titleEn, line.optionValues), descriptionZh: lineDescription(line.titleZh, line.optionValues), quantity: -quantity,
        commissionBp, rateMicro: line.rateMicro, rateDate: line.rateDate, occurredAt: r.refundedAt, currency: line.currency, ...amounts,
      });
    }
    const groups = new Map<CurrencyCode, NewStatementLine[]>();
    for (const { currency, ...line } of lines) groups.set(currency, [...(groups.get(currency) ?? []), line]);
    return groups;
  }

  private async exportersWithPendingReturns(before: string): Promise<string[]> {
    const returned = await this.returns.find(this.db, { before });
    const settled = await findSettledReturnKeys(this.db, returned.map((r) => r.key));
    const open = returned.filter((r) => !settled.has(r.key));
    const lines = await findReturnedOrderLines(this.db, [...new Set(open.map((r) => r.orderLineId))]);
    return [...new Set(lines.map((l) => l.exporterId))];
  }
}

function found<T>(value: T | null): T {
  if (!value) throw notFound();
  return value;
}

async function fileOf(statement: StatementDetail, format: StatementFileFormat): Promise<StatementFile> {
  const base = `statement-${statement.month}-${statement.currency}-${statement.id.slice(0, 8)}`;
  return format === 'xlsx'
    ? { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await statementXlsx(statement) }
    : { fileName: `${base}.pdf`, contentType: 'application/pdf', bytes: await statementPdf(statement) };
}
