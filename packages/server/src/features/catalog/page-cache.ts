import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { readCatalogVersion } from './catalog-version.ts';

/**
 * Serialized storefront answers, keyed by the catalog version and the China date (a rate may come
 * into force at midnight without a write). A commit that changes the catalog bumps the version in
 * its own transaction, so no page older than the last commit is served; each request reads the
 * version (one primary-key lookup), which keeps several server processes sharing one PostgreSQL
 * correct too. Answers are checked against their response schema once, when cached.
 */
export class PageCache {
  private readonly db: Db;
  private readonly cache: LRUCache<string, string> | null;

  constructor(options: { db: Db; maxEntries: number }) {
    this.db = options.db;
    this.cache = options.maxEntries > 0 ? new LRUCache({ max: options.maxEntries }) : null;
  }

  /** The JSON text of an answer: from the cache, or computed, checked and stored. */
  async json<S extends z.ZodType>(key: string, day: string, schema: S, compute: () => Promise<z.input<S>>): Promise<string> {
    if (!this.cache) return JSON.stringify(schema.parse(await compute()));
    const version = await readCatalogVersion(this.db);
    const fullKey = `${version}|${day}|${key}`;
    const hit = this.cache.get(fullKey);
    if (hit !== undefined) return hit;
    const body = JSON.stringify(schema.parse(await compute()));
    this.cache.set(fullKey, body);
    return body;
  }
}
