import {
  certificationTypes, countryCodes, currencyCodes, customsModes, formatMajor, incoterms, parseMajor, productContentSchema, storedProductContentSchema,
  validationMessages as m, type CurrencyCode, type ImportIssue, type ProductContent, type ProductContentInput, type StoredProductContent,
} from '@pavilion/contracts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import type { RawRow } from '../../platform/sheets/sheet-file.ts';
import { checkDraftStructure } from '../catalog/index.ts';

import { ELABEL_KEYS, OPTION_KEYS, headerOf, sheetColumns, type ColumnKey } from './product-sheet.columns.ts';

/** At most this many product rows in one file. */
export const MAX_IMPORT_ROWS = 10_000;

// ---------------------------------------------------------------------------------------------
// Reading: header, rows, products.

/** Cells as text, by position, with the row number the spreadsheet shows (read by platform/sheets). */
export type { RawRow };

export interface SheetLayout {
  headerRow: number;
  /** Each known column present in the file: where it is and its header as the file writes it. */
  columns: Map<ColumnKey, { index: number; header: string }>;
}

export interface SheetRow {
  row: number;
  values: Map<ColumnKey, string>;
}

export interface ProductRows {
  ref: string;
  rows: SheetRow[];
}

const normalizeHeader = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Headers are recognised whole ("Title (English) / 标题（英文）"), by either language alone, or by key. */
const headerLookup = new Map<string, ColumnKey>(
  sheetColumns.flatMap((c) => [c.key, c.en, c.zh, `${c.en} / ${c.zh}`, `${c.en}/${c.zh}`].map((h) => [normalizeHeader(h), c.key] as const)),
);

export function issueAt(layout: SheetLayout | null, row: number | null, key: ColumnKey | null, rule: string, message: string): ImportIssue {
  return { row, column: key ? (layout?.columns.get(key)?.header ?? headerOf(key)) : null, rule, message };
}

export function readHeader(header: RawRow): { layout: SheetLayout; issues: ImportIssue[] } {
  const layout: SheetLayout = { headerRow: header.row, columns: new Map() };
  const issues: ImportIssue[] = [];
  header.cells.forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const key = headerLookup.get(normalizeHeader(trimmed));
    if (!key) issues.push({ row: header.row, column: trimmed, rule: 'unknown_column', message: m.importUnknownColumn.en });
    else if (layout.columns.has(key)) issues.push({ row: header.row, column: trimmed, rule: 'duplicate_column', message: m.importDuplicateColumn.en });
    else layout.columns.set(key, { index, header: trimmed });
  });
  for (const c of sheetColumns) {
    if ('required' in c && c.required === 'always' && !layout.columns.has(c.key)) issues.push({ row: header.row, column: headerOf(c.key), rule: 'missing_column', message: m.importMissingColumn.en });
  }
  return { layout, issues };
}

