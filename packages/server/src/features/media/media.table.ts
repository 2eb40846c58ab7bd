import type { TableColumns, Timestamp } from '../../db/column-types.ts';

// Owner: media. Every uploaded picture is stored through the media service only.

export interface MediaTable {
  id: string;
  owner: string;
  sha256: string;
  source_type: string;
  width: number;
  height: number;
  size_bytes: number;
  created_at: Timestamp;
}

export interface MediaTables {
  media: MediaTable;
}

/** Each column and whether it may hold null: the schema test compares this with the migrated database. */
export const mediaTableColumns = {
  media: {
    id: 'not null', owner: 'not null', sha256: 'not null', source_type: 'not null', width: 'not null', height: 'not null', size_bytes: 'not null',
    created_at: 'not null',
  },
} as const satisfies TableColumns<MediaTables>;
