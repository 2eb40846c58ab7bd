import type { z } from 'zod';
import type { exporterProductListSchema, exporterProductSchema, ProductContent, StoredProductContent } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findImages, toStoredMedia, type MediaService } from '../media/index.ts';
import { findMediaByIds } from '../media/index.ts';
import type { RateService } from '../rates/index.ts';
import { rebuildListing } from './catalog-listing.ts';
import { loadPublicationContext } from './publication-context.ts';
import { findProduct, findRevisions, findStock, nextRevisionNumber, type ProductRow } from './product.repository.ts';
import { checkDraftStructure, checkPublication, transition, type ProductAction } from './product.rules.ts';
import { chinaDate } from '../../platform/clock.ts';

type ExporterProduct = z.infer<typeof exporterProductSchema>;

export interface CatalogDeps {
  db: Db;
  clock: Clock;
  media: MediaService;
  rates: RateService;
}

/** The state machine's answer for an action, or INVALID_TRANSITION. */
export function nextState(product: ProductRow, workingState: string | null, action: ProductAction) {
  const next = transition({ status: product.status, working: (workingState ?? 'none') as 'none' }, action);
  if (!next) throw new AppError('INVALID_TRANSITION', { details: { status: product.status, working: workingState, action } });
  return next;
}

/**
 * Applies a status change with a conditional update (the row must still be as it was read), so
 * two requests racing on one product cannot both win.
 */
export async function updateProductIfUnchanged(trx: Trx, product: ProductRow, set: Partial<Pick<ProductRow, 'status' | 'live_revision_id' | 'working_revision_id' | 'published_at'>>, now: string): Promise<void> {
  const result = await trx
    .updateTable('products')
    .set({ ...set, updated_at: now })
    .where('id', '=', product.id)
    .where('status', '=', product.status)
    .where((eb) => (product.working_revision_id ? eb('working_revision_id', '=', product.working_revision_id) : eb('working_revision_id', 'is', null)))
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { message: 'the product changed meanwhile; reload it' });
}

export class ProductService {
  private readonly deps: CatalogDeps;

  constructor(deps: CatalogDeps) {
    this.deps = deps;
  }