/** The product rows, grouped by product_ref in file order; blank rows and notes (# …) are skipped. */
export function groupRows(layout: SheetLayout, rows: RawRow[]): { products: ProductRows[]; rowCount: number } {
  const byRef = new Map<string, ProductRows>();
  let rowCount = 0;
  for (const raw of rows) {
    if (raw.cells.every((c) => c.trim() === '')) continue;
    const values = new Map<ColumnKey, string>();
    for (const [key, { index }] of layout.columns) values.set(key, raw.cells[index] ?? '');
    const ref = (values.get('product_ref') ?? '').trim();
    if (ref.startsWith('#')) continue;
    rowCount += 1;
    const group = byRef.get(ref) ?? { ref, rows: [] };
    group.rows.push({ row: raw.row, values });
    byRef.set(ref, group);
  }
  return { products: [...byRef.values()], rowCount };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isProductId = (ref: string): boolean => UUID.test(ref);

/** A product_ref's own problems (blank, too long). */
export function checkRef(layout: SheetLayout, group: ProductRows): ImportIssue[] {
  const row = group.rows[0]?.row ?? null;
  if (!group.ref) return group.rows.map((r) => issueAt(layout, r.row, 'product_ref', 'required', m.required.en));
  if (group.ref.length > 64) return [issueAt(layout, row, 'product_ref', 'invalid_format', m.importRef.en)];
  return [];
}

/** SKUs repeated across different products of one file (within a product, the draft rules report it). */
export function checkFileSkus(layout: SheetLayout, products: ProductRows[]): ImportIssue[] {
  const seen = new Map<string, string>();
  const issues: ImportIssue[] = [];
  for (const group of products) {
    for (const r of group.rows) {
      const sku = (r.values.get('sku') ?? '').trim();
      if (!sku) continue;
      const owner = seen.get(sku);
      if (owner === undefined) seen.set(sku, group.ref);
      else if (owner !== group.ref) issues.push(issueAt(layout, r.row, 'sku', 'duplicate', m.importSkuInFile.en));
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// One product's rows → its content, with every problem named by row and column.

export interface ImportLookups {
  categoryIds: ReadonlySet<string>;
  brands: ReadonlyArray<{ id: string; nameEn: string; nameZh: string }>;
  /** Ids of images this exporter uploaded (among those the file names). */
  ownedImageIds: ReadonlySet<string>;
  /** The exporter's variants by SKU. */
  variantsBySku: ReadonlyMap<string, { id: string; productId: string }>;
}

export interface ProductTarget {
  /** The product the rows update; null for a new product. */
  productId: string | null;
  /** Its current content (working, else live): columns left out of the file keep these values. */
  base: StoredProductContent | null;
}

const splitList = (text: string): string[] => text.split(';').map((s) => s.trim()).filter(Boolean);
const sameText = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');
const WHOLE = /^\d{1,3}(,\d{3})+$|^\d+$/;
const parseWhole = (text: string): number | null => (WHOLE.test(text.trim()) ? Number(text.trim().replace(/,/g, '')) : null);
const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否']);

/** Plain text typed in a cell becomes paragraphs; HTML is kept as written (sanitized when saved). */
export function cellToRichText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /<\/?[a-z][^>]*>/i.test(trimmed)) return trimmed;
  if (!/\r?\n/.test(trimmed)) return trimmed;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return trimmed.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => `<p>${escape(line)}</p>`).join('');
}

function splitPair(text: string): { en: string; zh: string } | null {
  const parts = text.split('|');
  if (parts.length > 2) return null;
  return { en: (parts[0] ?? '').trim(), zh: (parts[1] ?? '').trim() };
}

const optionKeys = (index: string | number | undefined) => OPTION_KEYS[index === 1 ? 1 : index === 2 ? 2 : 0];

/** Where a field of the content sits in the sheet: the column, and which variant's row (else the product's first). */
function fieldToCell(path: ReadonlyArray<string | number>): { key: ColumnKey; variant: number | null } {
  const [head, a, b, c] = path;
  const simple: Partial<Record<string, ColumnKey>> = {
    titleEn: 'title_en', titleZh: 'title_zh', subtitleEn: 'subtitle_en', subtitleZh: 'subtitle_zh', descriptionEn: 'description_en', descriptionZh: 'description_zh',
    originStoryEn: 'origin_story_en', originStoryZh: 'origin_story_zh', categoryId: 'category', brandId: 'brand', tags: 'tags', imageIds: 'image_ids', currency: 'currency',
  };
  if (typeof head === 'string' && simple[head]) return { key: simple[head], variant: null };
  if (head === 'variants') {
    if (typeof a !== 'number') return { key: 'sku', variant: 0 };
    const byField: Partial<Record<string, ColumnKey>> = { sku: 'sku', id: 'sku', barcode: 'barcode', weightGrams: 'weight_grams', priceMinor: 'price' };
    if (b === 'optionValues') return { key: optionKeys(c).value, variant: a };
    return { key: (typeof b === 'string' && byField[b]) || 'sku', variant: a };
  }
  if (head === 'options') {
    const option = optionKeys(a);
    return { key: b === 'values' ? option.values : option.name, variant: null };
  }
  if (head === 'b2b') {
    const byField: Partial<Record<string, ColumnKey>> = { moq: 'moq', tiers: 'tiers', samplePriceMinor: 'sample_price', leadTimeDays: 'lead_time_days', incoterms: 'incoterms' };
    return { key: (typeof a === 'string' && byField[a]) || 'moq', variant: null };
  }
  if (head === 'compliance') {
    const byField: Partial<Record<string, ColumnKey>> = { hsCode: 'hs_code', retailSale: 'retail_sale', customsModes: 'customs_modes', indivisible: 'indivisible', originCountry: 'origin_country', certifications: 'certifications' };
    return { key: (typeof a === 'string' && byField[a]) || 'hs_code', variant: null };
  }
  if (head === 'eLabel' && typeof a === 'string' && a in ELABEL_KEYS) return { key: ELABEL_KEYS[a as keyof typeof ELABEL_KEYS], variant: null };
  return { key: 'product_ref', variant: null };
}

/**
 * Maps a problem reported on the content ("variants.1.sku", "body.options.0.values") to the cell it
 * came from: the draft rules and the product service speak in content fields, the exporter in cells.
 */
export function issueForField(layout: SheetLayout, group: ProductRows, field: string, rule: string, message: string): ImportIssue & { key: ColumnKey } {
  const path = field.replace(/^body\./, '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const { key, variant } = fieldToCell(path);
  const row = group.rows[variant ?? 0]?.row ?? group.rows[0]?.row ?? null;
  return { ...issueAt(layout, row, key, rule, message), key };
}

/**
 * Builds one product's content from its rows. Product columns come from the first row that fills
 * them (the others must agree or be blank); a column the file leaves out keeps the product's
 * current value (or the default, for a new product). Answers the content, or null with the issues.
 */
export function buildProductContent(layout: SheetLayout, group: ProductRows, target: ProductTarget, lookups: ImportLookups): { content: ProductContent | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const flagged = new Set<string>();
  const firstRow = group.rows[0]?.row ?? layout.headerRow + 1;
  const add = (row: number, key: ColumnKey, rule: string, message: string) => {
    flagged.add(`${row}:${key}`);
    issues.push(issueAt(layout, row, key, rule, message));
  };
  const has = (key: ColumnKey) => layout.columns.has(key);
  const base = target.base;
  const isNew = target.productId === null;

  /** The product's value of a column (undefined when the file has no such column), and the row it came from. */
  const productCell = (key: ColumnKey): { text: string; row: number } | undefined => {
    if (!has(key)) return undefined;
    const filled = group.rows.filter((r) => (r.values.get(key) ?? '').trim() !== '');
    const first = filled[0];
    if (!first) return { text: '', row: firstRow };
    const text = first.values.get(key) ?? '';
    for (const r of filled.slice(1)) if (!sameText(r.values.get(key) ?? '', text)) add(r.row, key, 'differs', m.importDiffers.en);
    return { text: text.trim(), row: first.row };
  };
  const requireForNew = (key: ColumnKey, row: number) => add(row, key, 'required', m.importRequiredForNew.en);
  const text = (key: ColumnKey, current: string) => productCell(key)?.text ?? current;

  // Currency first: prices are read in it.
  let currency: CurrencyCode | null = base?.currency ?? null;
  const currencyCell = productCell('currency');
  if (currencyCell) {
    const code = currencyCell.text.toUpperCase();
    if (!code) add(currencyCell.row, 'currency', 'required', m.required.en);
    else if ((currencyCodes as readonly string[]).includes(code)) currency = code as CurrencyCode;
    else {
      add(currencyCell.row, 'currency', 'invalid_value', m.importCurrency.en);
      currency = null;
    }
  } else if (isNew) requireForNew('currency', firstRow);
  const money = (cellText: string, row: number, key: ColumnKey): number | null => {
    if (!currency) return null;
    const amount = parseMajor(cellText, currency);
    if (amount === null) add(row, key, 'invalid_format', m.importPrice.en);
    return amount;
  };
  const whole = (cell: { text: string; row: number } | undefined, key: ColumnKey, current: number): number => {
    if (!cell) return current;
    if (!cell.text) return current;
    const n = parseWhole(cell.text);
    if (n === null) add(cell.row, key, 'invalid_format', m.importWholeNumber.en);
    return n ?? current;
  };

  // Category and brand.
  let categoryId = base?.categoryId ?? '';
  const categoryCell = productCell('category');
  if (categoryCell) {
    categoryId = categoryCell.text.toLowerCase();
    if (categoryId && !lookups.categoryIds.has(categoryId)) add(categoryCell.row, 'category', 'unknown', m.unknownCategory.en);
  } else if (isNew) requireForNew('category', firstRow);

  let brandId = base?.brandId ?? null;
  const brandCell = productCell('brand');
  if (brandCell) {
    const wanted = brandCell.text.toLowerCase();
    const brand = lookups.brands.find((b) => b.id === brandCell.text || b.nameEn.toLowerCase() === wanted || (b.nameZh && b.nameZh.toLowerCase() === wanted));
    brandId = brand?.id ?? null;
    if (brandCell.text && !brand) add(brandCell.row, 'brand', 'unknown', m.importUnknownBrand.en);
  }

  let imageIds = base?.imageIds ?? [];
  const imagesCell = productCell('image_ids');
  if (imagesCell) {
    imageIds = splitList(imagesCell.text);
    if (imageIds.some((id) => !lookups.ownedImageIds.has(id))) add(imagesCell.row, 'image_ids', 'unknown_media', m.importUnknownImage.en);
  }
  const tagsCell = productCell('tags');
  const tags = tagsCell ? splitList(tagsCell.text) : (base?.tags ?? []);

  // Options: declared on the product, valued on each variant row.
  let options = base?.options ?? [];
  if (OPTION_KEYS.some((o) => has(o.name) || has(o.values))) {
    options = [];
    let gap = false;
    for (const keys of OPTION_KEYS) {
      const name = productCell(keys.name) ?? { text: '', row: firstRow };
      const values = productCell(keys.values) ?? { text: '', row: firstRow };
      if (!name.text && !values.text) {
        gap = true;
        continue;
      }
      if (gap) add(name.row, keys.name, 'option_order', m.importOptionOrder.en);
      const pair = splitPair(name.text);
      if (!name.text) add(name.row, keys.name, 'required', m.required.en);
      else if (!pair) add(name.row, keys.name, 'invalid_format', m.importOptionName.en);
      const parsed = splitList(values.text).map(splitPair);
      if (!values.text) add(values.row, keys.values, 'required', m.required.en);
      else if (parsed.some((p) => p === null)) add(values.row, keys.values, 'invalid_format', m.importOptionValues.en);
      options.push({ nameEn: pair?.en ?? '', nameZh: pair?.zh ?? '', values: parsed.flatMap((p) => (p ? [p] : [])) });
    }
  }

  // Variants: one per row.
  const hasOptionValues = OPTION_KEYS.some((o) => has(o.value));
  const variants = group.rows.map((r) => {
    const cell = (key: ColumnKey) => (r.values.get(key) ?? '').trim();
    const sku = cell('sku');
    const known = lookups.variantsBySku.get(sku);
    if (known && known.productId !== target.productId) add(r.row, 'sku', 'duplicate', m.importSkuTaken.en);
    const id = known && target.productId && known.productId === target.productId ? known.id : undefined;
    const current = id ? base?.variants.find((v) => v.id === id) : undefined;

    let priceMinor = current?.priceMinor ?? 0;
    if (has('price')) {
      if (!cell('price')) add(r.row, 'price', 'required', m.required.en);
      else priceMinor = money(cell('price'), r.row, 'price') ?? priceMinor;
    } else if (!current) requireForNew('price', r.row);

    let weightGrams = current?.weightGrams ?? 1;
    if (has('weight_grams')) {
      if (!cell('weight_grams')) add(r.row, 'weight_grams', 'required', m.required.en);
      else weightGrams = whole({ text: cell('weight_grams'), row: r.row }, 'weight_grams', weightGrams);
    } else if (!current) requireForNew('weight_grams', r.row);

    let optionValues = current?.optionValues ?? [];
    if (hasOptionValues) {
      optionValues = [];
      OPTION_KEYS.forEach((keys, j) => {
        const value = cell(keys.value);
        const option = options[j];
        if (!option) {
          if (value) add(r.row, keys.value, 'no_such_option', m.importNoSuchOption.en);
          return;
        }
        if (!value) add(r.row, keys.value, 'required', m.importOptionValueMissing.en);
        const lower = value.toLowerCase();
        const match = option.values.find((v) => v.en.toLowerCase() === lower || (v.zh !== '' && v.zh.toLowerCase() === lower));
        optionValues.push(match?.en ?? value);
      });
    }
    const barcode = has('barcode') ? cell('barcode').replace(/\s+/g, '') : (current?.barcode ?? '');
    return { ...(id ? { id } : {}), sku, barcode, weightGrams, priceMinor, optionValues };
  });

  // B2B terms.
  const b2b: ProductContent['b2b'] = { ...(base?.b2b ?? { moq: 1, tiers: [], samplePriceMinor: null, leadTimeDays: 0, incoterms: [] }) };
  const moqCell = productCell('moq');
  if (moqCell) b2b.moq = moqCell.text ? whole(moqCell, 'moq', b2b.moq) : 1;
  const leadCell = productCell('lead_time_days');
  if (leadCell) b2b.leadTimeDays = leadCell.text ? whole(leadCell, 'lead_time_days', b2b.leadTimeDays) : 0;
  const tiersCell = productCell('tiers');
  if (tiersCell) {
    b2b.tiers = [];
    for (const item of splitList(tiersCell.text)) {
      const [q = '', p = '', extra] = item.split('=');
      const minQuantity = parseWhole(q);
      const priceMinor = currency && extra === undefined ? parseMajor(p, currency) : null;
      if (minQuantity === null || priceMinor === null) {
        if (currency) add(tiersCell.row, 'tiers', 'invalid_format', m.importTiers.en);
        break;
      }
      b2b.tiers.push({ minQuantity, priceMinor });
    }
  }
  const sampleCell = productCell('sample_price');
  if (sampleCell) b2b.samplePriceMinor = sampleCell.text ? money(sampleCell.text, sampleCell.row, 'sample_price') : null;
  const incotermsCell = productCell('incoterms');
  if (incotermsCell) {
    const list = splitList(incotermsCell.text).map((s) => s.toUpperCase());
    if (list.some((s) => !(incoterms as readonly string[]).includes(s))) add(incotermsCell.row, 'incoterms', 'invalid_value', m.importIncoterms.en);
    b2b.incoterms = list.filter((s): s is (typeof incoterms)[number] => (incoterms as readonly string[]).includes(s));
  }

  // Compliance.
  const compliance: ProductContent['compliance'] = {
    ...(base?.compliance ?? { hsCode: '', retailSale: true, customsModes: ['9610' as const], indivisible: false, originCountry: 'PK' as const, certifications: [] }),
  };
  // Content stored before the declaration existed has none: not indivisible (see the contract).
  compliance.indivisible = compliance.indivisible === true;
  const hsCell = productCell('hs_code');
  if (hsCell) compliance.hsCode = hsCell.text.replace(/[\s.]/g, '');
  const retailCell = productCell('retail_sale');
  if (retailCell) {
    const answer = retailCell.text.toLowerCase();
    if (!answer || YES.has(answer)) compliance.retailSale = true;
    else if (NO.has(answer)) compliance.retailSale = false;
    else add(retailCell.row, 'retail_sale', 'invalid_value', m.importYesNo.en);
  }
  const modesCell = productCell('customs_modes');
  if (modesCell) {
    const list = ['none', '无'].includes(modesCell.text.toLowerCase()) ? [] : modesCell.text ? splitList(modesCell.text) : ['9610'];
    if (list.some((s) => !(customsModes as readonly string[]).includes(s))) add(modesCell.row, 'customs_modes', 'invalid_value', m.importCustomsModes.en);
    compliance.customsModes = list.filter((s): s is (typeof customsModes)[number] => (customsModes as readonly string[]).includes(s));
  }
  const indivisibleCell = productCell('indivisible');
  if (indivisibleCell) {
    const answer = indivisibleCell.text.toLowerCase();
    if (!answer || NO.has(answer)) compliance.indivisible = false;
    else if (YES.has(answer)) compliance.indivisible = true;
    else add(indivisibleCell.row, 'indivisible', 'invalid_value', m.importYesNo.en);
  }
  const countryCell = productCell('origin_country');
  if (countryCell) {
    const code = countryCell.text.toUpperCase();
    if (!code) add(countryCell.row, 'origin_country', 'required', m.required.en);
    else if (!(countryCodes as readonly string[]).includes(code)) add(countryCell.row, 'origin_country', 'invalid_value', m.importCountry.en);
    else compliance.originCountry = code as (typeof countryCodes)[number];
  } else if (isNew) requireForNew('origin_country', firstRow);
  const certCell = productCell('certifications');
  if (certCell) {
    compliance.certifications = [];
    for (const item of splitList(certCell.text)) {
      const [type = '', number = '', issuer = '', expiresOn = '', documentId = '', ...rest] = item.split('|').map((s) => s.trim());
      const known = certificationTypes.find((t) => t === type.toLowerCase());
      if (rest.length > 0) {
        add(certCell.row, 'certifications', 'invalid_format', m.importCertifications.en);
        break;
      }
      if (!known) {
        add(certCell.row, 'certifications', 'invalid_value', m.importCertificationType.en);
        break;
      }
      compliance.certifications.push({ type: known, number, issuer, expiresOn: expiresOn || null, documentId: documentId || null });
    }
  }

  const eLabel: ProductContent['eLabel'] = { ...(base?.eLabel ?? { nameZh: '', ingredientsZh: '', originZh: '', netContentZh: '', shelfLifeZh: '', storageZh: '', importerZh: '' }) };
  for (const [field, key] of Object.entries(ELABEL_KEYS) as Array<[keyof typeof ELABEL_KEYS, ColumnKey]>) eLabel[field] = text(key, eLabel[field]);

  const descriptionCell = (key: ColumnKey, current: string) => {
    const cell = productCell(key);
    return cell ? cellToRichText(cell.text) : current;
  };
  const input: ProductContentInput = {
    titleEn: text('title_en', base?.titleEn ?? ''),
    titleZh: text('title_zh', base?.titleZh ?? ''),
    subtitleEn: text('subtitle_en', base?.subtitleEn ?? ''),
    subtitleZh: text('subtitle_zh', base?.subtitleZh ?? ''),
    descriptionEn: descriptionCell('description_en', base?.descriptionEn ?? ''),
    descriptionZh: descriptionCell('description_zh', base?.descriptionZh ?? ''),
    originStoryEn: text('origin_story_en', base?.originStoryEn ?? ''),
    originStoryZh: text('origin_story_zh', base?.originStoryZh ?? ''),
    categoryId,
    brandId,
    tags,
    imageIds,
    currency: currency ?? 'CNY',
    options,
    variants,
    b2b,
    compliance,
    eLabel,
  };

  // The content schema and the draft rules, reported at their cells; a cell already reported keeps its first problem.
  const report = (field: string, rule: string, message: string) => {
    const { key, ...found } = issueForField(layout, group, field, rule, message);
    if (flagged.has(`${found.row}:${key}`)) return;
    flagged.add(`${found.row}:${key}`);
    issues.push(found);
  };
  const parsed = productContentSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issue.path.join('.'), issue.code, issue.message);
    return { content: null, issues };
  }
  for (const problem of checkDraftStructure(parsed.data)) {
    const message = problem.rule === 'unknown_option_value' ? m.importUnknownOptionValue.en : problem.message;
    report(problem.field, problem.rule, message);
  }
  return issues.length > 0 ? { content: null, issues } : { content: parsed.data, issues };
}

