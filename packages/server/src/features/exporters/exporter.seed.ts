import type { ExporterStatus } from '@pavilion/contracts';
import type { Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';

// Seeding: rows a seed (the demo) has decided, written the way this feature writes them, without
// the caller checks of the services (a seed runs with no one signed in, on an empty database).

/** An exporter as it stands once its application was decided. */
export interface SeedExporter {
  pavilionId: string;
  legalName: string;
  tradingNameEn: string;
  tradingNameZh: string;
  countryCode: string;
  city: string;
  status: ExporterStatus;
}

/** Writes exporters in the caller's transaction, one statement whatever the count; returns their new ids, in the order given. */
export async function seedExporters(trx: Trx, exporters: SeedExporter[]): Promise<string[]> {
  if (exporters.length === 0) return [];
  const now = new Date().toISOString();
  const rows = exporters.map((e) => ({
    id: newId(),
    pavilion_id: e.pavilionId,
    legal_name: e.legalName,
    trading_name_en: e.tradingNameEn,
    trading_name_zh: e.tradingNameZh,
    country_code: e.countryCode,
    city: e.city,
    status: e.status,
    created_at: now,
    updated_at: now,
  }));
  await trx.insertInto('exporters').values(rows).execute();
  return rows.map((r) => r.id);
}

/** What an exporter's application said, and when it was sent and reviewed. */
export interface SeedExporterApplication {
  address: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  registrationNumber: string;
  gaccRegistrationNumber: string | null;
  manufacturerName: string | null;
  manufacturerAddress: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  /** The categories it applied to sell in. */
  categoryIds: readonly string[];
}

/** Fills in an exporter's application details and categories, in the caller's transaction. */
export async function seedExporterApplication(trx: Trx, exporterId: string, application: SeedExporterApplication): Promise<void> {
  await trx
    .updateTable('exporters')
    .set({
      address: application.address,
      contact_name: application.contactName,
      contact_email: application.contactEmail,
      registration_number: application.registrationNumber,
      gacc_registration_number: application.gaccRegistrationNumber,
      contact_phone: application.contactPhone,
      manufacturer_name: application.manufacturerName,
      manufacturer_address: application.manufacturerAddress,
      submitted_at: application.submittedAt,
      reviewed_at: application.reviewedAt,
    })
    .where('id', '=', exporterId)
    .execute();
  if (application.categoryIds.length > 0) {
    await trx.insertInto('exporter_categories').values(application.categoryIds.map((category_id) => ({ exporter_id: exporterId, category_id }))).execute();
  }
}
