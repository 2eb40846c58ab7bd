import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import type {
  exporterQuoteSchema,
  exporterRfqSchema,
  inquiryThreadSchema,
  operatorCompanySchema,
  quoteComparisonSchema,
  quoteInputSchema,
  tradeFiguresSchema,
  ValidationIssue,
} from '@pavilion/contracts';
import { chinaDate } from '../../src/platform/clock.ts';
import { AccountService } from '../../src/features/accounts/account.service.ts';
import { demoAdmin, demoCompany, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { newId } from '../../src/platform/ids.ts';
import { RateService } from '../../src/features/rates/rate.service.ts';
import { currenciesPricedIn } from '../../src/features/catalog/priced-currencies.ts';
import { RfqService } from '../../src/features/trade/rfq.service.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/sessions.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { multipart, pngImage } from '../support/catalog-fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// Shanghai-registered codes made for the test, with their GB 32100-2015 check characters.
const CODE = '91310115MA1K3YJ52L';
const OTHER_CODE = '91310104MA1FR8KX00';

const exporterEmail = (tradingNameEn: string): string => {
  const found = demoExporters.find((e) => e.tradingNameEn === tradingNameEn);
  if (!found) throw new Error(tradingNameEn);
  return found.member.email;
};

type Thread = z.infer<typeof inquiryThreadSchema>;
type Figures = z.infer<typeof tradeFiguresSchema>;
type QuoteInput = z.input<typeof quoteInputSchema>;
type ExporterRfq = z.infer<typeof exporterRfqSchema>;
type ExporterQuote = z.infer<typeof exporterQuoteSchema>;
type ComparisonItem = z.infer<typeof quoteComparisonSchema>['items'][number];
// The answers' JSON, read as a client would (the shapes are the contracts' response schemas).
const body = (res: LightMyRequestResponse) => res.json();

describe('trade bridge: companies, inquiries, RFQs and quotes', () => {
  let ta: TestApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
    ta.app.inject({ method, url, headers: { ...bearer(t[who] ?? ''), ...headers }, ...(payload === undefined ? {} : { payload }) });
  // Sessions made on the test clock and long enough to outlive the days this file moves it on.
  const signIn = async (login: string): Promise<string> => {
    const db = ta.testDb.database.db;
    const user = await db.selectFrom('users').select('id').where('email', '=', login).executeTakeFirstOrThrow();
    return (await createSession(db, { userId: user.id, transport: 'token', ttlHours: 30 * 24, now: ta.clock.now })).token;
  };
  const today = () => chinaDate(ta.clock.now);
  const dayOffset = (days: number) => chinaDate(new Date(ta.clock.now.getTime() + days * DAY));

  before(async () => {
    ta = await createTestApp({ catalog: true });
    const db = ta.testDb.database.db;
    const logins = {
      importer: demoCompany.owner.email,
      multani: exporterEmail('Multani Blue'),
      bula: exporterEmail('Bula Coconut'),
      salt: exporterEmail('Salt Range Crafts'),
      santo: exporterEmail('Santo Sandalwood'),
      operatorPk: demoPavilions[0].operator.email,
      operatorPacific: demoPavilions[1].operator.email,
      admin: demoAdmin.email,
    };
    for (const [who, login] of Object.entries(logins)) t[who] = await signIn(login);

    // A buyer member of the demo company, and a second importer company with its owner.
    const company = await db.selectFrom('buyer_companies').select('id').executeTakeFirstOrThrow();
    ids.company = company.id;
    ids.otherCompany = newId();
    await db.insertInto('buyer_companies').values({ id: ids.otherCompany, name_zh: '广州南洋进口贸易有限公司', name_en: null, city: '广州' }).execute();
    const accounts = new AccountService({ db });
    await accounts.createStaffUser({ email: 'li.ming@islandselect.example', displayName: '李明', password: 'a-long-test-password', role: 'company_member', companyId: company.id, companyRole: 'buyer' });
    await accounts.createStaffUser({ email: 'chen.jie@nanyang.example', displayName: '陈杰', password: 'a-long-test-password', role: 'company_member', companyId: ids.otherCompany, companyRole: 'owner' });
    t.member = await signIn('li.ming@islandselect.example');
    t.otherImporter = await signIn('chen.jie@nanyang.example');

    for (const e of await db.selectFrom('exporters').select(['id', 'trading_name_en']).execute()) ids[e.trading_name_en] = e.id;
    for (const p of await db.selectFrom('pavilions').select(['id', 'slug']).execute()) ids[p.slug] = p.id;
    // The rates in force today, set here so the yuan figures below are known to the fen.
    for (const [currency, rate] of [['FJD', '3.1825'], ['PKR', '0.0251'], ['VUV', '0.0601']]) {
      const res = await call('admin', 'POST', '/api/operator/rates', { currency, rate, effectiveDate: today(), source: 'test' });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => ta.close());

  describe('importer companies', () => {
    test('the owner enters a credit code: a wrong check character is refused naming the field, and nothing changes', async () => {
      const bad = await call('importer', 'PATCH', '/api/trade/company', { creditCode: '91310115MA1K3YJ52M' }, { 'accept-language': 'zh-CN' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(body(bad).error.details.map((d: ValidationIssue) => [d.field, d.message]), [['body.creditCode', '须为 18 位统一社会信用代码，且校验码正确（GB 32100-2015）']]);
      assert.equal(body(await call('importer', 'GET', '/api/trade/company')).company.creditCode, null);

      const ok = await call('importer', 'PATCH', '/api/trade/company', { creditCode: CODE.toLowerCase(), address: '上海市浦东新区张杨路 500 号 12 楼' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(body(ok).company.creditCode, CODE);
      assert.equal(body(ok).company.verifiedAt, null);
    });

    test('a buyer member cannot edit the company; another company cannot take the same code', async () => {
      assert.equal((await call('member', 'PATCH', '/api/trade/company', { city: '杭州' })).statusCode, 403);
      const taken = await call('otherImporter', 'PATCH', '/api/trade/company', { creditCode: CODE });
      assert.equal(taken.statusCode, 409);
      assert.equal(body(taken).error.details[0].field, 'body.creditCode');
      assert.equal(body(await call('otherImporter', 'GET', '/api/trade/company')).company.creditCode, null);
      assert.equal(body(await call('member', 'GET', '/api/trade/company')).company.city, '上海');
    });

    test('an operator verifies a company once; a changed name ends the verification, an address does not', async () => {
      const noCode = await call('operatorPk', 'POST', `/api/operator/companies/${ids.otherCompany}/verify`);
      assert.equal(noCode.statusCode, 409);
      assert.equal(body(noCode).error.details.reason, 'no_credit_code');
      assert.equal(body(await call('otherImporter', 'PATCH', '/api/trade/company', { creditCode: OTHER_CODE })).company.creditCode, OTHER_CODE);

      const list = body(await call('operatorPacific', 'GET', '/api/operator/companies')).items as Array<z.infer<typeof operatorCompanySchema>>;
      assert.deepEqual(list.map((c) => c.verifiedAt), [null, null]);
      const verified = await call('operatorPk', 'POST', `/api/operator/companies/${ids.company}/verify`);
      assert.equal(verified.statusCode, 200, verified.body);
      assert.ok(body(verified).verifiedAt);
      assert.equal((await call('operatorPacific', 'POST', `/api/operator/companies/${ids.company}/verify`)).statusCode, 409);

      await call('importer', 'PATCH', '/api/trade/company', { address: '上海市浦东新区张杨路 500 号 15 楼' });
      assert.ok(body(await call('importer', 'GET', '/api/trade/company')).company.verifiedAt);
      await call('importer', 'PATCH', '/api/trade/company', { nameZh: '上海海岛优选国际贸易有限公司' });
      assert.equal(body(await call('importer', 'GET', '/api/trade/company')).company.verifiedAt, null);
      assert.equal((await call('admin', 'POST', `/api/operator/companies/${ids.company}/verify`)).statusCode, 200);
    });
  });

  describe('inquiries', () => {
    let inquiryId = '';
    let fileId = '';

    test('attachments are checked by content: a text file named .pdf is refused', async () => {
      const fake = multipart({ name: 'spec.pdf', type: 'application/pdf', bytes: Buffer.from('just text, not a PDF') });
      const refused = await ta.app.inject({ method: 'POST', url: '/api/trade/files', headers: { ...bearer(t.importer ?? ''), ...fake.headers }, payload: fake.payload });
      assert.equal(refused.statusCode, 400);
      assert.equal(body(refused).error.details[0].field, 'file');
      const form = multipart({ name: '规格书.pdf', type: 'application/pdf', bytes: minimalPdf });
      const stored = await ta.app.inject({ method: 'POST', url: '/api/trade/files', headers: { ...bearer(t.importer ?? ''), ...form.headers }, payload: form.payload });
      assert.equal(stored.statusCode, 201, stored.body);
      assert.equal(body(stored).mediaType, 'application/pdf');
      fileId = body(stored).id;
    });

    test('an inquiry names a product of that exporter, a date not past and files of its own company', async () => {
      const db = ta.testDb.database.db;
      const multaniProduct = await db.selectFrom('catalog_listings').select(['product_id', 'title_zh']).where('exporter_id', '=', ids['Multani Blue'] ?? '').executeTakeFirstOrThrow();
      const bulaProduct = await db.selectFrom('catalog_listings').select('product_id').where('exporter_id', '=', ids['Bula Coconut'] ?? '').executeTakeFirstOrThrow();
      const base = { exporterId: ids['Multani Blue'], quantity: 500, unit: 'piece', message: '您好，请报 500 件蓝陶花瓶的 FOB 卡拉奇价格。' };

      const wrongProduct = await call('importer', 'POST', '/api/trade/inquiries', { ...base, productId: bulaProduct.product_id });
      assert.equal(wrongProduct.statusCode, 400);
      assert.equal(body(wrongProduct).error.details[0].field, 'body.productId');
      const pastDate = await call('importer', 'POST', '/api/trade/inquiries', { ...base, requiredDate: dayOffset(-1) });
      assert.equal(body(pastDate).error.details[0].field, 'body.requiredDate');
      const form = multipart({ name: 'theirs.pdf', type: 'application/pdf', bytes: minimalPdf });
      const theirs = body(await ta.app.inject({ method: 'POST', url: '/api/trade/files', headers: { ...bearer(t.otherImporter ?? ''), ...form.headers }, payload: form.payload }));
      const foreignFile = await call('importer', 'POST', '/api/trade/inquiries', { ...base, attachmentIds: [theirs.id] });
      assert.equal(body(foreignFile).error.details[0].field, 'body.attachmentIds');
      assert.equal(body(await call('importer', 'GET', '/api/trade/inquiries')).items.length, 0);

      const created = await call('importer', 'POST', '/api/trade/inquiries', {
        ...base,
        productId: multaniProduct.product_id,
        targetPrice: { amount: 2500, currency: 'CNY' },
        incoterm: 'FOB',
        destinationPort: 'Shanghai',
        requiredDate: dayOffset(30),
        attachmentIds: [fileId],
      });
      assert.equal(created.statusCode, 201, created.body);
      const inquiry = body(created);
      inquiryId = inquiry.id;
      assert.equal(inquiry.status, 'open');
      assert.equal(inquiry.product.titleZh, multaniProduct.title_zh);
      assert.deepEqual(inquiry.targetPrice, { amount: 2500, currency: 'CNY' });
    });

    test("another exporter and another company never see the thread or its files", async () => {
      assert.equal((await call('bula', 'GET', `/api/exporter/inquiries/${inquiryId}`)).statusCode, 404);
      assert.equal((await call('bula', 'POST', `/api/exporter/inquiries/${inquiryId}/messages`, { body: 'hello' })).statusCode, 404);
      assert.equal(body(await call('bula', 'GET', '/api/exporter/inquiries')).items.length, 0);
      assert.equal((await call('otherImporter', 'GET', `/api/trade/inquiries/${inquiryId}`)).statusCode, 404);
      assert.equal((await call('otherImporter', 'GET', `/api/trade/inquiries/${inquiryId}/files/${fileId}`)).statusCode, 404);
      assert.equal((await call('otherImporter', 'POST', `/api/trade/inquiries/${inquiryId}/close`)).statusCode, 404);
      assert.equal(body(await call('importer', 'GET', `/api/trade/inquiries/${inquiryId}`)).inquiry.status, 'open');
    });

    test('the exporter sees the waiting time; its first reply sets the response time and the read receipts', async () => {
      const inbox = body(await call('multani', 'GET', '/api/exporter/inquiries'));
      assert.equal(inbox.items[0].id, inquiryId);
      assert.equal(inbox.items[0].unread, 1);
      assert.equal(body(await call('importer', 'GET', `/api/trade/inquiries/${inquiryId}`)).messages[0].readByOther, false);

      ta.clock.advance(2 * HOUR);
      assert.equal(body(await call('multani', 'GET', '/api/exporter/inquiries')).items[0].waitingSeconds, 7200);
      const replied = await call('multani', 'POST', `/api/exporter/inquiries/${inquiryId}/messages`, { body: 'Thank you. FOB Karachi: USD 3.20 per piece for 500.', quoted: true });
      assert.equal(replied.statusCode, 201, replied.body);
      const thread = body(replied);
      assert.equal(thread.inquiry.status, 'quoted');
      assert.equal(thread.inquiry.firstResponseSeconds, 7200);
      assert.equal(thread.inquiry.waitingSeconds, null);
      assert.deepEqual(thread.messages.map((msg: Thread['messages'][number]) => [msg.side, msg.readByOther]), [['company', true], ['exporter', false]]);
      assert.equal(thread.messages[0].attachments[0].fileName, '规格书.pdf');

      assert.equal(body(await call('importer', 'GET', '/api/trade/inquiries')).items[0].unread, 1);
      const read = body(await call('importer', 'POST', `/api/trade/inquiries/${inquiryId}/read`));
      assert.equal(read.inquiry.unread, 0);
      assert.equal(read.messages[1].readByOther, true);

      // The exporter answers with a file of its own; the importer cannot pass it off as one of its uploads.
      const form = multipart({ name: 'price-list.png', type: 'image/png', bytes: await pngImage('#1e5aa8') });
      const stored = await ta.app.inject({ method: 'POST', url: '/api/exporter/trade-files', headers: { ...bearer(t.multani ?? ''), ...form.headers }, payload: form.payload });
      assert.equal(stored.statusCode, 201, stored.body);
      const priceList = body(stored).id as string;
      assert.equal(body(await call('importer', 'POST', `/api/trade/inquiries/${inquiryId}/messages`, { body: 'See this', attachmentIds: [priceList] })).error.details[0].field, 'body.attachmentIds');
      const withFile = await call('multani', 'POST', `/api/exporter/inquiries/${inquiryId}/messages`, { body: 'Our price list.', attachmentIds: [priceList] });
      assert.equal(withFile.statusCode, 201);
      const png = await call('importer', 'GET', `/api/trade/inquiries/${inquiryId}/files/${priceList}`);
      assert.equal(png.statusCode, 200);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.equal(png.headers['cache-control'], 'private, no-store');

      const file = await call('multani', 'GET', `/api/exporter/inquiries/${inquiryId}/files/${fileId}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.deepEqual(file.rawPayload, minimalPdf);
    });

    test("operators see their pavilions' exporters' response figures", async () => {
      const figures = body(await call('operatorPk', 'GET', '/api/operator/trade/figures'));
      const multani = figures.exporters.find((e: Figures['exporters'][number]) => e.exporterId === ids['Multani Blue']);
      assert.deepEqual(
        { inquiries: multani.inquiries, answered: multani.answered, rate: multani.responseRateBp, median: multani.medianResponseSeconds },
        { inquiries: 1, answered: 1, rate: 10000, median: 7200 },
      );
      assert.deepEqual(figures.pavilions.map((p: Figures['pavilions'][number]) => [p.pavilionId, p.inquiries]), [[ids.pakistan, 1]]);
      const pacific = body(await call('operatorPacific', 'GET', '/api/operator/trade/figures'));
      assert.equal(pacific.exporters.some((e: Figures['exporters'][number]) => e.exporterId === ids['Multani Blue']), false);
    });

    test('a closed inquiry takes no more messages, and closing twice is refused', async () => {
      const closed = await call('importer', 'POST', `/api/trade/inquiries/${inquiryId}/close`);
      assert.equal(closed.statusCode, 200);
      assert.equal(body(closed).status, 'closed');
      const late = await call('multani', 'POST', `/api/exporter/inquiries/${inquiryId}/messages`, { body: 'One more thing' }, { 'accept-language': 'zh-CN' });
      assert.equal(late.statusCode, 409);
      assert.equal(body(late).error.code, 'INQUIRY_CLOSED');
      assert.equal(body(late).error.message, '该询盘已关闭，无法继续发送消息。');
      assert.equal(body(await call('multani', 'GET', `/api/exporter/inquiries/${inquiryId}`)).messages.length, 3);
      assert.equal((await call('multani', 'POST', `/api/exporter/inquiries/${inquiryId}/close`)).statusCode, 409);
    });
  });

  describe('requests for quotation and quotes', () => {
    let rfqId = '';
    const quotes: Record<string, string> = {};
    const rfq = () => ({
      pavilionId: null,
      descriptionZh: '初榨椰子油手工皂，100 克，独立包装',
      descriptionEn: 'Virgin coconut oil handmade soap, 100 g, individually wrapped',
      categoryId: 'soaps-bath',
      quantity: 1000,
      unit: 'piece',
      incoterm: 'CIF',
      destinationPort: 'Shanghai',
      deadline: new Date(ta.clock.now.getTime() + 7 * DAY).toISOString(),
      certifications: ['organic'],
    });
    const quote = (over: Partial<QuoteInput> = {}) => ({
      currency: 'FJD',
      tiers: [
        { minQuantity: 100, unitPriceMinor: 1250 },
        { minQuantity: 500, unitPriceMinor: 1100 },
        { minQuantity: 1000, unitPriceMinor: 1050 },
      ],
      incoterm: 'CIF',
      port: 'Suva',
      leadTimeDays: 30,
      validUntil: dayOffset(30),
      ttDepositPercent: 30,
      letterOfCredit: true,
      sampleAvailable: true,
      samplePriceMinor: 1500,
      notes: '',
      ...over,
    });

    test('posting checks the deadline (ahead, at most 90 days), the description and the category', async () => {
      const past = await call('importer', 'POST', '/api/trade/rfqs', { ...rfq(), deadline: new Date(ta.clock.now.getTime() - 1000).toISOString() });
      assert.deepEqual(body(past).error.details.map((d: ValidationIssue) => [d.field, d.rule]), [['body.deadline', 'not_future']]);
      const far = await call('importer', 'POST', '/api/trade/rfqs', { ...rfq(), deadline: new Date(ta.clock.now.getTime() + 91 * DAY).toISOString() });
      assert.deepEqual(body(far).error.details.map((d: ValidationIssue) => [d.field, d.rule]), [['body.deadline', 'too_far']]);
      const blank = await call('importer', 'POST', '/api/trade/rfqs', { ...rfq(), descriptionZh: '', descriptionEn: '' });
      assert.equal(body(blank).error.details[0].field, 'body.descriptionZh');
      const unknown = await call('importer', 'POST', '/api/trade/rfqs', { ...rfq(), categoryId: 'no-such-category' });
      assert.equal(body(unknown).error.details[0].field, 'body.categoryId');
      assert.equal(body(await call('importer', 'GET', '/api/trade/rfqs')).items.length, 0);
    });

    test('an RFQ to all pavilions reaches the approved exporters of its category, and only them', async () => {
      const created = await call('importer', 'POST', '/api/trade/rfqs', rfq());
      assert.equal(created.statusCode, 201, created.body);
      rfqId = body(created).id;
      assert.equal(body(created).status, 'open');
      // Bula Coconut (Fiji), Salt Range Crafts (Pakistan) and Santo Sandalwood (Vanuatu) make soaps.
      assert.equal(body(created).matchedExporters, 3);
      const events = await ta.testDb.database.db.selectFrom('notification_events').select('exporter_id').where('kind', '=', 'rfq_matched').where('subject_id', '=', rfqId).execute();
      assert.deepEqual(events.map((e) => e.exporter_id).sort(), [ids['Bula Coconut'], ids['Salt Range Crafts'], ids['Santo Sandalwood']].sort());

      assert.deepEqual(body(await call('bula', 'GET', '/api/exporter/rfqs')).items.map((r: ExporterRfq) => r.id), [rfqId]);
      assert.equal(body(await call('multani', 'GET', '/api/exporter/rfqs')).items.length, 0);
      assert.equal((await call('multani', 'GET', `/api/exporter/rfqs/${rfqId}`)).statusCode, 404);
      assert.equal((await call('multani', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote())).statusCode, 404);
      assert.equal((await call('otherImporter', 'GET', `/api/trade/rfqs/${rfqId}`)).statusCode, 404);
    });

    test('a quote: tiers rise in quantity and not in price, a valid date, a payment term, a currency with a rate', async () => {
      const cases: Array<[Partial<QuoteInput>, string]> = [
        [{ tiers: [{ minQuantity: 100, unitPriceMinor: 1000 }, { minQuantity: 500, unitPriceMinor: 1100 }] }, 'body.tiers.1.unitPriceMinor'],
        [{ tiers: [{ minQuantity: 500, unitPriceMinor: 1000 }, { minQuantity: 500, unitPriceMinor: 900 }] }, 'body.tiers.1.minQuantity'],
        [{ validUntil: dayOffset(-1) }, 'body.validUntil'],
        [{ ttDepositPercent: null, letterOfCredit: false }, 'body.ttDepositPercent'],
        [{ sampleAvailable: false }, 'body.samplePriceMinor'],
        [{ currency: 'SBD' }, 'body.currency'],
      ];
      for (const [over, field] of cases) {
        const res = await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote(over));
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        assert.equal(body(res).error.details[0].field, field);
      }
      assert.equal(body(await call('bula', 'GET', `/api/exporter/rfqs/${rfqId}`)).myQuote, null);

      // Matched while approved, suspended since: no quoting, as no other write (set directly, as the pavilion's review would).
      const db = ta.testDb.database.db;
      await db.updateTable('exporters').set({ status: 'suspended' }).where('id', '=', ids['Santo Sandalwood'] ?? '').execute();
      const suspended = await call('santo', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote({ currency: 'VUV', tiers: [{ minQuantity: 1, unitPriceMinor: 150 }] }));
      assert.equal(suspended.statusCode, 403);
      assert.equal(body(suspended).error.code, 'EXPORTER_SUSPENDED');
      await db.updateTable('exporters').set({ status: 'approved' }).where('id', '=', ids['Santo Sandalwood'] ?? '').execute();
      assert.equal(body(await call('santo', 'GET', `/api/exporter/rfqs/${rfqId}`)).myQuote, null);
    });

    test('two exporters quote, one revises: one quote each, every revision kept, neither sees the other', async () => {
      const bula = await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote());
      assert.equal(bula.statusCode, 201, bula.body);
      quotes.bula = body(bula).id;
      // 10.50 FJD at 3.1825 = 33.41625 → ¥33.42.
      assert.deepEqual(body(bula).tiers.map((tier: ExporterQuote['tiers'][number]) => tier.unitFen), [3978, 3501, 3342]);

      const salt = await call('salt', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote({ currency: 'PKR', tiers: [{ minQuantity: 500, unitPriceMinor: 350000 }], port: 'Karachi', letterOfCredit: false, sampleAvailable: false, samplePriceMinor: null }));
      assert.equal(salt.statusCode, 201, salt.body);
      quotes.salt = body(salt).id;

      const revised = await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote({ tiers: [{ minQuantity: 100, unitPriceMinor: 1250 }, { minQuantity: 500, unitPriceMinor: 1100 }, { minQuantity: 1000, unitPriceMinor: 1000 }] }));
      assert.equal(revised.statusCode, 200, revised.body);
      assert.equal(body(revised).id, quotes.bula);
      assert.equal(body(revised).revision, 2);
      assert.deepEqual(body(revised).revisions.map((r: ExporterQuote['revisions'][number]) => [r.revision, r.quote.tiers[2]?.unitPriceMinor]), [[1, 1050], [2, 1000]]);
      const count = await ta.testDb.database.db.selectFrom('quotes').select((eb) => eb.fn.countAll<number>().as('n')).where('rfq_id', '=', rfqId).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 2);

      const saltView = body(await call('salt', 'GET', `/api/exporter/rfqs/${rfqId}`));
      assert.equal(saltView.myQuote.id, quotes.salt);
      assert.equal(JSON.stringify(saltView).includes(quotes.bula ?? 'x'), false);
      assert.equal(body(await call('importer', 'GET', `/api/trade/rfqs/${rfqId}`)).quotes, 2);
    });

    test('the importer compares at a quantity: yuan per unit to the fen at the rate in force, cheapest first', async () => {
      const at1000 = body(await call('importer', 'GET', `/api/trade/rfqs/${rfqId}/quotes?quantity=1000`));
      assert.equal(at1000.rateDate, today());
      // Bula: 10.00 FJD × 3.1825 = ¥31.825 → ¥31.83; 10,000 FJD → ¥31,825.00. Salt Range: 3,500 PKR × 0.0251 = ¥87.85.
      assert.deepEqual(
        at1000.items.map((i: ComparisonItem) => [i.exporter.tradingNameEn, i.tierMinQuantity, i.unitPriceMinor, i.unitFen, i.totalFen]),
        [
          ['Bula Coconut', 1000, 1000, 3183, 3_182_500],
          ['Salt Range Crafts', 500, 350000, 8785, 8_785_000],
        ],
      );
      assert.equal(at1000.items[0].rate.rateMicro, 3_182_500);

      const at200 = body(await call('importer', 'GET', `/api/trade/rfqs/${rfqId}/quotes?quantity=200`));
      // 12.50 FJD × 3.1825 = ¥39.78125 → ¥39.78; Salt Range's first tier is 500: not quotable, listed last.
      assert.deepEqual(at200.items.map((i: ComparisonItem) => [i.exporter.tradingNameEn, i.unitFen, i.notQuotable]), [['Bula Coconut', 3978, null], ['Salt Range Crafts', null, 'below_first_tier']]);
      assert.equal((await call('otherImporter', 'GET', `/api/trade/rfqs/${rfqId}/quotes`)).statusCode, 404);
      assert.equal(body(await call('importer', 'GET', `/api/trade/rfqs/${rfqId}/quotes`)).quantity, 1000);
    });

    test('accepting one quote closes the RFQ, marks the other not chosen, and no quote is taken after', async () => {
      assert.equal((await call('otherImporter', 'POST', `/api/trade/rfqs/${rfqId}/quotes/${quotes.bula}/accept`)).statusCode, 404);
      const accepted = await call('member', 'POST', `/api/trade/rfqs/${rfqId}/quotes/${quotes.bula}/accept`);
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(body(accepted).rfq.status, 'accepted');
      assert.equal(body(accepted).rfq.acceptedQuoteId, quotes.bula);
      const table = body(await call('importer', 'GET', `/api/trade/rfqs/${rfqId}/quotes`));
      assert.deepEqual(table.items.map((i: ComparisonItem) => [i.exporter.tradingNameEn, i.status]), [['Bula Coconut', 'accepted'], ['Salt Range Crafts', 'not_chosen']]);

      const late = await call('salt', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote({ currency: 'PKR', tiers: [{ minQuantity: 500, unitPriceMinor: 300000 }] }));
      assert.equal(late.statusCode, 409);
      assert.equal(body(late).error.code, 'RFQ_CLOSED');
      assert.equal(body(await call('salt', 'GET', `/api/exporter/rfqs/${rfqId}`)).myQuote.revision, 1);
      assert.equal((await call('importer', 'POST', `/api/trade/rfqs/${rfqId}/quotes/${quotes.salt}/accept`)).statusCode, 409);
      assert.equal((await call('importer', 'POST', `/api/trade/rfqs/${rfqId}/cancel`)).statusCode, 409);

      const figures = body(await call('operatorPacific', 'GET', '/api/operator/trade/figures'));
      const bula = figures.exporters.find((e: Figures['exporters'][number]) => e.exporterId === ids['Bula Coconut']);
      assert.deepEqual([bula.quotes, bula.accepted], [1, 1]);
    });

    test('two acceptances at once: exactly one wins, on either engine', async () => {
      const posted = body(await call('importer', 'POST', '/api/trade/rfqs', { ...rfq(), pavilionId: ids.pacific }));
      const a = body(await call('bula', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote()));
      const b = body(await call('santo', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote({ currency: 'VUV', tiers: [{ minQuantity: 1, unitPriceMinor: 150 }] })));
      const answers = await Promise.all([a.id, b.id].map((quoteId: string) => call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${quoteId}/accept`)));
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [200, 409]);
      const winner = answers[0]?.statusCode === 200 ? a.id : b.id;
      const rows = await ta.testDb.database.db.selectFrom('quotes').select(['id', 'status']).where('rfq_id', '=', posted.id).execute();
      assert.deepEqual(rows.filter((r) => r.status === 'accepted').map((r) => r.id), [winner]);
      const stored = await ta.testDb.database.db.selectFrom('rfqs').select('accepted_quote_id').where('id', '=', posted.id).executeTakeFirstOrThrow();
      assert.equal(stored.accepted_quote_id, winner);
    });

    test('after the deadline a quote is refused with a bilingual message; the importer still chooses a valid quote', async () => {
      const posted = body(await call('importer', 'POST', '/api/trade/rfqs', { ...rfq(), pavilionId: ids.pacific }));
      assert.equal(posted.matchedExporters, 2);
      const early = body(await call('bula', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote({ validUntil: dayOffset(3) })));
      const santo = body(await call('santo', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote({ currency: 'VUV', tiers: [{ minQuantity: 1, unitPriceMinor: 150 }], port: 'Luganville' })));
      assert.equal(body(await call('salt', 'GET', '/api/exporter/rfqs')).items.some((r: ExporterRfq) => r.id === posted.id), false);

      ta.clock.advance(8 * DAY);
      // The sweep writes what reads already show: closed as of the deadline.
      const db = ta.testDb.database.db;
      const rfqs = new RfqService({ db, clock: () => ta.clock.now, rates: new RateService({ db, clock: () => ta.clock.now, pricedCurrencies: (filter) => currenciesPricedIn(db, filter) }) });
      // (The app's own minute sweep may have done it first on a slow machine: the stored row is what counts.)
      await rfqs.closePastDeadline();
      const stored = await db.selectFrom('rfqs').select(['status', 'closed_at', 'deadline']).where('id', '=', posted.id).executeTakeFirstOrThrow();
      assert.equal(stored.status, 'closed_deadline');
      assert.equal(Date.parse(stored.closed_at ?? ''), Date.parse(stored.deadline));
      assert.equal(await rfqs.closePastDeadline(), 0);
      const zh = await call('bula', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote(), { 'accept-language': 'zh-CN' });
      assert.equal(zh.statusCode, 409);
      assert.equal(body(zh).error.message, '该询价已截止：已过报价截止时间或买方已选定报价。');
      const en = await call('bula', 'PUT', `/api/exporter/rfqs/${posted.id}/quote`, quote(), { 'accept-language': 'en' });
      assert.equal(body(en).error.message, 'This request for quotation is closed: its deadline has passed or a quote was chosen.');
      const board = body(await call('bula', 'GET', `/api/exporter/rfqs/${posted.id}`));
      assert.equal(board.status, 'closed_deadline');
      assert.equal(board.myQuote.revision, 1);

      const expired = await call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${early.id}/accept`);
      assert.equal(expired.statusCode, 409);
      assert.equal(body(expired).error.code, 'QUOTE_EXPIRED');
      // 150 VUV × 0.0601 = ¥9.015 → ¥9.02 per unit, ¥9,015.00 for the 1,000. Bula: 10,500 FJD → ¥33,416.25,
      // the total converted once (not ¥33.42 × 1,000).
      const table = body(await call('importer', 'GET', `/api/trade/rfqs/${posted.id}/quotes`));
      assert.deepEqual(table.items.map((i: ComparisonItem) => [i.id, i.unitFen, i.totalFen, i.valid]), [[santo.id, 902, 901_500, true], [early.id, 3342, 3_341_625, false]]);
      const chosen = await call('importer', 'POST', `/api/trade/rfqs/${posted.id}/quotes/${santo.id}/accept`);
      assert.equal(chosen.statusCode, 200, chosen.body);
      assert.equal(body(chosen).rfq.status, 'accepted');
    });
  });
});
