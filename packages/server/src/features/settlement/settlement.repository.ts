import type { CurrencyCode, StatementDetail, StatementLine, StatementSummary } from '@pavilion/contracts';
import { formatRate } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';

/** Settlement's queries; each takes the database or the use case's transaction first. */

// Bigints come back as safe integers on both engines (database.ts parses PostgreSQL's int8 in one place).
const num = Number;

export async function findCommissionRates(db: Db | Trx, pavilionId: string) {
  const rows = await db.selectFrom('pavilion_commission_rates').select(['rate_bp', 'effective_from', 'created_at']).where('pavilion_id', '=', pavilionId).orderBy('effective_from', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ rateBp: r.rate_bp, effectiveFrom: r.effective_from, createdAt: r.created_at }));
}

export interface PendingSale {
  orderLineId: string;
  orderId: string;
  orderNumber: string;
  pavilionId: string;
  lineNo: number;
  sku: string;
  titleEn: string;
  titleZh: string;
  optionValues: string[];
  quantity: number;
  goodsFen: number;
  currency: CurrencyCode;
  rateMicro: number;
  rateDate: string;
  placedAt: string;
  completedAt: string;
}

/** Order lines of completed orders (completed before `before`) that no issued statement has settled yet. */
export async function findPendingSales(db: Db | Trx, f: { exporterId?: string; before: string }): Promise<PendingSale[]> {
  let q = db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select([
      'l.id', 'l.order_id', 'o.number', 'o.pavilion_id', 'o.exporter_id', 'l.line_no', 'l.sku', 'l.title_en', 'l.title_zh', 'l.option_values', 'l.quantity', 'l.goods_fen',
      'l.currency', 'l.rate_micro', 'l.rate_date', 'o.created_at', 'o.completed_at',
    ])
    .where('o.completed_at', 'is not', null)
    .where('o.completed_at', '<', f.before)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('settlement_lines as s').select('s.id').where('s.item_key', '=', eb.ref('l.id')).where('s.kind', '=', 'sale').where('s.issued', '=', 1))));
  if (f.exporterId) q = q.where('o.exporter_id', '=', f.exporterId);
  const rows = await q.orderBy('o.completed_at').orderBy('o.number').orderBy('l.line_no').execute();
  return rows.map((r) => ({
    orderLineId: r.id, orderId: r.order_id, orderNumber: r.number, pavilionId: r.pavilion_id, lineNo: r.line_no, sku: r.sku, titleEn: r.title_en, titleZh: r.title_zh,
    optionValues: JSON.parse(r.option_values) as string[], quantity: r.quantity, goodsFen: num(r.goods_fen), currency: r.currency, rateMicro: num(r.rate_micro),
    rateDate: r.rate_date, placedAt: r.created_at, completedAt: r.completed_at ?? '',
  }));
}

export async function findExportersWithPendingSales(db: Db | Trx, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select('o.exporter_id')
    .distinct()
    .where('o.completed_at', 'is not', null)
    .where('o.completed_at', '<', before)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('settlement_lines as s').select('s.id').where('s.item_key', '=', eb.ref('l.id')).where('s.kind', '=', 'sale').where('s.issued', '=', 1))))
    .execute();
  return rows.map((r) => r.exporter_id);
}

/** The order lines behind returns, with what their sale was settled at (when an issued statement holds it). */
export async function findReturnedOrderLines(db: Db | Trx, orderLineIds: string[]) {
  if (orderLineIds.length === 0) return [];
  const rows = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .leftJoin('settlement_lines as s', (j) => j.onRef('s.item_key', '=', 'l.id').on('s.kind', '=', 'sale').on('s.issued', '=', 1))
    .select([
      'l.id', 'l.order_id', 'o.number', 'o.pavilion_id', 'o.exporter_id', 'l.line_no', 'l.sku', 'l.title_en', 'l.title_zh', 'l.option_values', 'l.quantity', 'l.goods_fen',
      'l.currency', 'l.rate_micro', 'l.rate_date', 's.commission_bp as settled_bp',
    ])
    .where('l.id', 'in', orderLineIds)
    .execute();
  return rows.map((r) => ({
    orderLineId: r.id, orderId: r.order_id, orderNumber: r.number, pavilionId: r.pavilion_id, exporterId: r.exporter_id, lineNo: r.line_no, sku: r.sku, titleEn: r.title_en,
    titleZh: r.title_zh, optionValues: JSON.parse(r.option_values) as string[], quantity: r.quantity, goodsFen: num(r.goods_fen), currency: r.currency,
    rateMicro: num(r.rate_micro), rateDate: r.rate_date, settledBp: r.settled_bp ?? null,
  }));
}

