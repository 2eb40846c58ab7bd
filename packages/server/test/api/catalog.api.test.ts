import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart, pngImage, seedHsRate, vaseContent } from '../support/catalog-fixtures.ts';
import { demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

describe('catalog: from draft to the Chinese storefront', () => {
  let ta: TestApp;
  let exporter: Record<string, string>;
  let otherExporter: Record<string, string>;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  let imageId: string;
  let productId: string;
  const today = () => new Date(ta.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  before(async () => {
    ta = await createTestApp();
    const db = ta.testDb.database.db;
    exporter = bearer(await tokenFor(db, demoExporters[0].member.email));
    otherExporter = bearer(await tokenFor(db, demoExporters[4].member.email));
    operator = bearer(await tokenFor(db, demoPavilions[0].operator.email));
    otherOperator = bearer(await tokenFor(db, demoPavilions[1].operator.email));
    await seedHsRate(db, '6913900000');
  });
  after(() => ta.close());

  test('an exporter uploads an image: checked by content, EXIF-free WebP sizes, stored once', async () => {
    const bytes = await pngImage('#1f4e9c', 1600, 1200);
    const upload = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'vase.png', type: 'image/png', bytes }, {}, exporter) });
    assert.equal(upload.statusCode, 201, upload.body);
    const image = upload.json();
    assert.equal(image.width, 1600);
    imageId = image.id;
    const display = await ta.app.inject({ method: 'GET', url: image.urls.display });
    assert.equal(display.statusCode, 200);
    assert.equal(display.headers['content-type'], 'image/webp');
    assert.match(String(display.headers['cache-control']), /immutable/);
    const again = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'copy.png', type: 'image/png', bytes }, {}, exporter) });
    assert.equal(again.json().id, imageId, 'the same picture is stored once');
  });

  test('a text file renamed .jpg is refused, naming the field, and nothing is stored', async () => {
    const db = ta.testDb.database.db;
    const before = (await db.selectFrom('media').select('id').execute()).length;
    const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('this is not a picture at all') }, {}, exporter) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, 'file');
    assert.equal(res.json().error.details[0].rule, 'invalid_file_type');
    assert.equal((await db.selectFrom('media').select('id').execute()).length, before);
  });

  test('a draft without a Chinese title is saved, but submitting it names each failed rule', async () => {
    const created = await ta.app.inject({ method: 'POST', url: '/api/exporter/products', headers: exporter, payload: vaseContent(imageId, { titleZh: '', imageIds: [] }) });
    assert.equal(created.statusCode, 201, created.body);
    productId = created.json().id;
    assert.equal(created.json().status, 'draft');
    assert.deepEqual(created.json().publicationIssues.map((i: { rule: string }) => i.rule), ['title_zh_required', 'image_required']);
    assert.ok(!created.json().working.content.descriptionEn.includes('<script>'), 'rich text is sanitized');

    const submit = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/submit`, headers: exporter });
    assert.equal(submit.statusCode, 422);
    assert.equal(submit.json().error.code, 'PUBLICATION_RULES_FAILED');
    assert.deepEqual(submit.json().error.details.map((d: { rule: string; field: string }) => `${d.rule}@${d.field}`), ['title_zh_required@titleZh', 'image_required@imageIds']);
    const still = await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter });
    assert.equal(still.json().status, 'draft');
  });

  test('another exporter cannot see or change it (404, unchanged)', async () => {
    assert.equal((await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: otherExporter })).statusCode, 404);
    const put = await ta.app.inject({ method: 'PUT', url: `/api/exporter/products/${productId}`, headers: otherExporter, payload: vaseContent(imageId) });
    assert.equal(put.statusCode, 404);
    const mine = await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter });
    assert.equal(mine.json().working.content.titleZh, '');
  });

  test('completed and submitted, it waits for the pavilion operator; buyers do not see it yet', async () => {
    const saved = await ta.app.inject({ method: 'PUT', url: `/api/exporter/products/${productId}`, headers: exporter, payload: vaseContent(imageId) });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().publicationIssues, []);
    const submitted = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/submit`, headers: exporter });
    assert.equal(submitted.statusCode, 200);
    assert.equal(submitted.json().status, 'submitted');

    assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` })).statusCode, 404);
    const queue = await ta.app.inject({ method: 'GET', url: '/api/operator/products/review', headers: operator });
    assert.deepEqual(queue.json().items.map((i: { productId: string }) => i.productId), [productId]);
    const otherQueue = await ta.app.inject({ method: 'GET', url: '/api/operator/products/review', headers: otherOperator });
    assert.deepEqual(otherQueue.json().items, []);
    const otherApprove = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/approve`, headers: otherOperator, payload: { revisionId: submitted.json().working.revisionId } });
    assert.equal(otherApprove.statusCode, 404, 'the Pacific operator does not run the Pakistan pavilion');
  });

  test('approved, it is on sale; without a PKR rate it shows as unavailable and operators are alerted', async () => {
    const view = await ta.app.inject({ method: 'GET', url: `/api/operator/products/${productId}`, headers: operator });
    const approve = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/approve`, headers: operator, payload: { revisionId: view.json().product.working.revisionId } });
    assert.equal(approve.statusCode, 200, approve.body);
    assert.equal(approve.json().product.status, 'published');

    const page = await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` });
    assert.equal(page.statusCode, 200);
    assert.equal(page.json().available, false);
    assert.equal(page.json().unavailableReason, 'no_exchange_rate');
    assert.equal(page.json().variants[0].price.cnyFen, null);
    assert.deepEqual(page.json().variants[0].price.origin, { amount: 450000, currency: 'PKR' });

    const rates = await ta.app.inject({ method: 'GET', url: '/api/operator/rates', headers: operator });
    assert.deepEqual(rates.json().alerts.map((a: { subject: string }) => a.subject), ['PKR']);
    assert.match(rates.json().alerts[0].messageZh, /巴基斯坦卢比/);
  });

  test('with a rate in force, prices show in yuan to the fen, beside the rupee price', async () => {
    const added = await ta.app.inject({ method: 'POST', url: '/api/operator/rates', headers: operator, payload: { currency: 'PKR', rate: '0.0255', effectiveDate: today(), source: 'PBOC central parity, third Wednesday of last month' } });
    assert.equal(added.statusCode, 201, added.body);
    const page = await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}`, headers: { 'accept-language': 'zh-CN' } });
    // PKR 4,500.00 × 0.0255 = 114.75; 7,800.00 × 0.0255 = 198.90; B2B tier 3,800.00 → 96.90
    assert.deepEqual(page.json().variants.map((v: { price: { cnyFen: number } }) => v.price.cnyFen), [11475, 19890]);
    assert.equal(page.json().b2bTiers[0].price.cnyFen, 9690);
    assert.deepEqual(page.json().exchangeRate, { currency: 'PKR', rate: '0.0255', effectiveDate: today(), source: 'PBOC central parity, third Wednesday of last month' });
    assert.equal(page.json().unavailableReason, 'out_of_stock');

    const list = await ta.app.inject({ method: 'GET', url: '/api/store/products?pavilion=pakistan' });
    assert.equal(list.statusCode, 200, list.body);
    const card = list.json().items.find((i: { id: string }) => i.id === productId);
    assert.equal(card.price.cnyFen, 11475);
    assert.equal(card.titleZh, '木尔坦蓝陶花瓶');
    const rates = await ta.app.inject({ method: 'GET', url: '/api/operator/rates', headers: operator });
    assert.deepEqual(rates.json().alerts, [], 'the alert is resolved');
    const inForce = (await ta.app.inject({ method: 'GET', url: '/api/store/exchange-rates' })).json();
    assert.deepEqual(inForce, { date: today(), items: [{ currency: 'PKR', rate: '0.0255', rateMicro: 25500, effectiveDate: today(), source: 'PBOC central parity, third Wednesday of last month' }] });
    const dup = await ta.app.inject({ method: 'POST', url: '/api/operator/rates', headers: operator, payload: { currency: 'PKR', rate: '0.03', effectiveDate: today(), source: 'again' } });
    assert.equal(dup.statusCode, 409);
  });

  test('a rate effective tomorrow takes over tomorrow, not before', async () => {
    const tomorrow = new Date(ta.clock.now.getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const added = await ta.app.inject({ method: 'POST', url: '/api/operator/rates', headers: operator, payload: { currency: 'PKR', rate: '0.03', effectiveDate: tomorrow, source: 'next month' } });
    assert.equal(added.statusCode, 201);
    const price = async () => (await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` })).json().variants[0].price.cnyFen;
    assert.equal(await price(), 11475);
    ta.clock.advance(86_400_000);
    assert.equal(await price(), 13500, 'PKR 4,500.00 × 0.03');
    ta.clock.advance(-86_400_000);
  });

  test('stock in a warehouse makes it buyable; stock never goes below what is reserved', async () => {
    const wh = await ta.app.inject({ method: 'POST', url: '/api/exporter/warehouses', headers: exporter, payload: { kind: 'origin', name: 'Multan workshop', city: 'Multan', countryCode: 'PK' } });
    assert.equal(wh.statusCode, 201);
    const bad = await ta.app.inject({ method: 'POST', url: '/api/exporter/warehouses', headers: exporter, payload: { kind: 'bonded', name: 'Waigaoqiao', city: 'Shanghai', countryCode: 'PK' } });
    assert.equal(bad.json().error.details[0].field, 'body.countryCode');
    const product = await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter });
    const variantId = product.json().live.content.variants[0].id;
    const set = await ta.app.inject({ method: 'PUT', url: '/api/exporter/stock', headers: exporter, payload: { variantId, warehouseId: wh.json().id, onHand: 12 } });
    assert.equal(set.statusCode, 200, set.body);
    const other = await ta.app.inject({ method: 'PUT', url: '/api/exporter/stock', headers: otherExporter, payload: { variantId, warehouseId: wh.json().id, onHand: 0 } });
    assert.equal(other.statusCode, 404);

    const page = await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` });
    assert.equal(page.json().available, true);
    assert.deepEqual(page.json().variants.map((v: { stock: string }) => v.stock), ['in_stock', 'out_of_stock']);
    const card = (await ta.app.inject({ method: 'GET', url: '/api/store/products' })).json().items.find((i: { id: string }) => i.id === productId);
    assert.equal(card.inStock, true);
    assert.equal(card.available, true);

    await ta.testDb.database.db.updateTable('stock_levels').set({ reserved: 10 }).where('variant_id', '=', variantId).execute();
    const below = await ta.app.inject({ method: 'PUT', url: '/api/exporter/stock', headers: exporter, payload: { variantId, warehouseId: wh.json().id, onHand: 9 } });
    assert.equal(below.statusCode, 400);
    assert.equal(below.json().error.details[0].field, 'body.onHand');
    const row = await ta.testDb.database.db.selectFrom('stock_levels').select(['on_hand']).where('variant_id', '=', variantId).executeTakeFirstOrThrow();
    assert.equal(row.on_hand, 12, 'unchanged');
  });

  test('editing a live product keeps the live version on sale until the edit is approved', async () => {
    const current = (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter })).json();
    const live = current.live.content;
    const edited = { ...vaseContent(imageId), variants: live.variants.map((v: { priceMinor: number }, i: number) => ({ ...v, priceMinor: i === 0 ? 500000 : v.priceMinor })) };
    const saved = await ta.app.inject({ method: 'PUT', url: `/api/exporter/products/${productId}`, headers: exporter, payload: edited });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().status, 'published');
    assert.equal(saved.json().working.state, 'draft');
    const buyerSees = async () => (await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` })).json().variants[0].price.origin.amount;
    assert.equal(await buyerSees(), 450000);

    await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/submit`, headers: exporter });
    const queue = (await ta.app.inject({ method: 'GET', url: '/api/operator/products/review', headers: operator })).json();
    assert.equal(queue.items[0].isEdit, true);
    const revisionId = queue.items[0].revisionId;
    const changes = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/request-changes`, headers: operator, payload: { revisionId, reasons: [{ field: 'variants.0.priceMinor', reason: '涨价幅度请说明 / please explain the increase' }] } });
    assert.equal(changes.statusCode, 200);
    const mine = (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter })).json();
    assert.equal(mine.working.state, 'changes_requested');
    assert.deepEqual(mine.working.reviewReasons.map((r: { field: string }) => r.field), ['variants.0.priceMinor']);
    assert.equal(await buyerSees(), 450000, 'still the live price');

    const approveStale = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/approve`, headers: operator, payload: { revisionId } });
    assert.equal(approveStale.statusCode, 409, 'a revision sent back cannot be approved');
    await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/submit`, headers: exporter });
    const approved = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/approve`, headers: operator, payload: { revisionId } });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(await buyerSees(), 500000);
  });

  test('SKUs are unique per exporter, across products', async () => {
    const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/products', headers: exporter, payload: vaseContent(imageId, { variants: [{ sku: 'MB-VASE-L', weightGrams: 10, priceMinor: 1 }], options: [] }) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, 'body.variants.0.sku');
    const elsewhere = await ta.app.inject({ method: 'POST', url: '/api/exporter/products', headers: otherExporter, payload: vaseContent(imageId, { variants: [{ sku: 'MB-VASE-L', weightGrams: 10, priceMinor: 1 }], options: [], imageIds: [] }) });
    assert.equal(elsewhere.statusCode, 201, 'another exporter may use the same SKU');
    const foreignImage = await ta.app.inject({ method: 'POST', url: '/api/exporter/products', headers: otherExporter, payload: vaseContent(imageId, { variants: [{ sku: 'X-1', weightGrams: 10, priceMinor: 1 }], options: [] }) });
    assert.equal(foreignImage.statusCode, 400, "an exporter cannot use another's image");
    assert.equal(foreignImage.json().error.details[0].field, 'body.imageIds');
  });

  test('unpublished, it leaves the storefront; archived, it cannot come back', async () => {
    const off = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/unpublish`, headers: exporter });
    assert.equal(off.statusCode, 200);
    assert.deepEqual(off.json().live.reviewReasons, []);
    assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` })).statusCode, 404);
    const list = (await ta.app.inject({ method: 'GET', url: '/api/store/products' })).json();
    assert.ok(!list.items.some((i: { id: string }) => i.id === productId));
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/republish`, headers: exporter })).statusCode, 200);
    assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/products/${productId}` })).statusCode, 200);
    const byOperator = await ta.app.inject({ method: 'POST', url: `/api/operator/products/${productId}/unpublish`, headers: operator, payload: { reason: '标签照片缺失 / label photo missing' } });
    assert.equal(byOperator.statusCode, 200);
    const seen = (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter })).json();
    assert.equal(seen.status, 'unpublished');
    assert.deepEqual(seen.live.reviewReasons.map((r: { reason: string }) => r.reason), ['标签照片缺失 / label photo missing'], 'the exporter sees why');
    const again = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/republish`, headers: exporter });
    assert.deepEqual(again.json().live.reviewReasons, [], 'the reason goes once it is back on sale');
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/archive`, headers: exporter })).statusCode, 409, 'unpublish first');
    await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/unpublish`, headers: exporter });
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/archive`, headers: exporter })).statusCode, 200);
    const back = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${productId}/republish`, headers: exporter });
    assert.equal(back.statusCode, 409);
    assert.equal(back.json().error.code, 'INVALID_TRANSITION');
  });

  test('the exporter declares whether one unit is an indivisible good; undeclared it is not; the reviewing operator sees it', async () => {
    const mk = (sku: string, compliance: Record<string, unknown>) =>
      ta.app.inject({
        method: 'POST',
        url: '/api/exporter/products',
        headers: exporter,
        payload: vaseContent(imageId, { variants: [{ sku, weightGrams: 900, priceMinor: 450000, optionValues: ['Small'] }], compliance: { hsCode: '6913900000', retailSale: true, customsModes: ['9610'], originCountry: 'PK', certifications: [], ...compliance } as never }),
      });
    const strand = await mk('IND-ONE-1', { indivisible: true });
    assert.equal(strand.statusCode, 201, strand.body);
    assert.equal(strand.json().working.content.compliance.indivisible, true);
    const set = await mk('IND-SET-2', {});
    assert.equal(set.statusCode, 201, set.body);
    assert.equal(set.json().working.content.compliance.indivisible, false, 'a product that does not say is not an indivisible item');
    const wrong = await mk('IND-BAD-3', { indivisible: 'yes' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.details[0].field, 'body.compliance.indivisible');

    const id = strand.json().id as string;
    const submitted = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${id}/submit`, headers: exporter });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const review = await ta.app.inject({ method: 'GET', url: `/api/operator/products/${id}`, headers: operator });
    assert.equal(review.statusCode, 200, review.body);
    assert.equal(review.json().product.working.content.compliance.indivisible, true);
    assert.ok('tariffRateBp' in review.json().hsRate, 'the review shows the code\'s MFN tariff too');
  });

  test('food comes from the HS code: edible oil under a non-food category needs the food e-label and GACC to publish', async () => {
    // The operator adds HS 1515 (other fixed vegetable oils) without saying whether it is food: the code's default marks it.
    const put = await ta.app.inject({
      method: 'PUT',
      url: '/api/operator/hs-rates/1515909090',
      headers: operator,
      payload: { descriptionEn: 'Other fixed vegetable oils', descriptionZh: '其他固定植物油', vatRateBp: 900, retailEligible: true },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().isFood, true);
    const listed = await ta.app.inject({ method: 'GET', url: '/api/operator/hs-rates?q=1515', headers: operator });
    assert.deepEqual(listed.json().items.map((r: { hsCode: string; isFood: boolean }) => [r.hsCode, r.isFood]), [['1515909090', true]]);

    // Multani Blue has no GACC registration; the oil is filed under "Natural oils" (beauty, not a food category).
    const oil = vaseContent(imageId, {
      titleEn: 'Cold-pressed apricot kernel oil',
      titleZh: '冷榨杏仁油',
      categoryId: 'natural-oils',
      options: [],
      variants: [{ sku: 'OIL-100', weightGrams: 150, priceMinor: 250000, optionValues: [] }],
      compliance: { hsCode: '1515909090', retailSale: true, customsModes: ['9610'], originCountry: 'PK', certifications: [] },
      eLabel: { nameZh: '杏仁油', originZh: '巴基斯坦', netContentZh: '100毫升', importerZh: '上海海岛优选贸易有限公司' },
    });
    const created = await ta.app.inject({ method: 'POST', url: '/api/exporter/products', headers: exporter, payload: oil });
    assert.equal(created.statusCode, 201, created.body);
    const expected = ['e_label_incomplete@eLabel.ingredientsZh', 'e_label_incomplete@eLabel.shelfLifeZh', 'e_label_incomplete@eLabel.storageZh', 'gacc_registration_required@exporter.gaccRegistrationNumber'];
    const issues = (list: Array<{ rule: string; field: string }>) => list.map((d) => `${d.rule}@${d.field}`);
    assert.deepEqual(issues(created.json().publicationIssues), expected);
    const submit = await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${created.json().id}/submit`, headers: exporter });
    assert.equal(submit.statusCode, 422, submit.body);
    assert.deepEqual(issues(submit.json().error.details), expected);
    const still = await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${created.json().id}`, headers: exporter });
    assert.equal(still.json().status, 'draft');

    // An operator who judges the code non-food clears the mark; the non-food category then adds nothing.
    const cleared = await ta.app.inject({
      method: 'PUT',
      url: '/api/operator/hs-rates/1515909090',
      headers: operator,
      payload: { descriptionEn: 'Other fixed vegetable oils', descriptionZh: '其他固定植物油', vatRateBp: 900, retailEligible: true, isFood: false },
    });
    assert.equal(cleared.json().isFood, false);
    const again = await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${created.json().id}`, headers: exporter });
    assert.deepEqual(again.json().publicationIssues, []);
  });
});
