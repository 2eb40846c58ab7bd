import type { CountryCode, ExporterSummary, PavilionDetail, PavilionSummary } from '@pavilion/contracts';
import { countryCodeSchema } from '@pavilion/contracts';
import type { ExporterRecord, PavilionRecord } from './pavilion.repository.ts';

const asCountry = (code: string): CountryCode => countryCodeSchema.parse(code);

export function toPavilionSummary(p: PavilionRecord): PavilionSummary {
  return {
    id: p.id,
    slug: p.slug,
    nameEn: p.name_en,
    nameZh: p.name_zh,
    taglineEn: p.tagline_en,
    taglineZh: p.tagline_zh,
    countries: p.countries.map(asCountry),
    exporterCount: p.exporter_count,
  };
}

export function toPavilionDetail(p: PavilionRecord, exporters: ExporterRecord[]): PavilionDetail {
  return { ...toPavilionSummary(p), introEn: p.intro_en, introZh: p.intro_zh, exporters: exporters.map(toExporterSummary) };
}

export function toExporterSummary(e: ExporterRecord): ExporterSummary {
  return {
    id: e.id,
    pavilionId: e.pavilion_id,
    legalName: e.legal_name,
    tradingNameEn: e.trading_name_en,
    tradingNameZh: e.trading_name_zh,
    country: asCountry(e.country_code),
    city: e.city,
    status: e.status,
  };
}
