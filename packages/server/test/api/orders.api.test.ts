import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { OrderDetail, PlacedCheckout, Quote } from '@pavilion/contracts';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { seedBuyerProfile } from '../support/buyer-fixtures.ts';
import { dumpDatabase } from '../support/db-dump.ts';
import { demoBuyer, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { RISK_NOTICE } from '../../src/features/orders/order.rules.ts';
import { createSession } from '../../src/platform/sessions.ts';

/** Quote and placement of cross-border retail orders, over the demo catalog. */
describe('checkout and orders', () => {
  let ta: TestApp;
  let buyer: string;
  let profile: { addressId: string; identityId: string; idNumber: string };
  const variant = new Map<string, string>();
  const db = () => ta.testDb.database.db;

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => ta.app.inject({ method: 'POST', url, headers: { ...bearer(buyer), ...headers }, payload });
  const lines = (...items: Array<[string, number]>) => items.map(([sku, quantity]) => ({ variantId: variant.get(sku) ?? sku, quantity }));
  const body = (items: Array<[string, number]>) => ({ lines: lines(...items), addressId: profile.addressId, identityId: profile.identityId });
  const place = (items: Array<[string, number]>, key = randomUUID()) => post('/api/store/orders', { ...body(items), riskNoticeVersion: RISK_NOTICE.version }, { 'idempotency-key': key });
  const stockOf = async (sku: string) => {
    const rows = await db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variant.get(sku) ?? '').execute();
    return { onHand: rows.reduce((n, r) => n + r.on_hand, 0), reserved: rows.reduce((n, r) => n + r.reserved, 0) };
  };

  before(async () => {
    ta = await createTestApp({ catalog: true });
    buyer = await tokenFor(db(), demoBuyer.phone);
    const user = await db().selectFrom('users').select('id').where('phone', '=', demoBuyer.phone).executeTakeFirstOrThrow();
    profile = await seedBuyerProfile(db(), user.id);
    for (const v of await db().selectFrom('variants').select(['id', 'sku']).execute()) variant.set(v.sku, v.id);
  });
  after(() => ta.close());

  test('a quote groups lines by exporter, warehouse and customs mode; goods, freight and tax add up to the fen', async () => {
    const res = await post('/api/store/checkout/quote', body([['MB-VASE-20', 1], ['BC-VCO-250', 2], ['BC-SOAP3-FRG', 1]]));
    assert.equal(res.statusCode, 200, res.body);
    const quote = res.json() as Quote;
    assert.equal(quote.shipments.length, 3, 'vase by direct mail; oil from the bonded warehouse; soap by direct mail from Fiji');
    const modes = quote.shipments.map((s) => `${s.exporter.nameEn}:${s.customsMode}`).sort();
    assert.deepEqual(modes, ['Bula Coconut:1210', 'Bula Coconut:9610', 'Multani Blue:9610']);
    for (const s of quote.shipments) {
      assert.equal(s.totalFen, s.goodsFen + s.freightFen + s.taxFen);
      assert.equal(s.lines.reduce((n, l) => n + l.goodsFen, 0), s.goodsFen);
      assert.equal(s.lines.reduce((n, l) => n + l.freightFen, 0), s.freightFen);
      assert.equal(s.lines.reduce((n, l) => n + l.taxFen, 0), s.taxFen);
      for (const l of s.lines) assert.equal(l.goodsFen, l.unitFen * l.quantity);
      assert.ok(s.exchangeRate, 'the rate used is part of the answer');
      assert.ok(s.taxFen > 0);
    }
    assert.equal(quote.totalFen, quote.shipments.reduce((n, s) => n + s.totalFen, 0));
    assert.equal(quote.riskNotice.version, RISK_NOTICE.version);
    // The CBEC formula on one line: 70% of VAT (13%, no consumption tax) on goods + freight.
    const vase = quote.shipments.find((s) => s.exporter.nameEn === 'Multani Blue')!;
    assert.equal(vase.taxFen, Math.round(((vase.goodsFen + vase.freightFen) * 1300 * 7) / 100_000));
  });

  test('limits: over ¥5,000 for several items is refused saying by how much; one item over ¥5,000 is taxed in full', async () => {
    // The pearl and a vase are two exporters: two customs orders, the pearl's one item over ¥5,000 alone.
    const mixed = await post('/api/store/checkout/quote', body([['SP-STRAND-45', 1], ['MB-VASE-20', 1]]));
    assert.equal(mixed.statusCode, 200, mixed.body);
    assert.deepEqual((mixed.json() as Quote).shipments.map((s) => s.regime).sort(), ['cbec', 'general']);
    const single = await post('/api/store/checkout/quote', body([['SP-STRAND-45', 1]]));
    assert.equal(single.statusCode, 200, single.body);
    const q = single.json() as Quote;
    assert.equal(q.shipments[0]?.regime, 'general');
    assert.ok(q.shipments[0]?.notice);
    const two = await post('/api/store/checkout/quote', body([['SP-STRAND-45', 2]]), { 'accept-language': 'en' });
    assert.equal(two.statusCode, 422);
    assert.equal(two.json().error.code, 'ORDER_LIMIT_EXCEEDED');
    assert.match(two.json().error.message, /over the ¥5,000\.00 allowed|over/);
    assert.ok(two.json().error.details.overByFen > 0);
    assert.ok(two.json().error.message.includes(`¥${(two.json().error.details.overByFen / 100).toFixed(2)}`) || /\d/.test(two.json().error.message), two.json().error.message);
    const zh = await post('/api/store/checkout/quote', body([['SP-STRAND-45', 2]]), { 'accept-language': 'zh-CN' });
    assert.match(zh.json().error.message, /超出/);
  });

  test('the single item taxed in full pays the MFN tariff, then consumption tax and VAT on the value with it; the quote and the order show each part', async () => {
    // The pearl strand: HS 7116100000, tariff 20%, consumption tax 10%, VAT 13% (the demo table).
    const res = await post('/api/store/checkout/quote', body([['SP-STRAND-45', 1]]));
    assert.equal(res.statusCode, 200, res.body);
    const quote = res.json() as Quote;
    const pearl = quote.shipments[0]!;
    const p = pearl.goodsFen + pearl.freightFen;
    const halfUp = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));
    // tariff = P × 20%; CT = (P + tariff) / (1 − 10%) × 10% = 2P/15; VAT = (P + tariff + CT) × 13% = 13P/75.
    const expected = { tariffFen: halfUp(p * 2000, 10_000), consumptionTaxFen: halfUp(p * 2, 15), vatFen: halfUp(p * 13, 75) };
    assert.ok(expected.tariffFen > 100_000, 'a tariff of more than ¥1,000 on a strand of about ¥7,000');
    assert.deepEqual(pearl.taxParts, expected);
    assert.equal(pearl.taxFen, expected.tariffFen + expected.consumptionTaxFen + expected.vatFen);
    assert.deepEqual(quote.taxParts, expected);
    assert.match(pearl.notice ?? '', /关税/);

    const placed = (await place([['SP-STRAND-45', 1]])).json() as PlacedCheckout;
    const order = placed.orders[0]!;
    assert.equal(order.regime, 'general');
    assert.deepEqual(order.taxParts, expected);
    assert.equal(order.taxFen, pearl.taxFen);
    const line = await db().selectFrom('order_lines').select(['tariff_rate_bp', 'tariff_fen', 'consumption_tax_fen', 'vat_fen', 'tax_fen']).where('order_id', '=', order.id).executeTakeFirstOrThrow();
    assert.deepEqual([line.tariff_rate_bp, Number(line.tariff_fen), Number(line.consumption_tax_fen), Number(line.vat_fen), Number(line.tax_fen)], [2000, expected.tariffFen, expected.consumptionTaxFen, expected.vatFen, pearl.taxFen]);
    // Within the limits the tariff stays 0 and the 70% rule holds.
    const vase = ((await post('/api/store/checkout/quote', body([['MB-VASE-20', 1]]))).json() as Quote).shipments[0]!;
    assert.equal(vase.taxParts.tariffFen, 0);
    assert.equal(vase.taxParts.vatFen, halfUp((vase.goodsFen + vase.freightFen) * 1300 * 7, 100_000));
    assert.equal((await post(`/api/store/orders/${order.id}/cancel`, {})).statusCode, 200, 'its allowance goes back');
  });

  test('a set of 2 mugs over ¥5,000 is not one item: refused, saying what remains of the year; declared indivisible, its tariff must be known', async () => {
    const mugs = variant.get('MB-MUG2-COB')!;
    const original = await db().selectFrom('variants').select(['live_price_minor', 'product_id']).where('id', '=', mugs).executeTakeFirstOrThrow();
    // About ¥5,100 in rupees.
    await db().updateTable('variants').set({ live_price_minor: 20_000_000 }).where('id', '=', mugs).execute();
    const zh = await post('/api/store/checkout/quote', body([['MB-MUG2-COB', 1]]), { 'accept-language': 'zh-CN' });
    assert.equal(zh.statusCode, 422, zh.body);
    assert.equal(zh.json().error.code, 'ORDER_LIMIT_EXCEEDED');
    const remaining = zh.json().error.details.annualRemainingFen as number;
    const yuan = `¥${(remaining / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    assert.ok(zh.json().error.message.includes(`年度剩余额度为 ${yuan}`), zh.json().error.message);
    const en = await post('/api/store/checkout/quote', body([['MB-MUG2-COB', 1]]), { 'accept-language': 'en' });
    assert.ok(en.json().error.message.includes(`${yuan} of the buyer's`), en.json().error.message);

    // Had the exporter declared one unit indivisible, the exception would apply, but only with the code's tariff known.
    const product = await db().selectFrom('products').select('live_revision_id').where('id', '=', original.product_id).executeTakeFirstOrThrow();
    const revision = await db().selectFrom('product_revisions').select('content').where('id', '=', product.live_revision_id!).executeTakeFirstOrThrow();
    const content = JSON.parse(revision.content);
    await db().updateTable('product_revisions').set({ content: JSON.stringify({ ...content, compliance: { ...content.compliance, indivisible: true } }) }).where('id', '=', product.live_revision_id!).execute();
    const noTariff = await post('/api/store/checkout/quote', body([['MB-MUG2-COB', 1]]), { 'accept-language': 'zh-CN' });
    assert.equal(noTariff.statusCode, 409, noTariff.body);
    assert.equal(noTariff.json().error.code, 'NOT_PURCHASABLE');
    assert.match(noTariff.json().error.message, /6912001000 的进口关税税率尚未设置/);
    await db().updateTable('hs_rates').set({ tariff_rate_bp: 1000 }).where('hs_code', '=', '6912001000').execute();
    const accepted = await post('/api/store/checkout/quote', body([['MB-MUG2-COB', 1]]));
    assert.equal(accepted.statusCode, 200, accepted.body);
    const shipment = (accepted.json() as Quote).shipments[0]!;
    assert.equal(shipment.regime, 'general');
    const halfUp = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));
    assert.equal(shipment.taxParts.tariffFen, halfUp((shipment.goodsFen + shipment.freightFen) * 1000, 10_000));

    await db().updateTable('hs_rates').set({ tariff_rate_bp: null }).where('hs_code', '=', '6912001000').execute();
    await db().updateTable('product_revisions').set({ content: revision.content }).where('id', '=', product.live_revision_id!).execute();
    await db().updateTable('variants').set({ live_price_minor: original.live_price_minor }).where('id', '=', mugs).execute();
  });

  test('placing reserves stock, snapshots prices and identity, and the same key gives the same orders', async () => {
    const before = await stockOf('MB-VASE-20');
    const key = randomUUID();
    const res = await place([['MB-VASE-20', 2], ['BC-VCO-250', 1]], key);
    assert.equal(res.statusCode, 201, res.body);
    const placed = res.json() as PlacedCheckout;
    assert.equal(placed.orders.length, 2);
    assert.ok(placed.orders.every((o) => o.status === 'pending_payment' && /^PV\d{8}-[0-9A-Z]{6}$/.test(o.number)));
    assert.equal(placed.totalFen, placed.orders.reduce((n, o) => n + o.totalFen, 0));
    assert.deepEqual(placed.orders[0]?.identity, { nameMasked: '李*', idNumberMasked: `${profile.idNumber.slice(0, 6)}********${profile.idNumber.slice(-4)}` });
    assert.equal((await stockOf('MB-VASE-20')).reserved, before.reserved + 2);
    // The orders keep the identity sealed and masked: its number and name are nowhere in clear.
    const dump = await dumpDatabase(db());
    assert.ok(dump.includes(placed.orders[0]!.number));
    assert.ok(!dump.includes(profile.idNumber), 'no ID number in clear (the name is also the display name and the consignee, so it is not looked for)');

    const again = await place([['MB-VASE-20', 2], ['BC-VCO-250', 1]], key);
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().checkoutId, placed.checkoutId);
    assert.equal((await stockOf('MB-VASE-20')).reserved, before.reserved + 2, 'nothing reserved twice');
    const other = await place([['MB-VASE-20', 1]], key);
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().error.code, 'IDEMPOTENCY_CONFLICT');

    // A later price change never alters the order.
    const pk = await tokenFor(db(), demoExporters[0].member.email);
    const orderId = placed.orders.find((o) => o.exporter.nameEn === 'Multani Blue')!.id;
    const beforeChange = (await ta.app.inject({ method: 'GET', url: `/api/store/orders/${orderId}`, headers: bearer(buyer) })).json() as OrderDetail;
    await db().updateTable('variants').set({ live_price_minor: 999_900 }).where('id', '=', variant.get('MB-VASE-20') ?? '').execute();
    const afterChange = (await ta.app.inject({ method: 'GET', url: `/api/store/orders/${orderId}`, headers: bearer(buyer) })).json() as OrderDetail;
    assert.deepEqual(afterChange.lines, beforeChange.lines);
    await db().updateTable('variants').set({ live_price_minor: 480_000 }).where('id', '=', variant.get('MB-VASE-20') ?? '').execute();

    // The exporter sees its order without the identity; another exporter does not see it at all.
    const mine = await ta.app.inject({ method: 'GET', url: `/api/exporter/orders/${orderId}`, headers: bearer(pk) });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().identity, null);
    assert.ok(!mine.body.includes(profile.idNumber.slice(6, 14)));
    const otherExporter = await tokenFor(db(), demoExporters[4].member.email);
    assert.equal((await ta.app.inject({ method: 'GET', url: `/api/exporter/orders/${orderId}`, headers: bearer(otherExporter) })).statusCode, 404);
    const operator = await tokenFor(db(), demoPavilions[0].operator.email);
    const list = await ta.app.inject({ method: 'GET', url: '/api/operator/orders?status=pending_payment', headers: bearer(operator) });
    assert.ok(list.json().items.some((o: { id: string }) => o.id === orderId));
    const pacificOperator = await tokenFor(db(), demoPavilions[1].operator.email);
    assert.equal((await ta.app.inject({ method: 'GET', url: `/api/operator/orders/${orderId}`, headers: bearer(pacificOperator) })).statusCode, 404);
  });

  test('stock never goes below zero: concurrent buyers of the last units, exactly the units are sold', async () => {
    const sku = 'MB-VASE-40';
    const { onHand, reserved } = await stockOf(sku);
    const left = onHand - reserved;
    assert.ok(left > 0 && left < 10);
    const results = await Promise.all(Array.from({ length: left + 5 }, () => place([[sku, 1]])));
    const ok = results.filter((r) => r.statusCode === 201).length;
    assert.equal(ok, left);
    assert.ok(results.filter((r) => r.statusCode !== 201).every((r) => r.statusCode === 409 && r.json().error.code === 'OUT_OF_STOCK'));
    const after = await stockOf(sku);
    assert.equal(after.reserved, after.onHand);
    const search = await ta.app.inject({ method: 'GET', url: `/api/store/search?q=${encodeURIComponent('花瓶')}&in_stock=true&page_size=60` });
    assert.equal(search.statusCode, 200);
  });

  test('an unpaid order expires after 30 minutes and gives its stock back; cancelling does the same at once', async () => {
    const placed = (await place([['BC-SOAP3-LMG', 3]])).json() as PlacedCheckout;
    const held = await stockOf('BC-SOAP3-LMG');
    ta.clock.advance(31 * 60_000);
    const { expireUnpaidOrders } = await import('../../src/features/orders/order-payment.ts');
    assert.ok((await expireUnpaidOrders(db(), () => ta.clock.now)) >= 1);
    const order = (await ta.app.inject({ method: 'GET', url: `/api/store/orders/${placed.orders[0]!.id}`, headers: bearer(buyer) })).json() as OrderDetail;
    assert.equal(order.status, 'cancelled');
    assert.deepEqual(order.timeline.map((e) => e.status), ['pending_payment', 'cancelled']);
    assert.equal((await stockOf('BC-SOAP3-LMG')).reserved, held.reserved - 3);
    assert.equal(await expireUnpaidOrders(db(), () => ta.clock.now), 0, 'nothing twice');

    const second = (await place([['BC-SOAP3-LMG', 1]])).json() as PlacedCheckout;
    const cancel = await post(`/api/store/orders/${second.orders[0]!.id}/cancel`, {});
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(cancel.json().status, 'cancelled');
    assert.equal((await post(`/api/store/orders/${second.orders[0]!.id}/cancel`, {})).statusCode, 409);
  });

  test('an exporter sets the freight of a warehouse: the next quote charges it; a wrong template names the field', async () => {
    const exporter = await tokenFor(db(), demoExporters[0].member.email);
    const warehouse = await db().selectFrom('stock_levels').select('warehouse_id').where('variant_id', '=', variant.get('MB-VASE-20') ?? '').executeTakeFirstOrThrow();
    const url = `/api/exporter/warehouses/${warehouse.warehouse_id}/shipping-template`;
    const current = await ta.app.inject({ method: 'GET', url, headers: bearer(exporter) });
    assert.equal(current.statusCode, 200, current.body);
    assert.equal(current.json().isDefault, true);
    const template = { rates: { default: { firstWeightGrams: 1000, firstPriceFen: 2500, stepWeightGrams: 1000, stepPriceFen: 1000 }, far: { firstWeightGrams: 1000, firstPriceFen: 5000, stepWeightGrams: 1000, stepPriceFen: 2000 } }, provinceGroups: { '650000': 'far' }, defaultGroup: 'default', freeFromGoodsValueFen: null };
    const bad = await ta.app.inject({ method: 'PUT', url, headers: bearer(exporter), payload: { ...template, defaultGroup: 'nowhere', provinceGroups: { '999999': 'far' } } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.map((d: { field: string }) => d.field).sort(), ['body.defaultGroup', 'body.provinceGroups.999999']);
    assert.equal((await ta.app.inject({ method: 'GET', url, headers: bearer(exporter) })).json().isDefault, true, 'nothing saved');
    const saved = await ta.app.inject({ method: 'PUT', url, headers: bearer(exporter), payload: template });
    assert.equal(saved.statusCode, 200, saved.body);
    const quote = (await post('/api/store/checkout/quote', body([['MB-VASE-20', 1]]))).json() as Quote;
    assert.equal(quote.shipments[0]?.freightFen, 2500, '900 g to Shanghai: the first kilogram');
    const other = await tokenFor(db(), demoExporters[4].member.email);
    assert.equal((await ta.app.inject({ method: 'GET', url, headers: bearer(other) })).statusCode, 404);
  });

  test('bad input names the field and changes nothing', async () => {
    const before = await stockOf('MB-VASE-20');
    for (const [payload, field] of [
      [{ ...body([['MB-VASE-20', 0]]), riskNoticeVersion: RISK_NOTICE.version }, 'body.lines.0.quantity'],
      [{ ...body([['MB-VASE-20', 1]]), addressId: randomUUID(), riskNoticeVersion: RISK_NOTICE.version }, 'body.addressId'],
      [{ ...body([['MB-VASE-20', 1]]) }, 'body.riskNoticeVersion'],
    ] as const) {
      const res = await post('/api/store/orders', payload, { 'idempotency-key': randomUUID() });
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(res.json().error.details.some((d: { field: string }) => d.field === field), `${field}: ${res.body}`);
    }
    const noKey = await post('/api/store/orders', { ...body([['MB-VASE-20', 1]]), riskNoticeVersion: RISK_NOTICE.version });
    assert.equal(noKey.statusCode, 400);
    const oldNotice = await post('/api/store/orders', { ...body([['MB-VASE-20', 1]]), riskNoticeVersion: '2020-01-01' }, { 'idempotency-key': randomUUID() });
    assert.equal(oldNotice.json().error.code, 'RISK_NOTICE_NOT_ACCEPTED');
    assert.deepEqual(await stockOf('MB-VASE-20'), before);
  });

  test('an order counts in the China year it is paid in: placed at 23:50 on 31 December, paid at 00:10, its allowance moves to the new year', async () => {
    const year = Number(new Date(ta.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    ta.clock.advance(Date.UTC(year, 11, 31, 15, 50) - ta.clock.now.getTime()); // 23:50 in Beijing
    // A session of that evening (the buyer's token of today would have expired by then).
    const user = await db().selectFrom('users').select('id').where('phone', '=', demoBuyer.phone).executeTakeFirstOrThrow();
    buyer = (await createSession(db(), { userId: user.id, transport: 'token', ttlHours: 2, now: ta.clock.now })).token;
    const res = await place([['MB-VASE-20', 1]]);
    assert.equal(res.statusCode, 201, res.body);
    const placed = res.json() as PlacedCheckout;
    const orderId = placed.orders[0]!.id;
    const row = await db().selectFrom('orders').select(['identity_hash', 'quota_year', 'quota_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
    assert.equal(row.quota_year, year, 'held in the year it is placed, while unpaid');
    const used = async (y: number) => Number((await db().selectFrom('identity_quotas').select('used_fen').where('id_hash', '=', row.identity_hash).where('year', '=', y).executeTakeFirst())?.used_fen ?? 0);
    const before = { old: await used(year), next: await used(year + 1) };

    ta.clock.advance(20 * 60_000); // 00:10 on 1 January in Beijing
    const payment = await db().selectFrom('payments').select('out_trade_no').where('checkout_id', '=', placed.checkoutId).executeTakeFirstOrThrow();
    const paid = await ta.app.inject({ method: 'POST', url: `/api/payments/sandbox/pay/${payment.out_trade_no}`, headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'result=success' });
    assert.equal(paid.statusCode, 303, paid.body);
    const after = await db().selectFrom('orders').select(['status', 'quota_year']).where('id', '=', orderId).executeTakeFirstOrThrow();
    assert.deepEqual([after.status, after.quota_year], ['paid', year + 1]);
    assert.equal(await used(year), before.old - Number(row.quota_fen), 'the old year gets it back');
    assert.equal(await used(year + 1), before.next + Number(row.quota_fen), 'the new year counts it');
  });
});
