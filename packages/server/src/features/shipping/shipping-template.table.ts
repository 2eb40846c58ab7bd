import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: shipping. A warehouse's freight template is written by the shipping template service only.

export interface ShippingTemplatesTable {
  warehouse_id: string;
  exporter_id: string;
  template: string;
  updated_at: Timestamp;
}

export interface ShippingTemplateTables {
  shipping_templates: ShippingTemplatesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const shippingTemplateTableColumns = {
  shipping_templates: {
    warehouse_id: 'not null', exporter_id: 'not null', template: 'not null', updated_at: 'not null',
  },
} as const satisfies TableColumns<ShippingTemplateTables>;
