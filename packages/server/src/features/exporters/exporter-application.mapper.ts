import { countryCodeSchema, type CountryCode, type ExporterApplication } from '@pavilion/contracts';
import { lockedFields, type ApplicationValues } from './exporter-application.rules.ts';
import type { ApplicationRow, CategoryRow } from './exporter.repository.ts';

const asCountry = (code: string): CountryCode => countryCodeSchema.parse(code);

export function toApplicationValues(row: ApplicationRow, categoryIds: string[]): ApplicationValues {
  return {
    legalName: row.legal_name,
    tradingNameEn: row.trading_name_en,
    tradingNameZh: row.trading_name_zh,
    country: row.country_code,
    city: row.city,
    address: row.address,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    registrationNumber: row.registration_number,
    gaccRegistrationNumber: row.gacc_registration_number,
    manufacturerName: row.manufacturer_name,
    manufacturerAddress: row.manufacturer_address,
    categories: categoryIds,
    storyEn: row.story_en ?? '',
    storyZh: row.story_zh ?? '',
  };
}

export function toApplication(row: ApplicationRow, countries: string[], categories: CategoryRow[]): ExporterApplication {
  return {
    id: row.id,
    status: row.status,
    reviewReason: row.review_reason,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
    pavilion: { id: row.pavilion_id, slug: row.pavilion_slug, nameEn: row.pavilion_name_en, nameZh: row.pavilion_name_zh, countries: countries.map(asCountry) },
    legalName: row.legal_name,
    tradingNameEn: row.trading_name_en,
    tradingNameZh: row.trading_name_zh,
    country: asCountry(row.country_code),
    city: row.city,
    address: row.address,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    registrationNumber: row.registration_number,
    gaccRegistrationNumber: row.gacc_registration_number,
    manufacturerName: row.manufacturer_name,
    manufacturerAddress: row.manufacturer_address,
    storyEn: row.story_en ?? '',
    storyZh: row.story_zh ?? '',
    categories: categories.map((c) => ({ id: c.id, nameEn: c.name_en, nameZh: c.name_zh, isFood: c.is_food })),
    requiresGacc: categories.some((c) => c.is_food),
    lockedFields: lockedFields(row.status),
  };
}