  private async owned(db: Db | Trx, caller: Caller | null, productId: string): Promise<{ exporterId: string; product: ProductRow }> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const product = await findProduct(db, productId);
    if (!product || product.exporter_id !== exporterId) throw notFound();
    return { exporterId, product };
  }

  async list(caller: Caller | null, status?: string): Promise<z.infer<typeof exporterProductListSchema>> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const { db } = this.deps;
    let query = db
      .selectFrom('products as p')
      .leftJoin('product_revisions as w', 'w.id', 'p.working_revision_id')
      .leftJoin('product_revisions as l', 'l.id', 'p.live_revision_id')
      .select(['p.id', 'p.status', 'p.updated_at', 'w.state as working_state', 'w.content as working_content', 'l.content as live_content'])
      .where('p.exporter_id', '=', exporterId)
      .orderBy('p.updated_at', 'desc');
    if (status) query = query.where('p.status', '=', status as ProductRow['status']);
    const rows = await query.execute();
    const contents = rows.map((r) => JSON.parse(r.working_content ?? r.live_content ?? '{}') as Partial<StoredProductContent>);
    const coverIds = contents.map((c) => c.imageIds?.[0]).filter((id): id is string => Boolean(id));
    const covers = await findMediaByIds(db, coverIds);
    return {
      items: rows.map((r, i) => {
        const c = contents[i] ?? {};
        const cover = covers.find((m) => m.id === c.imageIds?.[0]);
        return {
          id: r.id,
          status: r.status,
          workingState: r.working_state ?? null,
          titleEn: c.titleEn ?? '',
          titleZh: c.titleZh ?? '',
          cover: cover ? toStoredMedia(cover) : null,
          variantCount: c.variants?.length ?? 0,
          updatedAt: r.updated_at,
        };
      }),
    };
  }

  async get(caller: Caller | null, productId: string): Promise<ExporterProduct> {
    const { product, exporterId } = await this.owned(this.deps.db, caller, productId);
    return this.describe(product, exporterId);
  }

  /** What the exporter console shows: live and working content, review reasons, rules, stock. */
  async describe(product: ProductRow, exporterId: string): Promise<ExporterProduct> {
    const { db } = this.deps;
    const revisions = await findRevisions(db, [product.live_revision_id, product.working_revision_id]);
    const live = product.live_revision_id ? revisions.get(product.live_revision_id) : undefined;
    const working = product.working_revision_id ? revisions.get(product.working_revision_id) : undefined;
    const current = working ?? live;
    const imageIds = [...new Set([...(working?.content.imageIds ?? []), ...(live?.content.imageIds ?? [])])];
    const [images, stock, context] = await Promise.all([
      findImages(db, imageIds),
      findStock(db, product.id),
      current ? loadPublicationContext(db, { exporterId, content: current.content, today: this.deps.rates.today() }) : undefined,
    ]);
    return {
      id: product.id,
      status: product.status,
      working: working
        ? { revisionId: working.id, number: working.number, state: working.state, content: working.content, reviewReasons: working.reviewReasons }
        : null,
      live: live ? { revisionId: live.id, number: live.number, content: live.content, reviewReasons: live.reviewReasons } : null,
      images,
      publicationIssues: current && context ? checkPublication(current.content, context) : [],
      stock: stock.map((s) => ({ variantId: s.variant_id, warehouseId: s.warehouse_id, onHand: s.on_hand, reserved: s.reserved })),
      updatedAt: product.updated_at,
      publishedAt: product.published_at,
    };
  }

  async create(caller: Caller | null, input: ProductContent): Promise<ExporterProduct> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const { db, clock } = this.deps;
    const now = clock().toISOString();
    const productId = await db.transaction().execute((trx) => this.writeInTransaction(trx, { exporterId, productId: null, content: input, now }));
    const product = await findProduct(db, productId);
    if (!product) throw notFound();
    return this.describe(product, exporterId);
  }

  /** Saves the content being edited. A live product stays on sale unchanged until the edit is approved. */
  async save(caller: Caller | null, productId: string, input: ProductContent): Promise<ExporterProduct> {
    const { db, clock } = this.deps;
    const now = clock().toISOString();
    const exporterId = await db.transaction().execute(async (trx) => {
      const { product, exporterId } = await this.owned(trx, caller, productId);
      await this.writeWorkingRevision(trx, product, exporterId, input, now);
      return exporterId;
    });
    const product = await findProduct(db, productId);
    if (!product) throw notFound();
    return this.describe(product, exporterId);
  }

  /**
   * Creates a draft (productId null) or saves the content being edited, in the caller's transaction
   * and under the same rules as create and save. The bulk import writes a whole file this way, so
   * a file is imported all or nothing. Answers the product id.
   */
  async writeInTransaction(trx: Trx, options: { exporterId: string; productId: string | null; content: ProductContent; now: string }): Promise<string> {
    const { exporterId, content, now } = options;
    const productId = options.productId ?? newId();
    if (!options.productId) {
      await trx.insertInto('products').values({ id: productId, exporter_id: exporterId, status: 'draft', live_revision_id: null, working_revision_id: null, created_at: now, updated_at: now, published_at: null }).execute();
    }
    const product = await findProduct(trx, productId);
    if (!product || product.exporter_id !== exporterId) throw notFound();
    await this.writeWorkingRevision(trx, product, exporterId, content, now);
    return productId;
  }

  private async writeWorkingRevision(trx: Trx, product: ProductRow, exporterId: string, input: ProductContent, now: string): Promise<void> {
    const working = product.working_revision_id ? (await findRevisions(trx, [product.working_revision_id])).get(product.working_revision_id) : undefined;
    const next = nextState(product, working?.state ?? null, 'edit');

    const problems = checkDraftStructure(input);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
    await this.deps.media.assertOwned(trx, `exporter:${exporterId}`, input.imageIds, 'body.imageIds');
    const [category, brand] = await Promise.all([
      trx.selectFrom('categories').select('id').where('id', '=', input.categoryId).executeTakeFirst(),
      input.brandId ? trx.selectFrom('brands').select('id').where('id', '=', input.brandId).where('exporter_id', '=', exporterId).executeTakeFirst() : undefined,
    ]);
    const refs = [
      ...(category ? [] : [{ field: 'body.categoryId', rule: 'unknown', message: 'no such category' }]),
      ...(input.brandId && !brand ? [{ field: 'body.brandId', rule: 'unknown', message: 'no such brand of this exporter' }] : []),
    ];
    if (refs.length > 0) throw new AppError('VALIDATION_FAILED', { details: refs });

    const content = await this.assignVariants(trx, product, exporterId, input);
    const serialized = JSON.stringify(content);
    if (working) {
      await trx.updateTable('product_revisions').set({ content: serialized, state: next.working === 'none' ? 'draft' : next.working, updated_at: now, submitted_at: null }).where('id', '=', working.id).execute();
      await updateProductIfUnchanged(trx, product, { status: next.status }, now);
    } else {
      const id = newId();
      await trx
        .insertInto('product_revisions')
        .values({ id, product_id: product.id, number: await nextRevisionNumber(trx, product.id), content: serialized, state: 'draft', review_reasons: null, created_at: now, updated_at: now, submitted_at: null, reviewed_at: null, reviewed_by: null })
        .execute();
      await updateProductIfUnchanged(trx, product, { status: next.status, working_revision_id: id }, now);
    }
  }

  /**
   * Gives new variants an id and a row (so stock can be entered before publication), renames SKUs,
   * drops rows of variants removed from a product that never went live. SKUs are unique per
   * exporter: checked here with a field error, and by the database as the last line.
   */
  private async assignVariants(trx: Trx, product: ProductRow, exporterId: string, input: ProductContent): Promise<StoredProductContent> {
    const existing = await trx.selectFrom('variants').select(['id', 'sku', 'live_price_minor']).where('product_id', '=', product.id).execute();
    const known = new Map(existing.map((v) => [v.id, v]));
    const problems: Array<{ field: string; rule: string; message: string }> = [];
    input.variants.forEach((v, i) => {
      if (v.id && !known.has(v.id)) problems.push({ field: `body.variants.${i}.id`, rule: 'unknown', message: 'is not a variant of this product' });
    });
    const skus = input.variants.map((v) => v.sku);
    const taken = await trx.selectFrom('variants').select(['sku', 'product_id']).where('exporter_id', '=', exporterId).where('sku', 'in', skus).where('product_id', '!=', product.id).execute();
    input.variants.forEach((v, i) => {
      if (taken.some((t) => t.sku === v.sku)) problems.push({ field: `body.variants.${i}.sku`, rule: 'duplicate', message: `SKU ${v.sku} is already used by another of your products` });
    });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });

    const variants = input.variants.map((v) => ({ ...v, id: v.id ?? newId() }));
    const keep = new Set(variants.map((v) => v.id));
    const now = new Date().toISOString();
    for (const old of existing) {
      // A variant buyers can still buy stays until the edit removing it is approved.
      if (!keep.has(old.id) && old.live_price_minor === null) await trx.deleteFrom('variants').where('id', '=', old.id).execute();
    }
    for (const [position, v] of variants.entries()) {
      const row = known.get(v.id);
      if (!row) {
        await trx.insertInto('variants').values({ id: v.id, product_id: product.id, exporter_id: exporterId, sku: v.sku, status: 'active', live_price_minor: null, live_currency: null, live_weight_grams: null, position, created_at: now }).execute();
      } else if (row.sku !== v.sku) {
        await trx.updateTable('variants').set({ sku: v.sku }).where('id', '=', v.id).execute();
      }
    }
    return {
      ...input,
      descriptionEn: sanitizeRichText(input.descriptionEn),
      descriptionZh: sanitizeRichText(input.descriptionZh),
      variants,
    };
  }

  /** Sends the working revision to review; refused with every failed publication rule named. */
  async submit(caller: Caller | null, productId: string): Promise<ExporterProduct> {
    const { db, clock } = this.deps;
    const now = clock().toISOString();
    const exporterId = await db.transaction().execute(async (trx) => {
      const { product, exporterId } = await this.owned(trx, caller, productId);
      const working = product.working_revision_id ? (await findRevisions(trx, [product.working_revision_id])).get(product.working_revision_id) : undefined;
      const next = nextState(product, working?.state ?? null, 'submit');
      if (!working) throw new AppError('INVALID_TRANSITION');
      const context = await loadPublicationContext(trx, { exporterId, content: working.content, today: chinaDate(clock()) });
      const issues = checkPublication(working.content, context);
      if (issues.length > 0) throw new AppError('PUBLICATION_RULES_FAILED', { details: issues });
      await trx.updateTable('product_revisions').set({ state: 'submitted', submitted_at: now, updated_at: now }).where('id', '=', working.id).execute();
      await updateProductIfUnchanged(trx, product, { status: next.status }, now);
      return exporterId;
    });
    const product = await findProduct(db, productId);
    if (!product) throw notFound();
    return this.describe(product, exporterId);
  }

  /** unpublish / republish / archive by the exporter. */
  async changeStatus(caller: Caller | null, productId: string, action: 'unpublish' | 'republish' | 'archive'): Promise<ExporterProduct> {
    const { db, clock } = this.deps;
    const now = clock().toISOString();
    const rates = await this.deps.rates.ratesInForce();
    const exporterId = await db.transaction().execute(async (trx) => {
      const { product, exporterId } = await this.owned(trx, caller, productId);
      const working = product.working_revision_id ? (await findRevisions(trx, [product.working_revision_id])).get(product.working_revision_id) : undefined;
      const next = nextState(product, working?.state ?? null, action);
      if (action === 'republish' && !product.live_revision_id) throw new AppError('INVALID_TRANSITION');
      await updateProductIfUnchanged(trx, product, { status: next.status }, now);
      // Back on sale: an operator's reason for taking it off no longer applies.
      if (action === 'republish' && product.live_revision_id) {
        await trx.updateTable('product_revisions').set({ review_reasons: null }).where('id', '=', product.live_revision_id).execute();
      }
      await rebuildListing(trx, product.id, rates);
      return exporterId;
    });
    const product = await findProduct(db, productId);
    if (!product) throw notFound();
    return this.describe(product, exporterId);
  }
}
