import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseMajor, parseRate, productContentSchema, toCnyFen, type CurrencyCode } from '@pavilion/contracts';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { checkDraftStructure, checkPublication } from '../catalog/index.ts';
import { suggestedFoodMark } from '../hs-rates/index.ts';
import { demoHsRates, demoProducts, demoRates } from './demo-catalog-data.ts';
import type { DemoProduct } from './demo-catalog.types.ts';
import { demoExporters, demoPavilions } from './demo-data.ts';

/** The demo world is seeded "today"; certificates and rates are judged on this day. */
const SEED_DAY = '2026-11-22';
/** 财关税〔2018〕49号: ¥5,000 per order; the demo holds exactly one single item above it (the checkout exception). */
const ORDER_LIMIT_FEN = 500_000;
const HIGH_VALUE_CEILING_FEN = 800_000;

const currencyOf: Record<string, CurrencyCode> = { PK: 'PKR', FJ: 'FJD', WS: 'WST', TO: 'TOP', VU: 'VUV', PG: 'PGK' };
const exporterOf = (p: DemoProduct) => demoExporters.find((e) => e.member.email === p.exporter);
const isRetail = (p: DemoProduct) => p.retailSale !== false;
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** The rate in force on the seed day for a currency, in millionths. */
function rateMicro(currency: CurrencyCode): number {
  const rate = demoRates
    .filter((r) => r.currency === currency && r.effectiveDate <= SEED_DAY)
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))[0];
  assert.ok(rate, `no rate in force for ${currency}`);
  const micro = parseRate(rate.rate);
  assert.ok(micro, `rate ${rate.rate} for ${currency} does not parse`);
  return micro;
}

const minor = (price: string, currency: CurrencyCode): number => {
  const amount = parseMajor(price, currency);
  assert.ok(amount !== null, `price "${price}" does not parse in ${currency}`);
  return amount;
};
const fen = (p: DemoProduct, price: string): number => toCnyFen(minor(price, p.currency), p.currency, rateMicro(p.currency));
const label = (p: DemoProduct) => `${p.exporter}: ${p.titleEn}`;

/** The product as the exporter would submit it (what the seed builds), so the schema and the rules can judge it. */
function toContent(p: DemoProduct) {
  return productContentSchema.parse({
    titleEn: p.titleEn,
    titleZh: p.titleZh,
    subtitleEn: p.subtitleEn,
    subtitleZh: p.subtitleZh,
    descriptionEn: p.descriptionEn.map((t) => `<p>${t}</p>`).join(''),
    descriptionZh: p.descriptionZh.map((t) => `<p>${t}</p>`).join(''),
    originStoryEn: p.originStoryEn,
    originStoryZh: p.originStoryZh,
    categoryId: p.category,
    tags: p.tags,
    imageIds: ['6f1c2b1e-8d8a-4a4e-9a53-2f8f2b6d0c11'],
    currency: p.currency,
    options: p.options ?? [],
    variants: p.variants.map((v) => ({
      sku: v.sku,
      barcode: v.barcode ?? '',
      weightGrams: v.weightGrams,
      priceMinor: minor(v.price, p.currency),
      optionValues: v.optionValues ?? [],
    })),
    b2b: {
      moq: p.b2b.moq,
      tiers: p.b2b.tiers.map((t) => ({ minQuantity: t.minQuantity, priceMinor: minor(t.price, p.currency) })),
      samplePriceMinor: p.b2b.samplePrice === null ? null : minor(p.b2b.samplePrice, p.currency),
      leadTimeDays: p.b2b.leadTimeDays,
      incoterms: p.b2b.incoterms,
    },
    compliance: {
      hsCode: p.hsCode,
      retailSale: isRetail(p),
      customsModes: p.customsModes,
      originCountry: p.originCountry,
      certifications: p.certifications ?? [],
    },
    eLabel: p.eLabel,
  });
}

