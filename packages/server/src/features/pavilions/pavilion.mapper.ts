import type { CountryCode, ExporterSummary, OperatorStory, PavilionDetail, PavilionSummary, StorySummary } from '@pavilion/contracts';
import { countryCodeSchema } from '@pavilion/contracts';
import { toStoredMedia, type StoredMedia } from '../media/index.ts';
import type { ExporterRecord, FeatureIds, PavilionRecord } from './pavilion.repository.ts';
import type { MediaRecord } from '../media/index.ts';
import type { StoryRecord } from './story.repository.ts';

const asCountry = (code: string): CountryCode => countryCodeSchema.parse(code);
const image = (m: MediaRecord | null): StoredMedia | null => (m ? toStoredMedia(m) : null);

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
    heroImage: image(p.hero),
  };
}

export function toPavilionContent(p: PavilionRecord, features: FeatureIds) {
  return {
    ...toPavilionSummary(p),
    introEn: p.intro_en,
    introZh: p.intro_zh,
    heroImage: image(p.hero),
    featuredExporterIds: features.exporterIds,
    featuredProductIds: features.productIds,
  };
}

export function toPavilionDetail(p: PavilionRecord, exporters: ExporterRecord[], features: FeatureIds, stories: StoryRecord[]): PavilionDetail {
  return { ...toPavilionContent(p, features), exporters: exporters.map(toExporterSummary), stories: stories.map(toStorySummary) };
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

const coverImage = (s: StoryRecord): StoredMedia | null =>
  s.cover_media_id && s.cover_width !== null && s.cover_height !== null ? toStoredMedia({ id: s.cover_media_id, width: s.cover_width, height: s.cover_height }) : null;

/** For published stories only (they carry a publication date). */
export function toStorySummary(s: StoryRecord): StorySummary {
  return {
    slug: s.slug,
    titleEn: s.title_en,
    titleZh: s.title_zh,
    summaryEn: s.summary_en,
    summaryZh: s.summary_zh,
    coverImage: coverImage(s),
    publishedAt: s.published_at ?? s.updated_at,
  };
}

export function toStoryDetail(s: StoryRecord, p: PavilionRecord) {
  return { ...toStorySummary(s), bodyEn: s.body_en, bodyZh: s.body_zh, pavilion: { slug: p.slug, nameEn: p.name_en, nameZh: p.name_zh } };
}

export function toOperatorStory(s: StoryRecord): OperatorStory {
  return {
    id: s.id,
    pavilionId: s.pavilion_id,
    slug: s.slug,
    titleEn: s.title_en,
    titleZh: s.title_zh,
    summaryEn: s.summary_en,
    summaryZh: s.summary_zh,
    bodyEn: s.body_en,
    bodyZh: s.body_zh,
    coverMediaId: s.cover_media_id,
    coverImage: coverImage(s),
    status: s.status,
    position: s.position,
    publishedAt: s.published_at,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}
