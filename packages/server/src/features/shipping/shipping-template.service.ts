import type { z } from 'zod';
import type { freightTemplateSchema, shippingTemplateSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { defaultFreightTemplate, freightTemplateIssues, type FreightTemplate } from './freight.rules.ts';

type ShippingTemplate = z.infer<typeof shippingTemplateSchema>;

/** An exporter's freight per warehouse: what the quote charges buyers by province and weight. */
export class ShippingTemplateService {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  /** The warehouse's template, or the platform's default for its kind until the exporter sets one. */
  async get(caller: Caller | null, warehouseId: string): Promise<ShippingTemplate> {
    const warehouse = await this.ownWarehouse(caller, warehouseId);
    const row = await this.db.selectFrom('shipping_templates').select(['template', 'updated_at']).where('warehouse_id', '=', warehouseId).executeTakeFirst();
    return row
      ? { warehouseId, template: JSON.parse(row.template) as FreightTemplate, isDefault: false, updatedAt: row.updated_at }
      : { warehouseId, template: defaultFreightTemplate(warehouse.kind), isDefault: true, updatedAt: null };
  }

  async set(caller: Caller | null, warehouseId: string, template: z.infer<typeof freightTemplateSchema>): Promise<ShippingTemplate> {
    const warehouse = await this.ownWarehouse(caller, warehouseId);
    const issues = freightTemplateIssues(template);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
    const row = { exporter_id: warehouse.exporter_id, template: JSON.stringify(template), updated_at: this.clock().toISOString() };
    await this.db
      .insertInto('shipping_templates')
      .values({ warehouse_id: warehouseId, ...row })
      .onConflict((oc) => oc.column('warehouse_id').doUpdateSet(row))
      .execute();
    return { warehouseId, template, isDefault: false, updatedAt: row.updated_at };
  }

  private async ownWarehouse(caller: Caller | null, warehouseId: string) {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const warehouse = await this.db.selectFrom('warehouses').select(['id', 'kind', 'exporter_id']).where('id', '=', warehouseId).where('exporter_id', '=', exporterId).executeTakeFirst();
    if (!warehouse) throw notFound();
    return warehouse;
  }
}