describe('demo catalog data', () => {
  let database: Database;
  const categories = new Map<string, { isFood: boolean }>();

  before(async () => {
    database = openDatabase({ database: { dialect: 'sqlite', file: ':memory:' } });
    await migrateToLatest(database.db);
    const rows = await database.db.selectFrom('categories').select(['id', 'is_food']).execute();
    for (const row of rows) categories.set(row.id, { isFood: Boolean(row.is_food) });
  });
  after(() => database.destroy());

  test('at least 84 products, 4 to 6 for every approved exporter and none for the pending ones', () => {
    assert.ok(demoProducts.length >= 84, `only ${demoProducts.length} products`);
    for (const e of demoExporters) {
      const count = demoProducts.filter((p) => p.exporter === e.member.email).length;
      if (e.status === 'approved') assert.ok(count >= 4 && count <= 6, `${e.tradingNameEn} has ${count} products`);
      else assert.equal(count, 0, `${e.tradingNameEn} is ${e.status} but has products`);
    }
    for (const p of demoProducts) {
      const exporter = exporterOf(p);
      assert.ok(exporter, `${label(p)}: unknown exporter`);
      assert.equal(exporter.status, 'approved', `${label(p)}: exporter not approved`);
      assert.equal(p.originCountry, exporter.country, `${label(p)}: origin differs from the exporter's country`);
      assert.equal(p.currency, currencyOf[exporter.country], `${label(p)}: not priced in the exporter's currency`);
    }
  });

  test('every pavilion has at least 8 approved exporters, and one pending', () => {
    for (const pavilion of demoPavilions) {
      const mine = demoExporters.filter((e) => e.pavilion === pavilion.slug);
      assert.ok(mine.filter((e) => e.status === 'approved').length >= 8, pavilion.slug);
      assert.ok(mine.some((e) => e.status === 'pending'), pavilion.slug);
      for (const e of mine) assert.ok((pavilion.countries as readonly string[]).includes(e.country), `${e.tradingNameEn} is outside ${pavilion.slug}`);
    }
    const emails = demoExporters.map((e) => e.member.email);
    assert.equal(new Set(emails).size, emails.length, 'member emails repeat');
  });

  test('exporter applications: known categories, and a GACC number with the manufacturer exactly for food makers', () => {
    for (const e of demoExporters) {
      assert.ok(e.address.length > 10 && e.registrationNumber.length > 3, e.tradingNameEn);
      assert.ok(e.categories.length > 0, e.tradingNameEn);
      for (const c of e.categories) assert.ok(categories.has(c), `${e.tradingNameEn}: unknown category ${c}`);
      const food = e.categories.some((c) => categories.get(c)?.isFood);
      if (food) {
        assert.match(e.gaccRegistrationNumber ?? '', /^C[A-Z]{3}\d{14}$/, `${e.tradingNameEn}: GACC number`);
        assert.ok(e.manufacturerName && e.manufacturerAddress, `${e.tradingNameEn}: manufacturer`);
      } else {
        assert.equal(e.gaccRegistrationNumber, null, `${e.tradingNameEn} makes no food`);
      }
    }
  });

  test('every category is in the base tree and every HS code in the rate table', () => {
    const codes = new Set(demoHsRates.map((r) => r.hsCode));
    assert.equal(codes.size, demoHsRates.length, 'HS codes repeat in demoHsRates');
    for (const r of demoHsRates) {
      assert.match(r.hsCode, /^\d{10}$/);
      assert.ok([900, 1300].includes(r.vatRateBp), `${r.hsCode}: VAT ${r.vatRateBp}`);
      assert.ok(r.descriptionEn && hasChinese(r.descriptionZh), r.hsCode);
    }
    for (const p of demoProducts) {
      assert.ok(categories.has(p.category), `${label(p)}: unknown category ${p.category}`);
      assert.ok(codes.has(p.hsCode), `${label(p)}: HS code ${p.hsCode} not in demoHsRates`);
    }
    const used = new Set(demoProducts.map((p) => p.hsCode));
    for (const code of codes) assert.ok(used.has(code), `${code} is in demoHsRates but no product uses it`);
  });

  test('kava is for importers only; bonded-only codes are sold through the bonded warehouse', () => {
    for (const p of demoProducts) {
      const rate = demoHsRates.find((r) => r.hsCode === p.hsCode);
      if (rate && !rate.retailEligible) assert.equal(p.retailSale, false, `${label(p)}: not on the Positive List`);
      if (rate?.retailModes === '1210') assert.deepEqual(p.customsModes, ['1210'], label(p));
      const bonded = p.customsModes.includes('1210');
      for (const v of p.variants) {
        if (!bonded) assert.equal(v.bondedStock, undefined, `${v.sku}: bonded stock without mode 1210`);
      }
      if (bonded) assert.ok(p.variants.some((v) => (v.bondedStock ?? 0) > 0), `${label(p)}: mode 1210 without bonded stock`);
    }
    assert.ok(demoProducts.some((p) => p.category === 'kava' && p.retailSale === false));
  });

  test('SKUs are unique per exporter; stock, weights, options and barcodes are sound', () => {
    const seen = new Map<string, Set<string>>();
    let outOfStock = 0;
    let low = 0;
    for (const p of demoProducts) {
      const skus = seen.get(p.exporter) ?? new Set<string>();
      seen.set(p.exporter, skus);
      for (const v of p.variants) {
        assert.match(v.sku, /^[A-Za-z0-9._/-]+$/);
        assert.ok(!skus.has(v.sku.toUpperCase()), `${v.sku} repeats`);
        skus.add(v.sku.toUpperCase());
        assert.ok(Number.isInteger(v.weightGrams) && v.weightGrams > 0, v.sku);
        for (const stock of [v.stock, v.bondedStock ?? 0]) assert.ok(Number.isInteger(stock) && stock >= 0 && stock <= 300, v.sku);
        if (v.stock === 0) outOfStock += 1;
        if (v.stock >= 1 && v.stock <= 5) low += 1;
        assert.equal((v.optionValues ?? []).length, (p.options ?? []).length, `${v.sku}: one value per option`);
        if (v.barcode) {
          const digits = [...v.barcode].map(Number);
          const check = digits.pop();
          const sum = digits.reduce((s, d, i) => s + d * (i % 2 ? 3 : 1), 0);
          assert.equal(check, (10 - (sum % 10)) % 10, `${v.sku}: EAN-13 check digit`);
        }
      }
    }
    assert.ok(outOfStock >= 3 && low >= 3, `out of stock ${outOfStock}, low ${low}`);
  });

  test('texts fit the content limits and the Chinese is Chinese', () => {
    for (const p of demoProducts) {
      assert.ok(p.titleZh.length <= 60 && hasChinese(p.titleZh), `${label(p)}: titleZh`);
      assert.ok(p.titleEn.length <= 120 && p.subtitleEn.length <= 200 && p.subtitleZh.length <= 100, `${label(p)}: title or subtitle too long`);
      assert.ok(hasChinese(p.subtitleZh) && hasChinese(p.originStoryZh) && hasChinese(p.eLabel.nameZh), label(p));
      assert.equal(p.descriptionEn.length, 2, `${label(p)}: two English paragraphs`);
      assert.equal(p.descriptionZh.length, 2, `${label(p)}: two Chinese paragraphs`);
      assert.ok(p.descriptionZh.every(hasChinese), label(p));
      assert.ok(p.tags.length <= 20 && p.tags.every((t) => t.length >= 1 && t.length <= 30), `${label(p)}: tags`);
      assert.ok(p.tags.some(hasChinese) && p.tags.some((t) => !hasChinese(t)), `${label(p)}: tags in both languages`);
    }
  });

  test('every price parses in its currency and is above zero; tiers are cheaper than the unit price', () => {
    for (const p of demoProducts) {
      const prices = p.variants.map((v) => minor(v.price, p.currency));
      for (const amount of prices) assert.ok(amount > 0, label(p));
      const cheapest = Math.min(...prices);
      for (const t of p.b2b.tiers) {
        const amount = minor(t.price, p.currency);
        assert.ok(amount > 0 && amount < cheapest, `${label(p)}: tier ${t.minQuantity} at ${t.price}`);
      }
      if (p.b2b.samplePrice !== null) assert.ok(minor(p.b2b.samplePrice, p.currency) > 0, label(p));
    }
  });

  test('exactly one retail product costs ¥5,000–8,000; every other retail variant stays under ¥5,000', () => {
    const high = demoProducts.filter((p) => {
      if (!isRetail(p)) return false;
      const least = Math.min(...p.variants.map((v) => fen(p, v.price)));
      return least >= ORDER_LIMIT_FEN && least <= HIGH_VALUE_CEILING_FEN;
    });
    assert.deepEqual(high.map((p) => p.titleEn), ['Fiji black pearl strand necklace, 8–10 mm']);
    for (const p of demoProducts.filter((x) => isRetail(x) && !high.includes(x))) {
      for (const v of p.variants) assert.ok(fen(p, v.price) < ORDER_LIMIT_FEN, `${v.sku}: ¥${fen(p, v.price) / 100}`);
    }
  });

  test('rates: the October set for every currency used, and an older September set for history', () => {
    for (const currency of new Set(demoProducts.map((p) => p.currency))) {
      assert.ok(demoRates.some((r) => r.currency === currency && r.effectiveDate === '2026-10-21'), currency);
    }
    assert.ok(demoRates.some((r) => r.currency === 'PKR' && r.effectiveDate === '2026-09-16'));
    assert.ok(demoRates.some((r) => r.currency === 'FJD' && r.effectiveDate === '2026-09-16'));
    for (const r of demoRates) assert.ok(parseRate(r.rate), r.rate);
  });

  test('every certificate is valid on the seed day; no two pictures look the same', () => {
    for (const p of demoProducts) {
      for (const c of p.certifications ?? []) assert.ok(c.expiresOn === null || c.expiresOn >= SEED_DAY, `${label(p)}: ${c.type} expired`);
    }
    const triples = demoProducts.map((p) => `${p.art.background.toLowerCase()}|${p.art.accent.toLowerCase()}|${p.art.motif}`);
    assert.equal(new Set(triples).size, triples.length, 'two products share background, accent and motif');
    for (const p of demoProducts) {
      assert.match(p.art.background, /^#[0-9a-f]{6}$/i);
      assert.match(p.art.accent, /^#[0-9a-f]{6}$/i);
      assert.ok(p.publishedDaysAgo >= 0 && p.publishedDaysAgo <= 90 && p.salesCount >= 0 && p.salesCount <= 2000, label(p));
    }
  });

  test('each product, as submitted, passes the content schema, the draft structure and the publication rules', () => {
    for (const p of demoProducts) {
      const content = toContent(p);
      assert.deepEqual(checkDraftStructure(content), [], label(p));
      const exporter = exporterOf(p);
      const rate = demoHsRates.find((r) => r.hsCode === p.hsCode);
      const issues = checkPublication(content, {
        exporterStatus: exporter?.status ?? 'missing',
        exporterGaccNumber: exporter?.gaccRegistrationNumber ?? null,
        category: categories.get(p.category) ?? null,
        hsRate: rate ? { retailEligible: rate.retailEligible, retailModes: rate.retailModes, isFood: suggestedFoodMark(rate.hsCode) } : null,
        brandExists: true,
        today: SEED_DAY,
      });
      assert.deepEqual(issues, [], label(p));
    }
  });
});
