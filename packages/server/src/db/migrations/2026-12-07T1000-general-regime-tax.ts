import { sql, type Kysely } from 'kysely';

/**
 * The full tax of the single-item exception (财关税〔2018〕49号 art. 2: tariff + VAT + consumption tax
 * at general-trade rates, no 70%):
 * - hs_rates.tariff_rate_bp: the MFN import tariff of the code, kept by operators. Null until one
 *   is entered: a code without it cannot price a fully taxed order (checkout refuses it, naming the
 *   code), because charging no tariff is exactly the wrong answer. Within the CBEC limits it is not
 *   used (the tariff is 0%).
 * - orders and order_lines: the tax split into its parts (tariff, consumption tax, VAT), each
 *   rounded per line; the line's tax_fen stays their sum. Orders placed before the split keep null
 *   parts (their total is all they stored).
 * - order_lines.tariff_rate_bp: the rate used, snapshotted like the VAT and consumption-tax rates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('hs_rates')
    .addColumn('tariff_rate_bp', 'integer', (c) => c.check(sql`tariff_rate_bp is null or (tariff_rate_bp >= 0 and tariff_rate_bp <= 10000)`))
    .execute();
  for (const table of ['orders', 'order_lines']) {
    for (const column of ['tariff_fen', 'consumption_tax_fen', 'vat_fen']) {
      await db.schema.alterTable(table).addColumn(column, 'bigint', (c) => c.check(sql`${sql.ref(column)} is null or ${sql.ref(column)} >= 0`)).execute();
    }
  }
  await db.schema.alterTable('order_lines').addColumn('tariff_rate_bp', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('tariff_rate_bp').execute();
  for (const table of ['order_lines', 'orders']) {
    for (const column of ['vat_fen', 'consumption_tax_fen', 'tariff_fen']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
  await db.schema.alterTable('hs_rates').dropColumn('tariff_rate_bp').execute();
}