/** Whether importing this content would change nothing (so the product is left alone, not withdrawn from review). */
export function sameContent(content: ProductContent, current: StoredProductContent): boolean {
  if (content.variants.some((v) => !v.id)) return false;
  const candidate = storedProductContentSchema.safeParse({ ...content, descriptionEn: sanitizeRichText(content.descriptionEn), descriptionZh: sanitizeRichText(content.descriptionZh) });
  return candidate.success && JSON.stringify(candidate.data) === JSON.stringify(storedProductContentSchema.parse(current));
}

// ---------------------------------------------------------------------------------------------
// Writing: content → rows (export, template).

const pair = (en: string, zh: string) => (zh ? `${en}|${zh}` : en);

/** A product's rows, one per variant, in the column order; product columns on every row. */
export function contentToRows(ref: string, content: StoredProductContent | ProductContent, brandName: (id: string) => string): string[][] {
  const c = content;
  const money = (amount: number) => formatMajor(amount, c.currency);
  const product: Partial<Record<ColumnKey, string>> = {
    product_ref: ref,
    title_en: c.titleEn,
    title_zh: c.titleZh,
    category: c.categoryId,
    currency: c.currency,
    subtitle_en: c.subtitleEn,
    subtitle_zh: c.subtitleZh,
    description_en: c.descriptionEn,
    description_zh: c.descriptionZh,
    origin_story_en: c.originStoryEn,
    origin_story_zh: c.originStoryZh,
    brand: c.brandId ? brandName(c.brandId) : '',
    tags: c.tags.join('; '),
    image_ids: c.imageIds.join('; '),
    moq: String(c.b2b.moq),
    tiers: c.b2b.tiers.map((t) => `${t.minQuantity}=${money(t.priceMinor)}`).join('; '),
    sample_price: c.b2b.samplePriceMinor === null ? '' : money(c.b2b.samplePriceMinor),
    lead_time_days: String(c.b2b.leadTimeDays),
    incoterms: c.b2b.incoterms.join('; '),
    hs_code: c.compliance.hsCode,
    retail_sale: c.compliance.retailSale ? 'yes' : 'no',
    customs_modes: c.compliance.customsModes.length ? c.compliance.customsModes.join('; ') : 'none',
    indivisible: c.compliance.indivisible === true ? 'yes' : 'no',
    origin_country: c.compliance.originCountry,
    certifications: c.compliance.certifications
      .map((x) => [x.type, x.number, x.issuer, x.expiresOn ?? '', x.documentId ?? ''].join('|').replace(/\|+$/, ''))
      .join('; '),
  };
  for (const [field, key] of Object.entries(ELABEL_KEYS) as Array<[keyof typeof ELABEL_KEYS, ColumnKey]>) product[key] = c.eLabel[field];
  c.options.forEach((o, i) => {
    const keys = OPTION_KEYS[i];
    if (!keys) return;
    product[keys.name] = pair(o.nameEn, o.nameZh);
    product[keys.values] = o.values.map((v) => pair(v.en, v.zh)).join('; ');
  });
  return c.variants.map((v) => {
    const row: Partial<Record<ColumnKey, string>> = { ...product, sku: v.sku, barcode: v.barcode, weight_grams: String(v.weightGrams), price: money(v.priceMinor) };
    v.optionValues.forEach((value, j) => {
      const keys = OPTION_KEYS[j];
      if (keys) row[keys.value] = value;
    });
    return sheetColumns.map((col) => row[col.key] ?? '');
  });
}

