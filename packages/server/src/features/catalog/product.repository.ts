import { storedProductContentSchema, type StoredProductContent, type ReviewReason } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { ProductsTable, RevisionState } from './catalog.table.ts';
import type { Selectable } from 'kysely';

export type ProductRow = Selectable<ProductsTable>;

export interface RevisionRecord {
  id: string;
  number: number;
  state: RevisionState;
  content: StoredProductContent;
  reviewReasons: ReviewReason[];
  submittedAt: string | null;
}

export function findProduct(db: Db | Trx, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Revisions by id, content parsed (stored content was validated when written). */
export async function findRevisions(db: Db | Trx, ids: Array<string | null>): Promise<Map<string, RevisionRecord>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('product_revisions')
    .select(['id', 'number', 'state', 'content', 'review_reasons', 'submitted_at'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: r.number,
        state: r.state,
        content: storedProductContentSchema.parse(JSON.parse(r.content)),
        reviewReasons: r.review_reasons ? (JSON.parse(r.review_reasons) as ReviewReason[]) : [],
        submittedAt: r.submitted_at,
      },
    ]),
  );
}

export async function nextRevisionNumber(db: Db | Trx, productId: string): Promise<number> {
  const row = await db
    .selectFrom('product_revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export function findStock(db: Db | Trx, productId: string) {
  return db
    .selectFrom('stock_levels as s')
    .innerJoin('variants as v', 'v.id', 's.variant_id')
    .select(['s.variant_id', 's.warehouse_id', 's.on_hand', 's.reserved'])
    .where('v.product_id', '=', productId)
    .execute();
}

/** Units that can still be sold per variant (on hand minus reserved, over all warehouses). */
export async function availableByVariant(db: Db | Trx, variantIds: string[]): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stock_levels')
    .select(['variant_id', (eb) => eb.fn.sum<number>(eb('on_hand', '-', eb.ref('reserved'))).as('available')])
    .where('variant_id', 'in', variantIds)
    .groupBy('variant_id')
    .execute();
  return new Map(rows.map((r) => [r.variant_id, Number(r.available)]));
}
