import type { z } from 'zod';
import type { stockUpdateSchema, warehouseInputSchema, warehouseSchema } from '@pavilion/contracts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { rebuildListing } from './catalog-listing.ts';
import type { CatalogDeps } from './product.service.ts';

type Warehouse = z.infer<typeof warehouseSchema>;

/** An exporter's warehouses (origin, and bonded ones in a Chinese free-trade zone) and its stock per variant. */
export class StockService {
  private readonly deps: CatalogDeps;

  constructor(deps: CatalogDeps) {
    this.deps = deps;
  }

  async listWarehouses(caller: Caller | null): Promise<Warehouse[]> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const rows = await this.deps.db.selectFrom('warehouses').selectAll().where('exporter_id', '=', exporterId).orderBy('created_at').execute();
    return rows.map((w) => ({ id: w.id, kind: w.kind, name: w.name, city: w.city, countryCode: w.country_code as Warehouse['countryCode'] }));
  }

  async createWarehouse(caller: Caller | null, input: z.infer<typeof warehouseInputSchema>): Promise<Warehouse> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    if (input.kind === 'bonded' && input.countryCode !== 'CN') {
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.countryCode', rule: 'bonded_in_china', message: 'a bonded warehouse is in a Chinese free-trade zone (CN)' }] });
    }
    const id = newId();
    await this.deps.db.insertInto('warehouses').values({ id, exporter_id: exporterId, kind: input.kind, name: input.name, city: input.city, country_code: input.countryCode, created_at: this.deps.clock().toISOString() }).execute();
    return { id, ...input };
  }

  /**
   * Sets the units on hand of one variant in one warehouse. Never below what orders have reserved
   * (a conditional update, so a reservation landing meanwhile is not overwritten); the listing's
   * stock flag follows in the same transaction.
   */
  async setStock(caller: Caller | null, input: z.infer<typeof stockUpdateSchema>) {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const { db, clock, rates } = this.deps;
    const inForce = await rates.ratesInForce();
    const now = clock().toISOString();
    return db.transaction().execute(async (trx) => {
      const [variant, warehouse] = await Promise.all([
        trx.selectFrom('variants').select(['id', 'product_id']).where('id', '=', input.variantId).where('exporter_id', '=', exporterId).executeTakeFirst(),
        trx.selectFrom('warehouses').select('id').where('id', '=', input.warehouseId).where('exporter_id', '=', exporterId).executeTakeFirst(),
      ]);
      if (!variant || !warehouse) throw notFound();
      await trx
        .insertInto('stock_levels')
        .values({ variant_id: input.variantId, warehouse_id: input.warehouseId, on_hand: 0, reserved: 0, updated_at: now })
        .onConflict((oc) => oc.columns(['variant_id', 'warehouse_id']).doNothing())
        .execute();
      const updated = await trx
        .updateTable('stock_levels')
        .set({ on_hand: input.onHand, updated_at: now })
        .where('variant_id', '=', input.variantId)
        .where('warehouse_id', '=', input.warehouseId)
        .where('reserved', '<=', input.onHand)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        const row = await trx.selectFrom('stock_levels').select('reserved').where('variant_id', '=', input.variantId).where('warehouse_id', '=', input.warehouseId).executeTakeFirstOrThrow();
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.onHand', rule: 'below_reserved', message: `cannot be below the ${row.reserved} units reserved by orders` }] });
      }
      await rebuildListing(trx, variant.product_id, inForce);
      const row = await trx.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', input.variantId).where('warehouse_id', '=', input.warehouseId).executeTakeFirstOrThrow();
      return { variantId: input.variantId, warehouseId: input.warehouseId, onHand: row.on_hand, reserved: row.reserved };
    });
  }
}
