import type { Generated } from 'kysely';
import type { Nullable, TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: search. The index, the lexicon, the curated words and hot searches and the query log are written by the search
// feature only; search_listings and search_changes are also kept in step by the database's own triggers.

/** What filters, sorts and tie-breaks read of an indexed document; triggers copy the listing's columns. */
export interface SearchListingsTable {
  doc: number;
  product_id: string;
  phrase_text: string;
  /** ",halal,organic," (commas around each, for a LIKE filter). */
  certifications: Generated<string>;
  pavilion_id: string;
  origin_country: string;
  category_id: string;
  category_root: string;
  price_cny_min: number | null;
  customs_modes: string;
  retail_eligible: number;
  in_stock: number;
  sales_count: number;
  published_at: string;
}

export interface SearchDocumentsTable {
  doc: Generated<number>;
  product_id: string;
  /** The product's terms, space-separated. */
  terms: string;
  /** The product's suggestion keys, tab-separated. */
  suggest_keys: string;
  lexicon_epoch: number;
  indexed_at: Timestamp;
}

export interface SearchTermsTable {
  term: string;
  df: number;
}

/** A term's postings for one range of document numbers: (doc, score) pairs, little-endian int32, in document order. */
export interface SearchBlocksTable {
  term: string;
  block: number;
  postings: Uint8Array;
}

/** A document whose search_listings row changed (written by triggers); txid on PostgreSQL only. */
export interface SearchChangesTable {
  seq: Generated<number>;
  doc: number;
  changed_at: Generated<string>;
}

/** A prefix that suggests a listed product; triggers drop the keys of a product leaving search. */
export interface SearchSuggestKeysTable {
  key: string;
  doc: number;
  /** min(sales, 999,999), plus 1,000,000 in stock: triggers keep it the listing's as it is now. */
  weight: number;
}

export interface SearchWordsTable {
  word: string;
  source: 'operator' | 'catalog';
  created_by: Nullable<string>;
  created_at: Timestamp;
}

export interface SearchSynonymsTable {
  id: string;
  terms: string;
  created_by: Nullable<string>;
  created_at: Timestamp;
}

export interface SearchHotTable {
  position: number;
  text: string;
}

export interface SearchQueryDaysTable {
  day: string;
  query: string;
  searches: number;
  zero_results: number;
  last_seen_at: string;
}

export interface SearchStateTable {
  id: number;
  lexicon_version: number;
  lexicon_epoch: number;
  database_id: string;
}

export interface SearchTables {
  search_listings: SearchListingsTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  search_blocks: SearchBlocksTable;
  search_changes: SearchChangesTable;
  search_suggest_keys: SearchSuggestKeysTable;
  search_words: SearchWordsTable;
  search_synonyms: SearchSynonymsTable;
  search_hot: SearchHotTable;
  search_query_days: SearchQueryDaysTable;
  search_state: SearchStateTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const searchTableColumns = {
  search_listings: {
    doc: 'not null', product_id: 'not null', phrase_text: 'not null', certifications: 'not null', pavilion_id: 'not null', origin_country: 'not null',
    category_id: 'not null', category_root: 'not null', price_cny_min: 'null', customs_modes: 'not null', retail_eligible: 'not null',
    in_stock: 'not null', sales_count: 'not null', published_at: 'not null',
  },
  search_documents: {
    doc: 'not null', product_id: 'not null', terms: 'not null', suggest_keys: 'not null', lexicon_epoch: 'not null', indexed_at: 'not null',
  },
  search_terms: {
    term: 'not null', df: 'not null',
  },
  search_blocks: {
    term: 'not null', block: 'not null', postings: 'not null',
  },
  search_changes: {
    seq: 'not null', doc: 'not null', changed_at: 'not null',
  },
  search_suggest_keys: {
    key: 'not null', doc: 'not null', weight: 'not null',
  },
  search_words: {
    word: 'not null', source: 'not null', created_by: 'null', created_at: 'not null',
  },
  search_synonyms: {
    id: 'not null', terms: 'not null', created_by: 'null', created_at: 'not null',
  },
  search_hot: {
    position: 'not null', text: 'not null',
  },
  search_query_days: {
    day: 'not null', query: 'not null', searches: 'not null', zero_results: 'not null', last_seen_at: 'not null',
  },
  search_state: {
    id: 'not null', lexicon_version: 'not null', lexicon_epoch: 'not null', database_id: 'not null',
  },
} as const satisfies TableColumns<SearchTables>;

/**
 * Columns one engine has and the table type leaves out, read with raw SQL only: search_changes.txid is the
 * PostgreSQL transaction that made the change (listing-mirror.ts follows changes by it); SQLite has one writer.
 */
export const searchEngineOnlyColumns = {
  postgres: { search_changes: ['txid'] },
  sqlite: {},
} as const satisfies Record<'sqlite' | 'postgres', Record<string, readonly string[]>>;
