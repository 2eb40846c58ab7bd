import type { z } from 'zod';
import { operatorProductSchema, reviewQueueSchema, type ReviewReason } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { operatorScope, requireRole } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { rebuildListing } from './catalog-listing.ts';
import { loadPublicationContext } from './publication-context.ts';
import { findProduct, findRevisions, type ProductRow } from './product.repository.ts';
import { checkPublication } from './product.rules.ts';
import { chinaDate } from '../../platform/clock.ts';
import { nextState, updateProductIfUnchanged, type CatalogDeps, type ProductService } from './product.service.ts';

// The answers' schemas live in the contracts, which the operator console shares.
export { operatorProductSchema, reviewQueueSchema };

/** Operators review the products of their pavilions: approve (publish) or ask for changes, per field. */
export class ProductReviewService {
  private readonly deps: CatalogDeps;
  private readonly products: ProductService;

  constructor(deps: CatalogDeps & { products: ProductService }) {
    this.deps = deps;
    this.products = deps.products;
  }

  private async inScope(db: Db | Trx, caller: Caller | null, productId: string): Promise<{ product: ProductRow; pavilionId: string; userId: string }> {
    const signedIn = requireRole(caller, 'operator', 'admin');
    const scope = operatorScope(signedIn);
    const product = await findProduct(db, productId);
    if (!product) throw notFound();
    const exporter = await db.selectFrom('exporters').select('pavilion_id').where('id', '=', product.exporter_id).executeTakeFirstOrThrow();
    if (scope !== 'all' && !scope.includes(exporter.pavilion_id)) throw notFound();
    return { product, pavilionId: exporter.pavilion_id, userId: signedIn.userId };
  }

  async queue(caller: Caller | null): Promise<z.infer<typeof reviewQueueSchema>> {
    const scope = operatorScope(requireRole(caller, 'operator', 'admin'));
    let query = this.deps.db
      .selectFrom('product_revisions as r')
      .innerJoin('products as p', 'p.working_revision_id', 'r.id')
      .innerJoin('exporters as e', 'e.id', 'p.exporter_id')
      .select(['p.id as product_id', 'r.id as revision_id', 'r.number', 'r.content', 'r.submitted_at', 'p.live_revision_id', 'e.id as exporter_id', 'e.trading_name_en', 'e.trading_name_zh', 'e.pavilion_id'])
      .where('r.state', '=', 'submitted')
      .orderBy('r.submitted_at')
      .limit(500);
    if (scope !== 'all') query = scope.length ? query.where('e.pavilion_id', 'in', scope) : query.where((eb) => eb.val(false));
    const rows = await query.execute();
    return {
      items: rows.map((r) => {
        const c = JSON.parse(r.content) as { titleEn?: string; titleZh?: string };
        return {
          productId: r.product_id,
          revisionId: r.revision_id,
          revisionNumber: r.number,
          isEdit: r.live_revision_id !== null,
          titleEn: c.titleEn ?? '',
          titleZh: c.titleZh ?? '',
          exporter: { id: r.exporter_id, nameEn: r.trading_name_en, nameZh: r.trading_name_zh },
          pavilionId: r.pavilion_id,
          submittedAt: r.submitted_at ?? '',
        };
      }),
    };
  }

  async get(caller: Caller | null, productId: string): Promise<z.infer<typeof operatorProductSchema>> {
    const { db } = this.deps;
    const { product } = await this.inScope(db, caller, productId);
    const view = await this.products.describe(product, product.exporter_id);
    const exporter = await db.selectFrom('exporters').select(['id', 'trading_name_en', 'trading_name_zh', 'status', 'gacc_registration_number', 'pavilion_id']).where('id', '=', product.exporter_id).executeTakeFirstOrThrow();
    const hsCode = (view.working ?? view.live)?.content.compliance.hsCode ?? '';
    const hs = hsCode ? await db.selectFrom('hs_rates').selectAll().where('hs_code', '=', hsCode).executeTakeFirst() : undefined;
    return {
      product: view,
      exporter: { id: exporter.id, nameEn: exporter.trading_name_en, nameZh: exporter.trading_name_zh, status: exporter.status, gaccRegistrationNumber: exporter.gacc_registration_number, pavilionId: exporter.pavilion_id },
      hsRate: hs
        ? { hsCode: hs.hs_code, descriptionEn: hs.description_en, descriptionZh: hs.description_zh, vatRateBp: hs.vat_rate_bp, consumptionTaxRateBp: hs.consumption_tax_rate_bp, tariffRateBp: hs.tariff_rate_bp, retailEligible: hs.retail_eligible === 1, retailModes: hs.retail_modes, isFood: hs.is_food === 1 }
        : null,
    };
  }

