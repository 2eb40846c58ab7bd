import type { Db, Trx } from '../../db/database.ts';
import { companyColumns } from './trade-rows.ts';

/** The columns a summary needs, with the two parties' names. */
export function inquiryQuery(db: Db | Trx) {
  return db
    .selectFrom('inquiries as i')
    .innerJoin('buyer_companies as c', 'c.id', 'i.company_id')
    .innerJoin('exporters as e', 'e.id', 'i.exporter_id')
    .select([
      'i.id',
      'i.status',
      'i.company_id',
      'i.exporter_id',
      'i.product_id',
      'i.product_title_en',
      'i.product_title_zh',
      'i.quantity',
      'i.unit',
      'i.target_price_minor',
      'i.target_currency',
      'i.incoterm',
      'i.destination_port',
      'i.required_date',
      'i.created_at',
      'i.last_message_at',
      'i.first_response_at',
      'i.company_read_at',
      'i.exporter_read_at',
      ...companyColumns,
      'e.trading_name_en',
      'e.trading_name_zh',
    ]);
}
export type InquiryRow = Awaited<ReturnType<ReturnType<typeof inquiryQuery>['executeTakeFirstOrThrow']>>;

/** Per inquiry, the messages from one side after a given read mark (or all of them when never read). */
export async function countUnread(db: Db | Trx, rows: readonly InquiryRow[], reader: 'company' | 'exporter'): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const other = reader === 'company' ? 'exporter' : 'company';
  const messages = await db
    .selectFrom('inquiry_messages')
    .select(['inquiry_id', 'created_at'])
    .where('inquiry_id', 'in', rows.map((r) => r.id))
    .where('side', '=', other)
    .execute();
  const readAt = new Map(rows.map((r) => [r.id, reader === 'company' ? r.company_read_at : r.exporter_read_at]));
  const counts = new Map<string, number>();
  for (const msg of messages) {
    const mark = readAt.get(msg.inquiry_id);
    if (!mark || msg.created_at > mark) counts.set(msg.inquiry_id, (counts.get(msg.inquiry_id) ?? 0) + 1);
  }
  return counts;
}
