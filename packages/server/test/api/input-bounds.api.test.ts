import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_TRADE_QUANTITY, MAX_UNIT_PRICE_MINOR, toCnyFen } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart, pngImage, seedHsRate, vaseContent } from '../support/catalog-fixtures.ts';
import { chinaDate } from '../../src/platform/clock.ts';
import { demoAdmin, demoCompany, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

const DAY = 86_400_000;
type Issue = { field: string; rule: string };
const fields = (res: { json(): unknown }) => (res.json() as { error: { details: Issue[] } }).error.details.map((d) => d.field);

/**
 * Money and quantities are bounded where they enter, so that every amount derived from them (yuan
 * at any allowed rate, totals, tiers × quantity) stays a safe integer: the largest allowed values
 * are shown everywhere, one more is refused naming the field, and dates are real days.
 */
describe('input bounds: money, quantities, rates and dates', () => {
  let ta: TestApp;
  const db = () => ta.testDb.database.db;
  const h: Record<string, Record<string, string>> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    ta.app.inject({ method, url, headers: h[who] ?? {}, ...(payload === undefined ? {} : { payload }) });
  const addRate = (currency: string, rate: string) =>
    call('admin', 'POST', '/api/operator/rates', { currency, rate, effectiveDate: chinaDate(ta.clock.now), source: 'test' });

  before(async () => {
    ta = await createTestApp();
    const email = (name: string) => demoExporters.find((e) => e.tradingNameEn === name)!.member.email;
    for (const [who, login] of Object.entries({
      admin: demoAdmin.email, operator: demoPavilions[0].operator.email, multani: email('Multani Blue'), bula: email('Bula Coconut'), importer: demoCompany.owner.email,
    })) h[who] = bearer(await tokenFor(db(), login));
    await seedHsRate(db(), '6913900000');
  });
  after(() => ta.close());

  test('exchange rates are refused above 0.2 yuan per minor unit (20 per rupee, 0.2 per vatu) or below 0.0001', async () => {
    for (const [currency, rate] of [['PKR', '20.000001'], ['VUV', '0.21'], ['FJD', '999999'], ['PKR', '0.00009']]) {
      const res = await addRate(currency!, rate!);
      assert.equal(res.statusCode, 400, `${currency} ${rate}: ${res.body}`);
      assert.deepEqual(fields(res), ['body.rate']);
    }
    assert.equal((await db().selectFrom('exchange_rates').select('id').execute()).length, 0, 'nothing stored');
    for (const [currency, rate] of [['PKR', '20'], ['VUV', '0.2'], ['FJD', '20']]) assert.equal((await addRate(currency!, rate!)).statusCode, 201);
  });

  test('a product at the highest price and rate shows on every storefront page; one fen of minor unit more is refused', async () => {
    const image = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'vase.png', type: 'image/png', bytes: await pngImage('#1f4e9c') }, {}, h.multani) });
    assert.equal(image.statusCode, 201, image.body);
    const max = MAX_UNIT_PRICE_MINOR;
    const content = vaseContent(image.json().id, {
      titleEn: 'Onyx palace fountain', titleZh: '缟玛瑙宫廷喷泉', options: [],
      variants: [{ sku: 'MB-FOUNTAIN', weightGrams: 1_000_000, priceMinor: max }],
      b2b: { moq: 1000, tiers: [{ minQuantity: MAX_TRADE_QUANTITY, priceMinor: max }], samplePriceMinor: max, leadTimeDays: 30, incoterms: ['FOB'] },
    });
    for (const [over, field] of [
      [{ variants: [{ sku: 'MB-FOUNTAIN', weightGrams: 10, priceMinor: max + 1 }] }, 'body.variants.0.priceMinor'],
      [{ variants: [{ sku: 'MB-FOUNTAIN', weightGrams: 10, priceMinor: 2 ** 53 }] }, 'body.variants.0.priceMinor'],
      [{ b2b: { ...content.b2b!, tiers: [{ minQuantity: 2, priceMinor: max + 1 }] } }, 'body.b2b.tiers.0.priceMinor'],
      [{ b2b: { ...content.b2b!, samplePriceMinor: max + 1 } }, 'body.b2b.samplePriceMinor'],
      [{ b2b: { ...content.b2b!, moq: MAX_TRADE_QUANTITY + 1 } }, 'body.b2b.moq'],
    ] as const) {
      const res = await call('multani', 'POST', '/api/exporter/products', { ...content, ...over });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.deepEqual([...new Set(fields(res))], [field]);
    }
    const created = await call('multani', 'POST', '/api/exporter/products', content);
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.equal((await call('multani', 'POST', `/api/exporter/products/${id}/submit`)).statusCode, 200);
    const revisionId = (await call('operator', 'GET', `/api/operator/products/${id}`)).json().product.working.revisionId;
    const approved = await call('operator', 'POST', `/api/operator/products/${id}/approve`, { revisionId });
    assert.equal(approved.statusCode, 200, approved.body);

    // PKR 10,000,000.00 at 20 yuan a rupee: ¥200,000,000.00.
    const fen = toCnyFen(max, 'PKR', 20_000_000);
    assert.equal(fen, 20_000_000_000);
    const listing = await call('anyone', 'GET', '/api/store/products?pavilion=pakistan');
    assert.equal(listing.statusCode, 200, listing.body);
    assert.equal(listing.json().items.find((c: { id: string }) => c.id === id).price.cnyFen, fen);
    const page = await call('anyone', 'GET', `/api/store/products/${id}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.json().variants[0].price.cnyFen, fen);
    assert.equal(page.json().b2bTiers[0].price.cnyFen, fen);
    assert.equal((await call('anyone', 'GET', '/api/store/pavilions/pakistan')).statusCode, 200);
    const search = await call('anyone', 'GET', `/api/store/search?q=${encodeURIComponent('缟玛瑙')}`);
    assert.equal(search.statusCode, 200, search.body);
    assert.ok(search.json().items.some((i: { id: string }) => i.id === id));
  });

  test('an RFQ and its quotes: quantities and prices past the bounds are refused, the largest allowed ones compare', async () => {
    const rfq = {
      pavilionId: null, descriptionEn: 'Coconut oil soap, 100 g', categoryId: 'soaps-bath', quantity: MAX_TRADE_QUANTITY, unit: 'piece', incoterm: 'CIF',
      destinationPort: 'Shanghai', deadline: new Date(ta.clock.now.getTime() + 7 * DAY).toISOString(),
    };
    const tooMany = await call('importer', 'POST', '/api/trade/rfqs', { ...rfq, quantity: 1_000_000_000 });
    assert.equal(tooMany.statusCode, 400, tooMany.body);
    assert.deepEqual(fields(tooMany), ['body.quantity']);
    const inquiry = await call('importer', 'POST', '/api/trade/inquiries', {
      exporterId: (await db().selectFrom('exporters').select('id').where('trading_name_en', '=', 'Bula Coconut').executeTakeFirstOrThrow()).id,
      quantity: MAX_TRADE_QUANTITY + 1, unit: 'piece', targetPrice: { amount: MAX_UNIT_PRICE_MINOR + 1, currency: 'FJD' }, message: 'Price for a container?',
    });
    assert.equal(inquiry.statusCode, 400, inquiry.body);
    assert.deepEqual(fields(inquiry), ['body.quantity', 'body.targetPrice.amount']);

    // Bula Coconut makes soaps (the demo catalog would say so; this test's database has no catalog).
    const bulaId = (await db().selectFrom('exporters').select('id').where('trading_name_en', '=', 'Bula Coconut').executeTakeFirstOrThrow()).id;
    await db().insertInto('exporter_categories').values({ exporter_id: bulaId, category_id: 'soaps-bath' }).execute();
    const posted = await call('importer', 'POST', '/api/trade/rfqs', rfq);
    assert.equal(posted.statusCode, 201, posted.body);
    const rfqId = posted.json().id as string;
    const quote = {
      currency: 'FJD', tiers: [{ minQuantity: 1, unitPriceMinor: MAX_UNIT_PRICE_MINOR }], incoterm: 'CIF', port: 'Suva', leadTimeDays: 30,
      validUntil: chinaDate(new Date(ta.clock.now.getTime() + 30 * DAY)), ttDepositPercent: 30, letterOfCredit: false, sampleAvailable: true, samplePriceMinor: MAX_UNIT_PRICE_MINOR,
    };
    for (const [over, field] of [
      [{ tiers: [{ minQuantity: 1, unitPriceMinor: MAX_UNIT_PRICE_MINOR + 1 }] }, 'body.tiers.0.unitPriceMinor'],
      [{ tiers: [{ minQuantity: MAX_TRADE_QUANTITY + 1, unitPriceMinor: 100 }] }, 'body.tiers.0.minQuantity'],
      [{ samplePriceMinor: MAX_UNIT_PRICE_MINOR + 1 }, 'body.samplePriceMinor'],
    ] as const) {
      const res = await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, { ...quote, ...over });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.deepEqual(fields(res), [field]);
    }
    const quoted = await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote);
    assert.equal(quoted.statusCode, 201, quoted.body);

    // FJD 10,000,000.00 a piece × 100,000 pieces at 20 yuan a dollar: ¥20,000,000,000,000.00, a safe integer of fen.
    const comparison = await call('importer', 'GET', `/api/trade/rfqs/${rfqId}/quotes`);
    assert.equal(comparison.statusCode, 200, comparison.body);
    const [line] = comparison.json().items;
    assert.equal(line.unitFen, 20_000_000_000);
    assert.equal(line.totalFen, 2_000_000_000_000_000);
    assert.ok(Number.isSafeInteger(line.totalFen));
    assert.equal((await call('bula', 'GET', '/api/exporter/rfqs')).statusCode, 200);
    assert.equal((await call('bula', 'GET', `/api/exporter/rfqs/${rfqId}`)).statusCode, 200);
    const huge = await call('importer', 'GET', `/api/trade/rfqs/${rfqId}/quotes?quantity=1000000000`);
    assert.equal(huge.statusCode, 400);
    assert.deepEqual(fields(huge), ['querystring.quantity']);
  });

  test('shipping template prices are bounded', async () => {
    const warehouse = await call('multani', 'POST', '/api/exporter/warehouses', { kind: 'origin', name: 'Multan workshop', city: 'Multan', countryCode: 'PK' });
    assert.equal(warehouse.statusCode, 201, warehouse.body);
    const warehouseId = warehouse.json().id as string;
    const template = (stepPriceFen: number) => ({
      rates: { default: { firstWeightGrams: 1000, firstPriceFen: 1200, stepWeightGrams: 1, stepPriceFen } }, provinceGroups: {}, defaultGroup: 'default', freeFromGoodsValueFen: null,
    });
    const res = await call('multani', 'PUT', `/api/exporter/warehouses/${warehouseId}/shipping-template`, template(100_000_000));
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(fields(res), ['body.rates.default.stepPriceFen']);
    assert.equal((await call('multani', 'PUT', `/api/exporter/warehouses/${warehouseId}/shipping-template`, template(1_000_000))).statusCode, 200);
  });

  test('a date that does not exist is refused naming the field on the order lists (not a 500)', async () => {
    for (const [who, url] of [['multani', '/api/exporter/orders'], ['operator', '/api/operator/orders']] as const) {
      for (const q of ['from=0000-00-00', 'to=0000-00-00', 'from=2026-02-30', 'to=2026-13-01']) {
        const res = await call(who, 'GET', `${url}?${q}`);
        assert.equal(res.statusCode, 400, `${url}?${q}: ${res.body}`);
        assert.deepEqual(fields(res), [`querystring.${q.slice(0, q.indexOf('='))}`]);
      }
      assert.equal((await call(who, 'GET', `${url}?from=2024-02-29&to=2026-12-31`)).statusCode, 200);
    }
  });
});
