import type { ColumnType, Generated } from 'kysely';
import type { HsRetailMode } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: hs-rates. HS codes and their tax rates are entered and imported through the HS rate service only.

export interface HsRatesTable {
  hs_code: string;
  description_en: string;
  description_zh: string;
  vat_rate_bp: number;
  consumption_tax_rate_bp: Generated<number>;
  /** MFN import tariff, basis points; null until an operator enters it (2026-12-07T1000). */
  tariff_rate_bp: Nullable<number>;
  retail_eligible: number;
  retail_modes: ColumnType<HsRetailMode, HsRetailMode | undefined, HsRetailMode>;
  updated_at: Timestamp;
  /** Food (GACC Decree 248): products under this code need the food e-label lines and the GACC registration. */
  is_food: Generated<number>;
}

export interface HsRateTables {
  hs_rates: HsRatesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const hsRateTableColumns = {
  hs_rates: {
    hs_code: 'not null', description_en: 'not null', description_zh: 'not null', vat_rate_bp: 'not null', consumption_tax_rate_bp: 'not null',
    tariff_rate_bp: 'null', retail_eligible: 'not null', retail_modes: 'not null', updated_at: 'not null', is_food: 'not null',
  },
} as const satisfies TableColumns<HsRateTables>;
