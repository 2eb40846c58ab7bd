import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import type { z } from 'zod';
import type { B2bOrder, tradeFiguresSchema, ValidationIssue } from '@pavilion/contracts';
import { AccountService } from '../../src/features/accounts/account.service.ts';
import { demoAdmin, demoCompany, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { chinaDate } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { grouped } from '../../src/platform/pdf.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { bearer } from '../support/sessions.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const DAY = 24 * 3_600_000;
// A Shanghai-registered code made for the test, with its GB 32100-2015 check character.
const CODE = '91310115MA1K3YJ52L';
const exporterEmail = (tradingNameEn: string): string => {
  const found = demoExporters.find((e) => e.tradingNameEn === tradingNameEn);
  if (!found) throw new Error(tradingNameEn);
  return found.member.email;
};
const body = (res: LightMyRequestResponse) => res.json();
const bank = { accountName: 'Bula Coconut Pte Ltd', bankName: 'ANZ Bank (Fiji) Limited', swiftBic: 'anzb fjfx', accountNumber: '1234 5678 9012', bankAddress: '25 Victoria Parade, Suva, Fiji' };

type Figures = z.infer<typeof tradeFiguresSchema>;

describe('B2B orders: an accepted quote issues a proforma invoice, and the order moves by recorded steps', () => {
  let ta: TestApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let order: B2bOrder;

  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
    ta.app.inject({ method, url, headers: { ...bearer(t[who] ?? ''), ...headers }, ...(payload === undefined ? {} : { payload }) });
  const signIn = async (login: string): Promise<string> => {
    const db = ta.testDb.database.db;
    const user = await db.selectFrom('users').select('id').where('email', '=', login).executeTakeFirstOrThrow();
    return (await createSession(db, { userId: user.id, transport: 'token', ttlHours: 30 * 24, now: ta.clock.now })).token;
  };
  const dayOffset = (days: number) => chinaDate(new Date(ta.clock.now.getTime() + days * DAY));
  const rfq = () => ({
    pavilionId: ids.pacific,
    descriptionZh: '初榨椰子油手工皂，100 克，独立包装',
    descriptionEn: 'Virgin coconut oil handmade soap, 100 g, individually wrapped',
    categoryId: 'soaps-bath',
    quantity: 1000,
    unit: 'piece',
    incoterm: 'CIF',
    destinationPort: 'Shanghai',
    deadline: new Date(ta.clock.now.getTime() + 7 * DAY).toISOString(),
    certifications: [],
  });
  const quote = (over: object = {}) => ({
    currency: 'FJD',
    tiers: [{ minQuantity: 100, unitPriceMinor: 1250 }, { minQuantity: 500, unitPriceMinor: 1100 }],
    incoterm: 'CIF',
    port: 'Suva',
    leadTimeDays: 30,
    validUntil: dayOffset(30),
    ttDepositPercent: 30,
    letterOfCredit: true,
    sampleAvailable: true,
    samplePriceMinor: 1500,
    ...over,
  });
  const pdfText = async (res: LightMyRequestResponse) => {
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.rawPayload)), { mergePages: true });
    return text;
  };
  const stored = () => ta.testDb.database.db.selectFrom('b2b_orders').select(['status', 'cancellation_reason']).where('id', '=', order.id).executeTakeFirstOrThrow();

  before(async () => {
    ta = await createTestApp({ catalog: true });
    const db = ta.testDb.database.db;
    const logins = {
      importer: demoCompany.owner.email,
      bula: exporterEmail('Bula Coconut'),
      santo: exporterEmail('Santo Sandalwood'),
      operatorPk: demoPavilions[0].operator.email,
      operatorPacific: demoPavilions[1].operator.email,
      admin: demoAdmin.email,
    };
    for (const [who, login] of Object.entries(logins)) t[who] = await signIn(login);
    ids.otherCompany = newId();
    await db.insertInto('buyer_companies').values({ id: ids.otherCompany, name_zh: '广州南洋进口贸易有限公司', name_en: null, city: '广州' }).execute();
    await new AccountService({ db }).createStaffUser({ email: 'chen.jie@nanyang.example', displayName: '陈杰', password: 'a-long-test-password', role: 'company_member', companyId: ids.otherCompany, companyRole: 'owner' });
    t.otherImporter = await signIn('chen.jie@nanyang.example');
    for (const p of await db.selectFrom('pavilions').select(['id', 'slug']).execute()) ids[p.slug] = p.id;
    for (const [currency, rate] of [['FJD', '3.1825'], ['VUV', '0.0601']]) {
      assert.equal((await call('admin', 'POST', '/api/operator/rates', { currency, rate, effectiveDate: chinaDate(ta.clock.now), source: 'test' })).statusCode, 201);
    }
    const company = await call('importer', 'PATCH', '/api/trade/company', { creditCode: CODE, address: '上海市浦东新区张杨路 500 号 12 楼' });
    assert.equal(company.statusCode, 200, company.body);
  });
  after(() => ta.close());

  test('the exporter enters its bank details: a malformed SWIFT/BIC is refused naming the field and nothing is stored', async () => {
    const bad = await call('bula', 'PUT', '/api/exporter/bank-details', { ...bank, swiftBic: 'ANZB-FJ' }, { 'accept-language': 'zh-CN' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(body(bad).error.details.map((d: ValidationIssue) => [d.field, d.message]), [['body.swiftBic', '须为 8 位或 11 位 SWIFT/BIC 代码（银行、国家、地区、分行）']]);
    assert.deepEqual(body(await call('bula', 'GET', '/api/exporter/bank-details')), { bankDetails: null, updatedAt: null });
    const ok = await call('bula', 'PUT', '/api/exporter/bank-details', bank);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(body(ok).bankDetails.swiftBic, 'ANZBFJFX');
    // Another exporter sees only its own (none).
    assert.equal(body(await call('santo', 'GET', '/api/exporter/bank-details')).bankDetails, null);
  });

  test('accepting below the first tier is refused naming the quantity, and the acceptance does not happen', async () => {
    const posted = body(await call('importer', 'POST', '/api/trade/rfqs', rfq()));
    const q = body(await call('bula', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote()));
    ids.rfq = posted.id;
    ids.quote = q.id;
    const low = await call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${q.id}/accept`, { kind: 'bulk', quantity: 99 });
    assert.equal(low.statusCode, 400);
    assert.deepEqual(body(low).error.details.map((d: ValidationIssue) => [d.field, d.rule]), [['body.quantity', 'below_first_tier']]);
    const badKind = await call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${q.id}/accept`, { kind: 'container' });
    assert.equal(badKind.statusCode, 400);
    assert.equal(body(badKind).error.details[0].field, 'body.kind');
    assert.equal(body(await call('importer', 'GET', `/api/trade/rfqs/${posted.id}`)).status, 'open');
    assert.equal(body(await call('importer', 'GET', '/api/trade/orders')).items.length, 0);
  });

  test('accepting in bulk at 600 pieces issues the order at the 500+ tier, 30 % deposit, with the bank details copied', async () => {
    const res = await call('importer', 'POST', `/api/trade/rfqs/${ids.rfq}/quotes/${ids.quote}/accept`, { kind: 'bulk', quantity: 600 });
    assert.equal(res.statusCode, 200, res.body);
    const list = body(await call('importer', 'GET', '/api/trade/orders')).items as B2bOrder[];
    assert.equal(list.length, 1);
    order = list[0] as B2bOrder;
    assert.equal(order.status, 'proforma_issued');
    assert.equal(order.kind, 'bulk');
    assert.equal(order.currency, 'FJD');
    assert.deepEqual(order.lines.map((l) => [l.quantity, l.unit, l.unitPriceMinor, l.amountMinor]), [[600, 'piece', 1100, 660_000]]);
    assert.deepEqual([order.totalMinor, order.paymentTerms, order.depositPercent, order.depositMinor, order.balanceMinor], [660_000, 'tt', 30, 198_000, 462_000]);
    assert.deepEqual([order.incoterm, order.port, order.destinationPort], ['CIF', 'Suva', 'Shanghai']);
    assert.equal(order.bankDetails?.swiftBic, 'ANZBFJFX');
    assert.equal(order.parties.importer.creditCode, CODE);
    assert.deepEqual(order.nextActions, ['cancel']);
    assert.deepEqual(body(await call('bula', 'GET', `/api/exporter/b2b-orders/${order.id}`)).nextActions, ['deposit', 'cancel']);

    // A later edit of the bank details does not change the issued invoice.
    await call('bula', 'PUT', '/api/exporter/bank-details', { ...bank, accountNumber: '9999 0000 1111' });
    assert.equal(body(await call('importer', 'GET', `/api/trade/orders/${order.id}`)).bankDetails.accountNumber, '1234 5678 9012');
  });

  test('another company, another exporter and another pavilion\'s operator do not see the order (404 or absent)', async () => {
    assert.equal((await call('otherImporter', 'GET', `/api/trade/orders/${order.id}`)).statusCode, 404);
    assert.equal((await call('otherImporter', 'GET', `/api/trade/orders/${order.id}/proforma.pdf`)).statusCode, 404);
    assert.equal((await call('otherImporter', 'POST', `/api/trade/orders/${order.id}/cancel`, { reason: 'not mine' })).statusCode, 404);
    assert.equal(body(await call('otherImporter', 'GET', '/api/trade/orders')).items.length, 0);
    assert.equal((await call('santo', 'GET', `/api/exporter/b2b-orders/${order.id}`)).statusCode, 404);
    assert.equal((await call('santo', 'GET', `/api/exporter/b2b-orders/${order.id}/proforma.pdf`)).statusCode, 404);
    assert.equal((await call('santo', 'POST', `/api/exporter/b2b-orders/${order.id}/deposit`, { reference: 'X', amountMinor: 198_000 })).statusCode, 404);
    assert.equal(body(await call('santo', 'GET', '/api/exporter/b2b-orders')).items.length, 0);
    assert.deepEqual(body(await call('operatorPacific', 'GET', '/api/operator/b2b-orders')).items.map((o: B2bOrder) => o.id), [order.id]);
    assert.equal(body(await call('operatorPk', 'GET', '/api/operator/b2b-orders')).items.length, 0);
    assert.equal((await stored()).status, 'proforma_issued');
  });

  test('both parties download the bilingual proforma: its text carries the order number, the total and the deposit', async () => {
    for (const url of [`/api/trade/orders/${order.id}/proforma.pdf`, `/api/exporter/b2b-orders/${order.id}/proforma.pdf`]) {
      const text = await pdfText(await call(url.startsWith('/api/trade') ? 'importer' : 'bula', 'GET', url));
      assert.match(text, /Proforma Invoice \/ 形式发票/);
      assert.ok(text.includes(order.number), `number ${order.number} in:\n${text}`);
      assert.ok(text.includes(`${grouped(660_000, 2)} FJD`), `total 6,600.00 FJD in:\n${text}`);
      assert.ok(text.includes(`${grouped(198_000, 2)} FJD`), `deposit 1,980.00 FJD in:\n${text}`);
      assert.ok(text.includes('ANZBFJFX'));
      assert.ok(text.includes(CODE));
    }
  });

  test('a step out of order answers 409 with a bilingual code and changes nothing; a wrong amount names the field', async () => {
    const early = await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/shipment`, { documentKind: 'bl', documentNumber: 'MSCU1234567', carrier: 'MSC' }, { 'accept-language': 'zh-CN' });
    assert.equal(early.statusCode, 409);
    assert.equal(body(early).error.code, 'B2B_ORDER_WRONG_STATE');
    assert.equal(body(early).error.message, '该贸易订单当前所处环节无法执行此操作。');
    assert.deepEqual(body(early).error.details, { status: 'proforma_issued', action: 'shipment' });
    const wrong = await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/deposit`, { reference: 'BOC-TT-20261201-001', amountMinor: 197_999 });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(body(wrong).error.details.map((d: ValidationIssue) => [d.field, d.rule]), [['body.amountMinor', 'amount_not_due']]);
    // The importer takes no exporter step: the route is the exporter's, so a company member is refused outright.
    assert.equal((await call('importer', 'POST', `/api/exporter/b2b-orders/${order.id}/deposit`, { reference: 'X', amountMinor: 198_000 })).statusCode, 403);
    assert.equal((await stored()).status, 'proforma_issued');
    assert.equal((await ta.testDb.database.db.selectFrom('b2b_order_payments').select('id').execute()).length, 0);
  });

  test('the exporter records the deposit, production, the B/L, the balance and completes; the importer can no longer cancel', async () => {
    // Two clicks at once record the deposit once, on either engine.
    const both = await Promise.all([1, 2].map(() => call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/deposit`, { reference: 'BOC-TT-20261201-001', amountMinor: 198_000 })));
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
    const deposit = both.find((r) => r.statusCode === 200);
    assert.equal(deposit && body(deposit).status, 'deposit_paid');
    assert.equal((await ta.testDb.database.db.selectFrom('b2b_order_payments').select('id').where('order_id', '=', order.id).execute()).length, 1);
    const late = await call('importer', 'POST', `/api/trade/orders/${order.id}/cancel`, { reason: 'changed our mind' });
    assert.equal(late.statusCode, 409);
    assert.equal((await stored()).cancellation_reason, null);

    assert.equal(body(await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/production`, {})).status, 'in_production');
    const shipped = body(await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/shipment`, { documentKind: 'bl', documentNumber: 'MSCU1234567', carrier: 'MSC', vessel: 'MSC Aurora' }));
    assert.deepEqual(shipped.shipment, { documentKind: 'bl', documentNumber: 'MSCU1234567', carrier: 'MSC', vessel: 'MSC Aurora' });
    assert.equal((await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/cancel`, { reason: 'too late' })).statusCode, 409);
    assert.equal(body(await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/balance`, { reference: 'BOC-TT-20261215-002', amountMinor: 462_000 })).status, 'balance_paid');
    const done = body(await call('bula', 'POST', `/api/exporter/b2b-orders/${order.id}/complete`, {}));
    assert.equal(done.status, 'completed');

    const seen = body(await call('importer', 'GET', `/api/trade/orders/${order.id}`)) as B2bOrder;
    assert.deepEqual(seen.events.map((e) => [e.action, e.status]), [
      ['issue', 'proforma_issued'], ['deposit', 'deposit_paid'], ['production', 'in_production'], ['shipment', 'shipped'], ['balance', 'balance_paid'], ['complete', 'completed'],
    ]);
    assert.deepEqual(seen.payments.map((p) => [p.kind, p.amountMinor, p.reference]), [['deposit', 198_000, 'BOC-TT-20261201-001'], ['balance', 462_000, 'BOC-TT-20261215-002']]);
    assert.equal(seen.payments.reduce((n, p) => n + p.amountMinor, 0), seen.totalMinor);
    assert.deepEqual(seen.nextActions, []);
    // The exporter heard of the new order, the importer of each of the five steps.
    const events = await ta.testDb.database.db.selectFrom('notification_events').select(['kind', 'company_id', 'exporter_id']).where('subject_id', '=', order.id).execute();
    assert.equal(events.filter((e) => e.kind === 'b2b_order_issued' && e.exporter_id !== null).length, 1);
    assert.equal(events.filter((e) => e.kind === 'b2b_order_step' && e.company_id !== null).length, 5);
  });

  test('a sample on L/C in vatu has no deposit; the importer cancels it with a reason, and nothing moves after', async () => {
    const posted = body(await call('importer', 'POST', '/api/trade/rfqs', rfq()));
    const q = body(await call('santo', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote({ currency: 'VUV', tiers: [{ minQuantity: 1, unitPriceMinor: 150 }], port: 'Luganville', ttDepositPercent: null, samplePriceMinor: 225 })));
    const noSampleTerms = await call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${q.id}/accept`, { kind: 'sample', quantity: 3, paymentTerms: 'tt' });
    assert.equal(body(noSampleTerms).error.details[0].field, 'body.paymentTerms');
    assert.equal((await call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${q.id}/accept`, { kind: 'sample', quantity: 3 })).statusCode, 200);
    const sample = (body(await call('santo', 'GET', '/api/exporter/b2b-orders')).items as B2bOrder[])[0];
    assert.ok(sample);
    assert.deepEqual([sample.kind, sample.paymentTerms, sample.totalMinor, sample.depositMinor, sample.balanceMinor, sample.bankDetails], ['sample', 'lc', 675, 0, 675, null]);
    assert.deepEqual(sample.nextActions, ['production', 'cancel']);
    const text = await pdfText(await call('importer', 'GET', `/api/trade/orders/${sample.id}/proforma.pdf`));
    assert.ok(text.includes('675 VUV'), text);

    const blank = await call('importer', 'POST', `/api/trade/orders/${sample.id}/cancel`, { reason: ' ' });
    assert.equal(blank.statusCode, 400);
    assert.equal(body(blank).error.details[0].field, 'body.reason');
    const cancelled = await call('importer', 'POST', `/api/trade/orders/${sample.id}/cancel`, { reason: '样品规格不符 / wrong size' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.deepEqual([body(cancelled).status, body(cancelled).cancellationReason], ['cancelled', '样品规格不符 / wrong size']);
    assert.equal((await call('santo', 'POST', `/api/exporter/b2b-orders/${sample.id}/production`, {})).statusCode, 409);
  });

  test('operators read quotes accepted, orders not cancelled and the conversion per exporter and per pavilion', async () => {
    const figures = body(await call('operatorPacific', 'GET', '/api/operator/trade/figures'));
    const deal = (f: Pick<Figures['pavilions'][number], 'quotes' | 'accepted' | 'orders' | 'conversionBp' | 'inquiryConversionBp'>) => [f.quotes, f.accepted, f.orders, f.conversionBp, f.inquiryConversionBp];
    // Bula's quote was accepted in bulk and its order stands; Santo's sample order was cancelled above: accepted, not an order.
    const named = (figures.exporters as Figures['exporters']).filter((e) => ['Bula Coconut', 'Santo Sandalwood'].includes(e.tradingNameEn));
    assert.deepEqual(named.map((e) => [e.tradingNameEn, ...deal(e)]), [
      ['Bula Coconut', 1, 1, 1, 10000, 0],
      ['Santo Sandalwood', 1, 1, 0, 0, 0],
    ]);
    assert.deepEqual((figures.pavilions as Figures['pavilions']).map((p) => [p.pavilionId, ...deal(p)]), [[ids.pacific, 2, 2, 1, 5000, 0]]);
    const pk = body(await call('operatorPk', 'GET', '/api/operator/trade/figures'));
    assert.deepEqual((pk.pavilions as Figures['pavilions']).map((p) => [p.orders, p.conversionBp]), [[0, 0]]);
  });
});