  /** Publishes the submitted revision: it becomes the live one, variants and the listing follow, in one transaction. */
  async approve(caller: Caller | null, productId: string, revisionId: string) {
    const { db, clock, rates } = this.deps;
    const now = clock().toISOString();
    const inForce = await rates.ratesInForce();
    await db.transaction().execute(async (trx) => {
      const { product, userId } = await this.inScope(trx, caller, productId);
      if (product.working_revision_id !== revisionId) throw new AppError('INVALID_TRANSITION', { message: 'this revision is not the one under review' });
      const working = (await findRevisions(trx, [revisionId])).get(revisionId);
      const next = nextState(product, working?.state ?? null, 'approve');
      if (!working) throw new AppError('INVALID_TRANSITION');
      // The world may have moved since submission (a certificate expired, the HS table changed).
      const context = await loadPublicationContext(trx, { exporterId: product.exporter_id, content: working.content, today: chinaDate(clock()) });
      const issues = checkPublication(working.content, context);
      if (issues.length > 0) throw new AppError('PUBLICATION_RULES_FAILED', { details: issues });

      const approved = await trx.updateTable('product_revisions').set({ state: 'approved', review_reasons: null, reviewed_at: now, reviewed_by: userId, updated_at: now }).where('id', '=', revisionId).where('state', '=', 'submitted').executeTakeFirst();
      if (approved.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION');
      if (product.live_revision_id) await trx.updateTable('product_revisions').set({ state: 'superseded', updated_at: now }).where('id', '=', product.live_revision_id).execute();
      await updateProductIfUnchanged(trx, product, { status: next.status, live_revision_id: revisionId, working_revision_id: null, published_at: product.published_at ?? now }, now);

      const content = working.content;
      for (const [position, v] of content.variants.entries()) {
        await trx.updateTable('variants').set({ status: 'active', live_price_minor: v.priceMinor, live_currency: content.currency, live_weight_grams: v.weightGrams, position }).where('id', '=', v.id).execute();
      }
      const keep = content.variants.map((v) => v.id);
      await trx.updateTable('variants').set({ status: 'removed', live_price_minor: null }).where('product_id', '=', productId).where('id', 'not in', keep).execute();
      await rebuildListing(trx, productId, inForce);
    });
    return this.get(caller, productId);
  }

  async requestChanges(caller: Caller | null, productId: string, revisionId: string, reasons: ReviewReason[]) {
    const { db, clock } = this.deps;
    const now = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      const { product, userId } = await this.inScope(trx, caller, productId);
      if (product.working_revision_id !== revisionId) throw new AppError('INVALID_TRANSITION', { message: 'this revision is not the one under review' });
      const working = (await findRevisions(trx, [revisionId])).get(revisionId);
      const next = nextState(product, working?.state ?? null, 'request_changes');
      const updated = await trx
        .updateTable('product_revisions')
        .set({ state: 'changes_requested', review_reasons: JSON.stringify(reasons), reviewed_at: now, reviewed_by: userId, updated_at: now })
        .where('id', '=', revisionId)
        .where('state', '=', 'submitted')
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION');
      await updateProductIfUnchanged(trx, product, { status: next.status }, now);
    });
    return this.get(caller, productId);
  }

  /** An operator takes a product off sale (with a reason the exporter sees as a review note). */
  async unpublish(caller: Caller | null, productId: string, reason: string) {
    const { db, clock, rates } = this.deps;
    const now = clock().toISOString();
    const inForce = await rates.ratesInForce();
    await db.transaction().execute(async (trx) => {
      const { product } = await this.inScope(trx, caller, productId);
      const working = product.working_revision_id ? (await findRevisions(trx, [product.working_revision_id])).get(product.working_revision_id) : undefined;
      const next = nextState(product, working?.state ?? null, 'unpublish');
      await updateProductIfUnchanged(trx, product, { status: next.status }, now);
      if (product.live_revision_id) {
        await trx.updateTable('product_revisions').set({ review_reasons: JSON.stringify([{ field: 'status', reason }]) }).where('id', '=', product.live_revision_id).execute();
      }
      await rebuildListing(trx, productId, inForce);
    });
    return this.get(caller, productId);
  }
}
