import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import { replaceFeatures } from './pavilion.repository.ts';

// Seeding: rows a seed (the demo) has decided, written the way this feature writes them, without
// the caller checks of the services (a seed runs with no one signed in, on an empty database).

/** A pavilion as an admin would have set it up. */
export interface SeedPavilion {
  slug: string;
  nameEn: string;
  nameZh: string;
  taglineEn: string;
  taglineZh: string;
  introEn: string;
  introZh: string;
  /** The countries it gathers, in the order shown. */
  countries: readonly string[];
}

/**
 * Writes pavilions and their countries in the caller's transaction, placed in the order given, two
 * statements whatever the count. Returns the new ids by slug. A slug already taken fails on the
 * unique constraint (a second seed racing the first one on the same database).
 */
export async function seedPavilions(trx: Trx, pavilions: readonly SeedPavilion[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (pavilions.length === 0) return ids;
  const now = new Date().toISOString();
  const rows = pavilions.map((p, position) => {
    const id = newId();
    ids.set(p.slug, id);
    return { id, slug: p.slug, name_en: p.nameEn, name_zh: p.nameZh, tagline_en: p.taglineEn, tagline_zh: p.taglineZh, intro_en: p.introEn, intro_zh: p.introZh, position, created_at: now, updated_at: now };
  });
  await trx.insertInto('pavilions').values(rows).execute();
  const countries = pavilions.flatMap((p) => p.countries.map((country_code, position) => ({ pavilion_id: ids.get(p.slug) ?? '', country_code, position })));
  if (countries.length > 0) await trx.insertInto('pavilion_countries').values(countries).execute();
  return ids;
}

/** A published culture story. */
export interface SeedStory {
  slug: string;
  titleEn: string;
  titleZh: string;
  summaryEn: string;
  summaryZh: string;
  /** Rich text, cleaned here as an operator's would be. */
  bodyEn: string;
  bodyZh: string;
  publishedAt: string;
}

/**
 * Publishes stories, without covers, in the pavilions named by slug, placed in the order given, in
 * one transaction. A pavilion that does not exist is skipped; a story whose slug its pavilion
 * already has is left as it is.
 */
export async function seedPublishedStories(db: Db, stories: Record<string, SeedStory[]>): Promise<void> {
  const pavilions = await db.selectFrom('pavilions').select(['id', 'slug']).where('slug', 'in', Object.keys(stories)).execute();
  const rows = pavilions.flatMap((pavilion) =>
    (stories[pavilion.slug] ?? []).map((story, position) => ({
      id: newId(),
      pavilion_id: pavilion.id,
      slug: story.slug,
      title_en: story.titleEn,
      title_zh: story.titleZh,
      summary_en: story.summaryEn,
      summary_zh: story.summaryZh,
      body_en: sanitizeRichText(story.bodyEn),
      body_zh: sanitizeRichText(story.bodyZh),
      cover_media_id: null,
      status: 'published' as const,
      position,
      published_at: story.publishedAt,
      created_at: story.publishedAt,
      updated_at: story.publishedAt,
    })),
  );
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('pavilion_stories').values(rows).onConflict((oc) => oc.columns(['pavilion_id', 'slug']).doNothing()).execute();
  });
}

/** Sets what a pavilion features, in order, as an operator would (its checks are the seed's to keep). */
export async function seedPavilionFeatures(db: Db, pavilionId: string, features: { productIds: string[]; exporterIds: string[] }): Promise<void> {
  await db.transaction().execute((trx) => replaceFeatures(trx, pavilionId, features));
}