/** The template's example product (its rows are notes: product_ref starts with #). */
export const exampleProduct: ProductContentInput = {
  titleEn: 'Multani blue pottery vase',
  titleZh: '木尔坦蓝陶花瓶',
  subtitleEn: 'Hand-painted cobalt on white',
  subtitleZh: '白底钴蓝手绘',
  descriptionEn: '<p>Thrown and painted by hand in Multan.</p>',
  descriptionZh: '<p>木尔坦手工拉坯彩绘。</p>',
  categoryId: 'pottery-ceramics',
  tags: ['blue pottery', 'handmade'],
  currency: 'PKR',
  options: [{ nameEn: 'Size', nameZh: '尺寸', values: [{ en: 'Small', zh: '小号' }, { en: 'Large', zh: '大号' }] }],
  variants: [
    { sku: 'EX-VASE-S', barcode: '', weightGrams: 900, priceMinor: 450000, optionValues: ['Small'] },
    { sku: 'EX-VASE-L', barcode: '', weightGrams: 1800, priceMinor: 780000, optionValues: ['Large'] },
  ],
  b2b: { moq: 20, tiers: [{ minQuantity: 100, priceMinor: 380000 }], samplePriceMinor: 500000, leadTimeDays: 30, incoterms: ['FOB', 'CIF'] },
  compliance: { hsCode: '6913900000', retailSale: true, customsModes: ['9610'], indivisible: true, originCountry: 'PK', certifications: [] },
  eLabel: { nameZh: '陶瓷花瓶', ingredientsZh: '', originZh: '巴基斯坦', netContentZh: '1 件', shelfLifeZh: '', storageZh: '', importerZh: '' },
};
