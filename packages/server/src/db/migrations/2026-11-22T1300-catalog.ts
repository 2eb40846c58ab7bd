import { sql, type Kysely } from 'kysely';
import { nowDefault, timestampType } from '../migration-helpers.ts';

/**
 * The catalog: categories, HS rates, exchange rates, exporter onboarding (documents, invitations),
 * brands, media, warehouses and stock, products with revisions (the live one and the one being
 * edited), variants, the storefront's listing projection, pavilion stories and operator alerts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('categories.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    // "food-beverages/coffee-tea/": a subtree is a range of paths, which an index serves.
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    // Food categories need the manufacturer's GACC registration (Decree 248) to publish.
    .addColumn('is_food', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_food in (0, 1)`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('hs_rates')
    .addColumn('hs_code', 'text', (c) => c.primaryKey().check(sql`length(hs_code) = 10`))
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull())
    // Rates in basis points: 1300 = 13%.
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull().check(sql`vat_rate_bp between 0 and 10000`))
    .addColumn('consumption_tax_rate_bp', 'integer', (c) => c.notNull().defaultTo(0).check(sql`consumption_tax_rate_bp between 0 and 9999`))
    // On the CBEC Positive List (正面清单): may be sold by cross-border retail.
    .addColumn('retail_eligible', 'integer', (c) => c.notNull().check(sql`retail_eligible in (0, 1)`))
    // Customs modes the Positive List allows for it: 'both' or '1210' (bonded only).
    .addColumn('retail_modes', 'text', (c) => c.notNull().defaultTo('both').check(sql`retail_modes in ('both', '1210')`))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    // CNY per one major unit, in millionths.
    .addColumn('rate_micro', 'bigint', (c) => c.notNull().check(sql`rate_micro > 0`))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('exchange_rates_currency_date', ['currency', 'effective_date'])
    .execute();

  await db.schema
    .createTable('operator_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('resolved_at', ts)
    .execute();
  await sql`create unique index operator_alerts_open on operator_alerts (kind, subject) where resolved_at is null`.execute(db);

  // Exporter onboarding: the application's fields on the exporter itself.
  for (const [name, type] of [
    ['address', 'text'],
    ['contact_name', 'text'],
    ['contact_email', 'text'],
    ['contact_phone', 'text'],
    ['registration_number', 'text'],
    ['gacc_registration_number', 'text'],
    ['manufacturer_name', 'text'],
    ['manufacturer_address', 'text'],
    ['review_reason', 'text'],
    ['story_en', 'text'],
    ['story_zh', 'text'],
  ] as const) {
    await db.schema.alterTable('exporters').addColumn(name, type).execute();
  }
  await db.schema.alterTable('exporters').addColumn('submitted_at', ts).execute();
  await db.schema.alterTable('exporters').addColumn('reviewed_at', ts).execute();

  await db.schema
    .createTable('exporter_categories')
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
    .addPrimaryKeyConstraint('exporter_categories_pk', ['exporter_id', 'category_id'])
    .execute();

  await db.schema
    .createTable('exporter_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('export_licence', 'business_registration', 'gacc_registration', 'certificate', 'other')`),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('exporter_documents_exporter_idx').on('exporter_documents').column('exporter_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('accepted_at', ts)
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Who may use it: 'exporter:<id>' or 'pavilion:<id>'.
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    // The same picture uploaded twice by one owner is stored once.
    .addUniqueConstraint('media_owner_sha', ['owner', 'sha256'])
    .execute();

  await db.schema
    .createTable('brands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('logo_media_id', 'text', (c) => c.references('media.id'))
    .addColumn('story_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('story_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('brands_exporter_name', ['exporter_id', 'name_en'])
    .execute();

  await db.schema
    .createTable('warehouses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('origin', 'bonded')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'changes_requested', 'published', 'unpublished', 'archived')`),
    )
    // The revision buyers see (null until first approved) and the one being edited (null when none).
    .addColumn('live_revision_id', 'text')
    .addColumn('working_revision_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('published_at', ts)
    .execute();
  await db.schema.createIndex('products_exporter_idx').on('products').columns(['exporter_id', 'status']).execute();

  await db.schema
    .createTable('product_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    // The whole bilingual content, validated by the contracts' productContentSchema.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('draft', 'submitted', 'changes_requested', 'approved', 'superseded')`),
    )
    // For changes_requested: a reason per field.
    .addColumn('review_reasons', 'text')
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('submitted_at', ts)
    .addColumn('reviewed_at', ts)
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('product_revisions_number', ['product_id', 'number'])
    .execute();
  await db.schema.createIndex('product_revisions_review_idx').on('product_revisions').columns(['state', 'submitted_at']).execute();

  await db.schema
    .createTable('variants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.notNull().references('exporters.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'removed')`))
    // What buyers can buy, copied from the live revision when it is approved (null: not on sale).
    .addColumn('live_price_minor', 'bigint')
    .addColumn('live_currency', 'text')
    .addColumn('live_weight_grams', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('variants_exporter_sku', ['exporter_id', 'sku'])
    .execute();
  await db.schema.createIndex('variants_product_idx').on('variants').column('product_id').execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id').onDelete('cascade'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('stock_levels_pk', ['variant_id', 'warehouse_id'])
    .addCheckConstraint('stock_levels_non_negative', sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand`)
    .execute();

  // The storefront's read model: one row per published product, rebuilt from the live revision.
  await db.schema
    .createTable('catalog_listings')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.notNull())
    .addColumn('pavilion_id', 'text', (c) => c.notNull())
    .addColumn('brand_id', 'text')
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('category_path', 'text', (c) => c.notNull())
    // The root of the category tree it sits in (the tree is two levels deep): a root filter is an equality.
    .addColumn('category_root', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('subtitle_en', 'text', (c) => c.notNull())
    .addColumn('subtitle_zh', 'text', (c) => c.notNull())
    .addColumn('cover_media_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('price_min_minor', 'bigint', (c) => c.notNull())
    // Null while the currency has no rate in force: shown as unavailable, never guessed.
    .addColumn('price_cny_min', 'bigint')
    .addColumn('origin_country', 'text', (c) => c.notNull())
    .addColumn('customs_modes', 'text', (c) => c.notNull())
    .addColumn('retail_eligible', 'integer', (c) => c.notNull())
    .addColumn('in_stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sales_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', ts, (c) => c.notNull())
    .execute();
  // Every filter × sort the storefront offers is served by an index in order (the product id breaks
  // ties, so the keyset pagination never sorts): none, pavilion, category root, category leaf,
  // exporter and brand, by newest; the first four also by price and by sales.
  const orders = { new: 'published_at', price: 'price_cny_min', popular: 'sales_count' } as const;
  for (const [filter, column] of [['all', null], ['pavilion', 'pavilion_id'], ['root', 'category_root'], ['category', 'category_id']] as const) {
    for (const [order, sortColumn] of Object.entries(orders)) {
      await db.schema
        .createIndex(`catalog_listings_${filter}_${order}`)
        .on('catalog_listings')
        .columns([...(column ? [column] : []), sortColumn, 'product_id'])
        .execute();
    }
  }
  await db.schema.createIndex('catalog_listings_exporter_new').on('catalog_listings').columns(['exporter_id', 'published_at', 'product_id']).execute();
  await db.schema.createIndex('catalog_listings_brand_new').on('catalog_listings').columns(['brand_id', 'published_at', 'product_id']).execute();
  await db.schema.createIndex('catalog_listings_currency').on('catalog_listings').columns(['currency']).execute();

  // One row: bumped in every transaction that changes what the storefront shows, so cached pages
  // of an older version are never served after a commit.
  await db.schema
    .createTable('catalog_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('catalog_state').values({ id: 1, version: 0 }).execute();

  for (const [name, type] of [['hero_media_id', 'text']] as const) {
    await db.schema.alterTable('pavilions').addColumn(name, type).execute();
  }

  await db.schema
    .createTable('pavilion_features')
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('exporter', 'product')`))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('pavilion_features_pk', ['pavilion_id', 'kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('pavilion_stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_zh', 'text', (c) => c.notNull().defaultTo(''))
    // Sanitized HTML (server-side): no script, no event handlers, no foreign iframes.
    .addColumn('body_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_media_id', 'text', (c) => c.references('media.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('pavilion_stories_slug', ['pavilion_id', 'slug'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'catalog_state',
    'pavilion_stories',
    'pavilion_features',
    'catalog_listings',
    'stock_levels',
    'variants',
    'product_revisions',
    'products',
    'warehouses',
    'brands',
    'media',
    'invitations',
    'exporter_documents',
    'exporter_categories',
    'operator_alerts',
    'exchange_rates',
    'hs_rates',
    'categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('pavilions').dropColumn('hero_media_id').execute();
  for (const column of [
    'address', 'contact_name', 'contact_email', 'contact_phone', 'registration_number', 'gacc_registration_number',
    'manufacturer_name', 'manufacturer_address', 'review_reason', 'story_en', 'story_zh', 'submitted_at', 'reviewed_at',
  ]) {
    await db.schema.alterTable('exporters').dropColumn(column).execute();
  }
}