/** Units of each order line that issued statements already took back as returns. */
export async function findIssuedReturnedUnits(db: Db | Trx, orderLineIds: string[]): Promise<Map<string, number>> {
  if (orderLineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('settlement_lines')
    .select(['order_line_id', (eb) => eb.fn.sum<number | string>('quantity').as('units')])
    .where('kind', '=', 'refund')
    .where('issued', '=', 1)
    .where('order_line_id', 'in', orderLineIds)
    .groupBy('order_line_id')
    .execute();
  // Refund lines carry negative quantities.
  return new Map(rows.map((r) => [r.order_line_id, -num(r.units)]));
}

/** Which of these returns (by key) an issued statement already carries. */
export async function findSettledReturnKeys(db: Db | Trx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('settlement_lines').select('item_key').where('kind', '=', 'refund').where('issued', '=', 1).where('item_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.item_key));
}

export interface NewStatementLine {
  kind: 'sale' | 'refund';
  itemKey: string;
  orderId: string;
  orderLineId: string;
  orderNumber: string;
  lineNo: number;
  sku: string;
  descriptionEn: string;
  descriptionZh: string;
  quantity: number;
  goodsFen: number;
  commissionBp: number;
  commissionFen: number;
  shareFen: number;
  rateMicro: number;
  rateDate: string;
  shareMinor: number;
  occurredAt: string;
}

const summaryQuery = (db: Db | Trx) =>
  db
    .selectFrom('settlement_statements as st')
    .innerJoin('exporters as e', 'e.id', 'st.exporter_id')
    .innerJoin('pavilions as p', 'p.id', 'st.pavilion_id')
    .selectAll('st')
    .select(['e.trading_name_en', 'e.trading_name_zh', 'p.name_en as pavilion_name_en', 'p.name_zh as pavilion_name_zh']);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(r: SummaryRow): StatementSummary {
  return {
    id: r.id,
    exporter: { id: r.exporter_id, nameEn: r.trading_name_en, nameZh: r.trading_name_zh },
    pavilion: { id: r.pavilion_id, nameEn: r.pavilion_name_en, nameZh: r.pavilion_name_zh },
    month: r.month,
    currency: r.currency,
    status: r.status,
    lineCount: r.line_count,
    goodsFen: num(r.goods_fen),
    commissionFen: num(r.commission_fen),
    shareFen: num(r.share_fen),
    shareMinor: num(r.share_minor),
    generatedAt: r.generated_at,
    issuedAt: r.issued_at,
  };
}

export interface StatementFilter {
  id?: string;
  exporterId?: string;
  pavilionIds?: string[] | 'all';
  month?: string;
}

export async function findStatements(db: Db | Trx, f: StatementFilter): Promise<StatementSummary[]> {
  let q = summaryQuery(db);
  if (f.id) q = q.where('st.id', '=', f.id);
  if (f.exporterId) q = q.where('st.exporter_id', '=', f.exporterId);
  if (f.pavilionIds && f.pavilionIds !== 'all') q = f.pavilionIds.length > 0 ? q.where('st.pavilion_id', 'in', f.pavilionIds) : q.where('st.id', '=', '');
  if (f.month) q = q.where('st.month', '=', f.month);
  const rows = await q.orderBy('st.month', 'desc').orderBy('e.trading_name_en').orderBy('st.currency').limit(500).execute();
  return rows.map(toSummary);
}

export async function findStatementDetail(db: Db | Trx, f: StatementFilter & { id: string }): Promise<StatementDetail | null> {
  const [summary] = await findStatements(db, f);
  if (!summary) return null;
  const lines = await db.selectFrom('settlement_lines').selectAll().where('statement_id', '=', summary.id).orderBy('position').execute();
  return {
    ...summary,
    lines: lines.map((l): StatementLine => ({
      position: l.position, kind: l.kind, orderId: l.order_id, orderNumber: l.order_number, lineNo: l.line_no, sku: l.sku, descriptionEn: l.description_en, descriptionZh: l.description_zh,
      quantity: l.quantity, goodsFen: num(l.goods_fen), commissionBp: l.commission_bp, commissionFen: num(l.commission_fen), shareFen: num(l.share_fen),
      rate: formatRate(num(l.rate_micro)), rateDate: l.rate_date, shareMinor: num(l.share_minor), occurredAt: l.occurred_at,
    })),
  };
}

export async function findStatementRow(db: Db | Trx, key: { exporterId: string; month: string; currency: CurrencyCode }) {
  return db.selectFrom('settlement_statements').select(['id', 'status']).where('exporter_id', '=', key.exporterId).where('month', '=', key.month).where('currency', '=', key.currency).executeTakeFirst();
}

export async function findDraftStatements(db: Db | Trx, f: { exporterId?: string; month: string }) {
  let q = db.selectFrom('settlement_statements').select(['id', 'exporter_id', 'currency']).where('status', '=', 'draft').where('month', '=', f.month);
  if (f.exporterId) q = q.where('exporter_id', '=', f.exporterId);
  return q.execute();
}

export async function insertStatementLines(trx: Trx, statementId: string, lines: Array<NewStatementLine & { id: string }>): Promise<void> {
  // In slices: one statement can hold thousands of lines, more than one statement's parameters allow.
  for (let i = 0; i < lines.length; i += 200) {
    await trx
      .insertInto('settlement_lines')
      .values(lines.slice(i, i + 200).map((l, j) => ({
        id: l.id, statement_id: statementId, position: i + j + 1, kind: l.kind, item_key: l.itemKey, order_id: l.orderId, order_line_id: l.orderLineId, order_number: l.orderNumber,
        line_no: l.lineNo, sku: l.sku, description_en: l.descriptionEn, description_zh: l.descriptionZh, quantity: l.quantity, goods_fen: l.goodsFen, commission_bp: l.commissionBp,
        commission_fen: l.commissionFen, share_fen: l.shareFen, rate_micro: l.rateMicro, rate_date: l.rateDate, share_minor: l.shareMinor, occurred_at: l.occurredAt,
      })))
      .execute();
  }
}
