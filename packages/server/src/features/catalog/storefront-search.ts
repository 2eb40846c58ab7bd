import type { SearchQuery, SearchResult } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { SearchService } from '../search/index.ts';
import { findListingCards } from './storefront.service.ts';

/**
 * The storefront's search answer: search ranks the products and knows the query (total, facets,
 * did-you-mean, which words of a title matched); the catalog shows the ranked products as the same
 * listing cards as its lists, their titles highlighted.
 */
export class StorefrontSearch {
  private readonly db: Db;
  private readonly ranker: SearchService;

  constructor(options: { db: Db; search: SearchService }) {
    this.db = options.db;
    this.ranker = options.search;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { productIds, relatedIds, highlight, ...ranking } = await this.ranker.rank(query);
    // Related products are only looked for when nothing matched, so one of the two lists is empty and costs no query.
    const [cards, related] = await Promise.all([findListingCards(this.db, productIds), findListingCards(this.db, relatedIds)]);
    return {
      ...ranking,
      items: cards.map((card) => ({ ...card, highlight: { titleZh: highlight(card.titleZh), titleEn: highlight(card.titleEn) } })),
      related,
    };
  }
}
