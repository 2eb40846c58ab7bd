import type { ColumnType, Generated } from 'kysely';
import type { storyStatuses } from '@pavilion/contracts';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: pavilions. A pavilion, its countries, its featured exporters and products and its stories are curated here only.

type StoryStatus = (typeof storyStatuses)[number];

export interface PavilionsTable {
  id: string;
  slug: string;
  name_en: string;
  name_zh: string;
  tagline_en: Generated<string>;
  tagline_zh: Generated<string>;
  intro_en: Generated<string>;
  intro_zh: Generated<string>;
  position: Generated<number>;
  hero_media_id: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PavilionCountriesTable {
  pavilion_id: string;
  country_code: string;
  position: Generated<number>;
}

export interface PavilionFeaturesTable {
  pavilion_id: string;
  kind: 'exporter' | 'product';
  target_id: string;
  position: Generated<number>;
}

export interface PavilionStoriesTable {
  id: string;
  pavilion_id: string;
  slug: string;
  title_en: string;
  title_zh: string;
  summary_en: Generated<string>;
  summary_zh: Generated<string>;
  body_en: Generated<string>;
  body_zh: Generated<string>;
  cover_media_id: Nullable<string>;
  status: ColumnType<StoryStatus, StoryStatus | undefined, StoryStatus>;
  position: Generated<number>;
  published_at: Nullable<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PavilionTables {
  pavilions: PavilionsTable;
  pavilion_countries: PavilionCountriesTable;
  pavilion_features: PavilionFeaturesTable;
  pavilion_stories: PavilionStoriesTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const pavilionTableColumns = {
  pavilions: {
    id: 'not null', slug: 'not null', name_en: 'not null', name_zh: 'not null', tagline_en: 'not null', tagline_zh: 'not null', intro_en: 'not null',
    intro_zh: 'not null', position: 'not null', hero_media_id: 'null', created_at: 'not null', updated_at: 'not null',
  },
  pavilion_countries: {
    pavilion_id: 'not null', country_code: 'not null', position: 'not null',
  },
  pavilion_features: {
    pavilion_id: 'not null', kind: 'not null', target_id: 'not null', position: 'not null',
  },
  pavilion_stories: {
    id: 'not null', pavilion_id: 'not null', slug: 'not null', title_en: 'not null', title_zh: 'not null', summary_en: 'not null',
    summary_zh: 'not null', body_en: 'not null', body_zh: 'not null', cover_media_id: 'null', status: 'not null', position: 'not null',
    published_at: 'null', created_at: 'not null', updated_at: 'not null',
  },
} as const satisfies TableColumns<PavilionTables>;
