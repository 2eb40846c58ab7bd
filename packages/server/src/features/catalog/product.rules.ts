import type { ProductContent, ProductStatus, PublicationIssue, StoredProductContent } from '@pavilion/contracts';
import type { RevisionState } from './catalog.table.ts';

export type ProductAction = 'edit' | 'submit' | 'approve' | 'request_changes' | 'unpublish' | 'republish' | 'archive';

/**
 * A product's status after each action, by status; a missing entry is an illegal transition.
 * While a product is live (published, or unpublished with a live revision) its edits go through
 * review without taking it off sale: the status stays, the working revision moves.
 */
export const productTransitions: Record<ProductStatus, Partial<Record<ProductAction, ProductStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted', archive: 'archived' },
  submitted: { edit: 'draft', approve: 'published', request_changes: 'changes_requested' },
  changes_requested: { edit: 'changes_requested', submit: 'submitted', archive: 'archived' },
  published: { edit: 'published', submit: 'published', approve: 'published', request_changes: 'published', unpublish: 'unpublished' },
  unpublished: { edit: 'unpublished', submit: 'unpublished', approve: 'published', request_changes: 'unpublished', republish: 'published', archive: 'archived' },
  archived: {},
};

/** Where the working revision must stand for an action, and where it goes. */
const revisionTransitions: Partial<Record<ProductAction, { from: Array<RevisionState | 'none'>; to: RevisionState | 'none' }>> = {
  edit: { from: ['none', 'draft', 'submitted', 'changes_requested'], to: 'draft' },
  submit: { from: ['draft', 'changes_requested'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'none' },
  request_changes: { from: ['submitted'], to: 'changes_requested' },
};

export interface ProductState {
  status: ProductStatus;
  working: RevisionState | 'none';
}

/** The state after an action, or null when the action is not allowed now. */
export function transition(state: ProductState, action: ProductAction): ProductState | null {
  const status = productTransitions[state.status][action];
  if (!status) return null;
  const rev = revisionTransitions[action];
  if (!rev) return { status, working: state.working };
  if (!rev.from.includes(state.working)) return null;
  // Editing keeps a changes_requested revision where it is, so the reasons stay in view until resubmitted.
  const working = action === 'edit' && state.working === 'changes_requested' ? 'changes_requested' : rev.to;
  return { status, working };
}

export interface PublicationContext {
  /** The exporter behind the product. */
  exporterStatus: string;
  exporterGaccNumber: string | null;
  category: { isFood: boolean } | null;
  /** The HS code's row in the rate table; `isFood` is its food mark. */
  hsRate: { retailEligible: boolean; retailModes: 'both' | '1210'; isFood: boolean } | null;
  brandExists: boolean;
  /** Today in China (YYYY-MM-DD): a certificate expiring before it is expired. */
  today: string;
}

/**
 * The rules a product must meet to be submitted and published, each reported by name with the
 * field it concerns. Taken from CBEC practice: a Chinese title and e-label for every product
 * shown to consumers; an HS code on the Positive List (正面清单, 2022 edition) for retail import;
 * a GACC registration for food manufacturers (海关总署令第248号); no expired certificate.
 */
export function checkPublication(content: ProductContent | StoredProductContent, ctx: PublicationContext): PublicationIssue[] {
  const issues: PublicationIssue[] = [];
  const food = isFood(ctx);
  const add = (rule: string, field: string, message: string) => issues.push({ rule, field, message });

  if (ctx.exporterStatus !== 'approved') add('exporter_not_approved', 'exporter', 'the exporter must be approved by the pavilion first');
  if (!content.titleZh.trim()) add('title_zh_required', 'titleZh', 'a Chinese title is required');
  if (!content.titleEn.trim()) add('title_en_required', 'titleEn', 'an English title is required');
  if (content.imageIds.length === 0) add('image_required', 'imageIds', 'at least one image is required (the first is the cover)');
  if (!ctx.category) add('category_unknown', 'categoryId', 'the category does not exist');
  if (content.brandId && !ctx.brandExists) add('brand_unknown', 'brandId', 'the brand does not belong to this exporter');
  content.variants.forEach((v, i) => {
    if (v.priceMinor <= 0) add('price_positive', `variants.${i}.priceMinor`, 'the price must be greater than zero');
  });

  const { compliance } = content;
  if (compliance.retailSale) {
    if (!compliance.hsCode) add('hs_code_required', 'compliance.hsCode', 'an HS code is required to sell by cross-border retail');
    else if (!ctx.hsRate) add('hs_code_unknown', 'compliance.hsCode', 'this HS code is not in the pavilion’s HS rate table');
    else if (!ctx.hsRate.retailEligible) add('hs_code_not_retail_eligible', 'compliance.hsCode', 'this HS code is not on the cross-border retail Positive List');
    else if (ctx.hsRate.retailModes === '1210' && compliance.customsModes.includes('9610')) {
      add('customs_mode_not_allowed', 'compliance.customsModes', 'this HS code may only be imported through a bonded warehouse (1210)');
    }
    if (compliance.customsModes.length === 0) add('customs_mode_required', 'compliance.customsModes', 'choose 9610 (direct) or 1210 (bonded)');
    const label = content.eLabel;
    for (const key of ['nameZh', 'originZh', 'netContentZh'] as const) {
      if (!label[key].trim()) add('e_label_incomplete', `eLabel.${key}`, 'the Chinese electronic label needs this line');
    }
    if (food) {
      for (const key of ['ingredientsZh', 'shelfLifeZh', 'storageZh'] as const) {
        if (!label[key].trim()) add('e_label_incomplete', `eLabel.${key}`, 'a food label needs this line');
      }
    }
  }
  if (food && !ctx.exporterGaccNumber?.trim()) {
    add('gacc_registration_required', 'exporter.gaccRegistrationNumber', 'food needs the manufacturer’s GACC China registration number (Decree 248)');
  }
  compliance.certifications.forEach((c, i) => {
    if (c.expiresOn && c.expiresOn < ctx.today) add('certificate_expired', `compliance.certifications.${i}.expiresOn`, `the ${c.type} certificate expired on ${c.expiresOn}`);
  });
  return issues;
}

/**
 * Food is decided by the HS code (the rate table's food mark, which operators maintain); a food
 * category makes a product food too, but a non-food category never makes a food code non-food:
 * edible oil under "Natural oils" still needs the food e-label and the GACC registration.
 */
export const isFood = (ctx: Pick<PublicationContext, 'category' | 'hsRate'>): boolean => ctx.hsRate?.isFood === true || ctx.category?.isFood === true;

/** Structural problems a draft cannot be saved with (the schema cannot see across fields). */
export function checkDraftStructure(content: ProductContent): Array<{ field: string; rule: string; message: string }> {
  const problems: Array<{ field: string; rule: string; message: string }> = [];
  const skus = new Map<string, number>();
  content.variants.forEach((v, i) => {
    const key = v.sku.toUpperCase();
    if (skus.has(key)) problems.push({ field: `body.variants.${i}.sku`, rule: 'duplicate', message: `repeats the SKU of variant ${(skus.get(key) ?? 0) + 1}` });
    skus.set(key, i);
    if (v.optionValues.length !== content.options.length) {
      problems.push({ field: `body.variants.${i}.optionValues`, rule: 'option_count', message: `must give one value for each of the ${content.options.length} options` });
      return;
    }
    v.optionValues.forEach((value, j) => {
      if (!content.options[j]?.values.some((o) => o.en === value)) {
        problems.push({ field: `body.variants.${i}.optionValues.${j}`, rule: 'unknown_option_value', message: `"${value}" is not a value of option ${content.options[j]?.nameEn ?? j + 1}` });
      }
    });
  });
  const combos = new Set(content.variants.map((v) => v.optionValues.join('\u0000')));
  if (content.options.length > 0 && combos.size !== content.variants.length) {
    problems.push({ field: 'body.variants', rule: 'duplicate_combination', message: 'two variants have the same option values' });
  }
  content.b2b.tiers.forEach((t, i) => {
    if (t.minQuantity <= content.b2b.moq) problems.push({ field: `body.b2b.tiers.${i}.minQuantity`, rule: 'tier_order', message: 'a tier must start above the minimum order quantity' });
    const prev = content.b2b.tiers[i - 1];
    if (prev && t.minQuantity <= prev.minQuantity) problems.push({ field: `body.b2b.tiers.${i}.minQuantity`, rule: 'tier_order', message: 'tiers must go up in quantity' });
  });
  return problems;
}

/** Units left at or below this show buyers "low stock". */
export const LOW_STOCK = 5;

export function stockState(available: number): 'in_stock' | 'low' | 'out_of_stock' {
  return available <= 0 ? 'out_of_stock' : available <= LOW_STOCK ? 'low' : 'in_stock';
}

/** Why a buyer cannot buy a product now, the first reason that applies; null when they can. */
export function unavailableReason(state: { hasRate: boolean; retailEligible: boolean; inStock: boolean }): 'no_exchange_rate' | 'not_retail_eligible' | 'out_of_stock' | null {
  if (!state.hasRate) return 'no_exchange_rate';
  if (!state.retailEligible) return 'not_retail_eligible';
  if (!state.inStock) return 'out_of_stock';
  return null;
}
