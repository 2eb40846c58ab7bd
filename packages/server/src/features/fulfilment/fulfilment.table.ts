import type { Generated } from 'kysely';
import type { TrackingStatus, shipmentKinds } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: fulfilment. Shipments and their tracking events are written by the fulfilment service only.

export interface ShipmentsTable {
  id: string;
  order_id: string;
  kind: (typeof shipmentKinds)[number];
  carrier: string;
  carrier_name: Generated<string>;
  tracking_number: string;
  logistics_no: string;
  weight_grams: Nullable<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface ShipmentEventsTable {
  id: string;
  shipment_id: string;
  at: string;
  status: TrackingStatus;
  place_zh: string;
  place_en: Generated<string>;
  text_zh: string;
  text_en: Generated<string>;
  source: 'operator' | 'exporter' | 'feed' | 'system';
  created_by: Nullable<string>;
  created_at: Timestamp;
}

export interface FulfilmentTables {
  shipments: ShipmentsTable;
  shipment_events: ShipmentEventsTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const fulfilmentTableColumns = {
  shipments: {
    id: 'not null', order_id: 'not null', kind: 'not null', carrier: 'not null', carrier_name: 'not null', tracking_number: 'not null',
    logistics_no: 'not null', weight_grams: 'null', created_by: 'not null', created_at: 'not null',
  },
  shipment_events: {
    id: 'not null', shipment_id: 'not null', at: 'not null', status: 'not null', place_zh: 'not null', place_en: 'not null', text_zh: 'not null',
    text_en: 'not null', source: 'not null', created_by: 'null', created_at: 'not null',
  },
} as const satisfies TableColumns<FulfilmentTables>;
