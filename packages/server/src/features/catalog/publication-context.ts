import type { StoredProductContent, ProductContent } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import type { PublicationContext } from './product.rules.ts';

/** Gathers what the publication rules need to know about a product's surroundings. */
export async function loadPublicationContext(
  db: Db | Trx,
  options: { exporterId: string; content: ProductContent | StoredProductContent; today: string },
): Promise<PublicationContext> {
  const { content } = options;
  const [exporter, category, hs, brand] = await Promise.all([
    db.selectFrom('exporters').select(['status', 'gacc_registration_number']).where('id', '=', options.exporterId).executeTakeFirstOrThrow(),
    db.selectFrom('categories').select(['is_food']).where('id', '=', content.categoryId).executeTakeFirst(),
    content.compliance.hsCode
      ? db.selectFrom('hs_rates').select(['retail_eligible', 'retail_modes', 'is_food']).where('hs_code', '=', content.compliance.hsCode).executeTakeFirst()
      : undefined,
    content.brandId
      ? db.selectFrom('brands').select('id').where('id', '=', content.brandId).where('exporter_id', '=', options.exporterId).executeTakeFirst()
      : undefined,
  ]);
  return {
    exporterStatus: exporter.status,
    exporterGaccNumber: exporter.gacc_registration_number,
    category: category ? { isFood: category.is_food === 1 } : null,
    hsRate: hs ? { retailEligible: hs.retail_eligible === 1, retailModes: hs.retail_modes, isFood: hs.is_food === 1 } : null,
    brandExists: brand !== undefined,
    today: options.today,
  };
}
