import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseString as parseCsvString, writeToBuffer as writeCsvToBuffer } from 'fast-csv';
import { validationMessages as m, type ImportJob } from '@pavilion/contracts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { multipart, pngImage, seedHsRate } from '../support/catalog-fixtures.ts';
import { csvRows, productCsv, vaseRows, xlsxRows, type SheetRowInput } from '../support/product-sheets.ts';
import { demoBuyer, demoExporters } from '../../src/features/demo/demo-data.ts';
import { createSession } from '../../src/platform/sessions.ts';

describe('catalog: bulk import and export of products', () => {
  let ta: TestApp;
  let exporter: Record<string, string>;
  let otherExporter: Record<string, string>;
  let exporterId: string;
  let vaseId: string;
  let matId: string;
  const firstFile = () => productCsv([...vaseRows('vase-1', 'IMP-VASE'), { product_ref: 'mat-1', title_en: 'Pandanus mat', category: 'woven-crafts', currency: 'VUV', sku: 'IMP-MAT', price: '1500', weight_grams: '700', origin_country: 'VU' }]);

  before(async () => {
    ta = await createTestApp();
    const db = ta.testDb.database.db;
    exporter = bearer(await tokenFor(db, demoExporters[0].member.email));
    otherExporter = bearer(await tokenFor(db, demoExporters[4].member.email));
    const grant = await db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('r.exporter_id')
      .where('u.email', '=', demoExporters[0].member.email)
      .executeTakeFirstOrThrow();
    exporterId = grant.exporter_id ?? '';
    await seedHsRate(db, '6913900000');
  });
  after(() => ta.close());

  const upload = (headers: Record<string, string>, bytes: Buffer, name = 'products.csv') =>
    ta.app.inject({ method: 'POST', url: '/api/exporter/catalog/import', ...multipart({ name, type: 'application/octet-stream', bytes }, {}, headers) });
  const jobOf = (headers: Record<string, string>, jobId: string, extra: Record<string, string> = {}) =>
    ta.app.inject({ method: 'GET', url: `/api/exporter/catalog/import/${jobId}`, headers: { ...headers, ...extra } });
  async function finished(headers: Record<string, string>, jobId: string): Promise<ImportJob> {
    for (let i = 0; i < 3000; i += 1) {
      const job = (await jobOf(headers, jobId)).json() as ImportJob;
      if (job.status === 'done' || job.status === 'failed') return job;
      await sleep(10);
    }
    throw new Error(`import ${jobId} did not finish`);
  }
  async function importFile(headers: Record<string, string>, bytes: Buffer, name?: string): Promise<ImportJob> {
    const res = await upload(headers, bytes, name);
    assert.equal(res.statusCode, 202, res.body);
    return finished(headers, res.json().jobId);
  }
  const content = async (productId: string) => (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${productId}`, headers: exporter })).json();
  /** What an import may change: the exporter's products, their revisions and variants, the remembered keys. */
  async function footprint() {
    const db = ta.testDb.database.db;
    const count = async (table: 'products' | 'variants' | 'product_import_refs') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('exporter_id', '=', exporterId).executeTakeFirstOrThrow()).n);
    const revisions = await db.selectFrom('product_revisions as r').innerJoin('products as p', 'p.id', 'r.product_id').select(['r.id', 'r.content', 'r.updated_at']).where('p.exporter_id', '=', exporterId).orderBy('r.id').execute();
    return { products: await count('products'), variants: await count('variants'), refs: await count('product_import_refs'), revisions };
  }

  test('the template downloads with bilingual headers, a hints row and an example product', async () => {
    const xlsx = await ta.app.inject({ method: 'GET', url: '/api/exporter/catalog/template?format=xlsx', headers: exporter });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(xlsx.headers['content-disposition']), /^attachment; filename="pavilion-products-template\.xlsx"/);
    const rows = await xlsxRows(xlsx.rawPayload);
    const [headers = [], hints = [], example = []] = rows;
    for (const header of ['Product ref / 商品编号', 'Title (English) / 标题（英文）', 'Title (Chinese) / 标题（中文）', 'SKU / 货号', 'Price / 价格', 'Option 1 values / 规格1可选值', 'E-label: net content (Chinese) / 电子标签：净含量']) {
      assert.ok(headers.includes(header), header);
    }
    assert.ok(headers.every((h) => / \/ .*[\u4e00-\u9fff]/.test(h)), 'every header has its Chinese half');
    assert.match(hints[0] ?? '', /^# Required/);
    assert.match(hints[headers.indexOf('Price / 价格')] ?? '', /Required for a new product.*4500\.00/s);
    assert.match(hints[headers.indexOf('Title (Chinese) / 标题（中文）')] ?? '', /^Optional/);
    assert.equal(example[0], '#example-vase');
    assert.equal(example[headers.indexOf('Price / 价格')], '4500.00');
    assert.ok(rows.length === 4, 'one example product of two variants');
    const lists = (await xlsxRows(xlsx.rawPayload, 1)).flat();
    assert.ok(lists.includes('pottery-ceramics') && lists.includes('VUV') && lists.includes('PK'), 'a Lists sheet names the categories, currencies and countries');

    const csv = await ta.app.inject({ method: 'GET', url: '/api/exporter/catalog/template?format=csv', headers: exporter });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.deepEqual(csvRows(csv.rawPayload)[0], headers, 'the CSV has the same columns');
  });

  test('the template imports nothing as it is (its example rows are notes); un-noted, the example is a valid draft', async () => {
    const csv = (await ta.app.inject({ method: 'GET', url: '/api/exporter/catalog/template?format=csv', headers: otherExporter })).rawPayload;
    const asIs = await importFile(otherExporter, csv);
    assert.equal(asIs.status, 'failed');
    assert.deepEqual(asIs.errors, [{ row: null, column: null, rule: 'no_rows', message: m.importNoRows.en }]);
    const example = await importFile(otherExporter, Buffer.from(csv.toString('utf8').replaceAll('#example-vase', 'example-vase')));
    assert.equal(example.status, 'done', JSON.stringify(example.errors));
    assert.equal(example.result?.created, 1);
  });

  test('good rows create drafts, read as the hints say', async () => {
    const job = await importFile(exporter, firstFile());
    assert.equal(job.status, 'done', JSON.stringify(job.errors));
    assert.equal(job.format, 'csv');
    assert.deepEqual({ ...job.result, products: undefined }, { created: 2, updated: 0, unchanged: 0, rows: 3, products: undefined });
    assert.deepEqual(job.result?.products.map((p) => [p.ref, p.row, p.action]), [['vase-1', 3, 'created'], ['mat-1', 5, 'created']]);
    assert.equal(job.processedRows, 3);
    assert.equal(job.totalRows, 3);
    vaseId = job.result?.products[0]?.productId ?? '';
    matId = job.result?.products[1]?.productId ?? '';

    const vase = await content(vaseId);
    assert.equal(vase.status, 'draft');
    const c = vase.working.content;
    assert.equal(c.titleEn, 'Blue pottery vase');
    assert.equal(c.titleZh, '', 'a draft may lack its Chinese title');
    assert.equal(c.descriptionEn, '<p>Thrown by hand in Multan.</p><p>Painted in cobalt.</p>', 'lines typed in a cell become paragraphs');
    assert.deepEqual(c.options, [{ nameEn: 'Size', nameZh: '尺寸', values: [{ en: 'Small', zh: '小号' }, { en: 'Large', zh: '大号' }] }]);
    assert.deepEqual(
      c.variants.map((v: { sku: string; priceMinor: number; weightGrams: number; optionValues: string[]; barcode: string }) => [v.sku, v.priceMinor, v.weightGrams, v.optionValues, v.barcode]),
      [['IMP-VASE-S', 450000, 900, ['Small'], '8964000123457'], ['IMP-VASE-L', 780050, 1800, ['Large'], '']],
      'prices are read in rupees ("7,800.50" is 780050 paisa); a Chinese option value is matched to its English one',
    );
    assert.deepEqual(c.b2b, { moq: 20, tiers: [{ minQuantity: 100, priceMinor: 380000 }, { minQuantity: 500, priceMinor: 350000 }], samplePriceMinor: 500000, leadTimeDays: 30, incoterms: ['FOB', 'CIF'] });
    assert.deepEqual(c.compliance, { hsCode: '6913900000', retailSale: true, customsModes: ['9610'], indivisible: false, originCountry: 'PK', certifications: [{ type: 'iso22000', number: 'ISO-42', issuer: 'Bureau Veritas', expiresOn: '2030-01-31', documentId: null }] });
    assert.equal(c.eLabel.netContentZh, '1 件');
    assert.deepEqual(
      vase.publicationIssues.map((i: { rule: string }) => i.rule).sort(),
      ['image_required', 'title_zh_required'],
      'without images (or a Chinese title) it stays a draft that cannot be submitted yet',
    );
    const mat = await content(matId);
    assert.equal(mat.working.content.currency, 'VUV');
    assert.equal(mat.working.content.variants[0].priceMinor, 1500, 'vatu have no minor unit');
    assert.deepEqual(mat.working.content.options, []);
  });

  test('importing the same file again changes nothing; a changed price updates that product only', async () => {
    const before = await footprint();
    const again = await importFile(exporter, firstFile());
    assert.equal(again.status, 'done');
    assert.deepEqual([again.result?.created, again.result?.updated, again.result?.unchanged], [0, 0, 2]);
    assert.deepEqual(again.result?.products.map((p) => p.productId), [vaseId, matId], 'product_ref found the products it made');
    assert.deepEqual(await footprint(), before, 'no duplicate, not a byte changed');

    const rows = vaseRows('vase-1', 'IMP-VASE');
    rows[0] = { ...rows[0], price: '4600.00' };
    const changed = await importFile(exporter, productCsv([...rows, { product_ref: 'mat-1', title_en: 'Pandanus mat', category: 'woven-crafts', currency: 'VUV', sku: 'IMP-MAT', price: '1500', weight_grams: '700', origin_country: 'VU' }]));
    assert.deepEqual([changed.result?.created, changed.result?.updated, changed.result?.unchanged], [0, 1, 1]);
    const after = await footprint();
    assert.equal(after.products, before.products);
    assert.equal(after.variants, before.variants, 'variants are matched by SKU: same rows, same ids');
    assert.equal((await content(vaseId)).working.content.variants[0].priceMinor, 460000);
  });

  test('a file with errors imports nothing and names every problem by row and column', async () => {
    const product = { title_en: 'Bad row', category: 'pottery-ceramics', currency: 'PKR', weight_grams: '100', origin_country: 'PK' };
    const rows: SheetRowInput[] = [
      // rows 3 and 4: a price with three decimals in rupees; a size not among the sizes. No Chinese title: fine for a draft.
      { ...product, product_ref: 'bad-1', option1_name: 'Size|尺寸', option1_values: 'Small|小号; Large|大号', sku: 'BAD-1-S', option1_value: 'Small', price: '12.345' },
      { product_ref: 'bad-1', sku: 'BAD-1-L', option1_value: 'Huge', price: '20.00', weight_grams: '100' },
      // row 5: an unknown category, and the SKU of row 3.
      { ...product, product_ref: 'bad-2', category: 'teapots', sku: 'BAD-1-S', price: '10.00' },
      // row 6: a currency Pavilion does not price in.
      { ...product, product_ref: 'bad-3', currency: 'EUR', sku: 'BAD-3', price: '10.00' },
      // row 7: a SKU another of this exporter's products already has.
      { ...product, product_ref: 'bad-4', sku: 'IMP-MAT', price: '10.00' },
      // row 8: a good product, not imported either: all or nothing.
      { ...product, product_ref: 'good-1', sku: 'GOOD-1', price: '10.00' },
    ];
    const before = await footprint();
    const res = await upload(exporter, productCsv(rows));
    assert.equal(res.statusCode, 202);
    const job = await finished(exporter, res.json().jobId);
    assert.equal(job.status, 'failed');
    assert.equal(job.result, null);
    assert.deepEqual(job.errors?.map((e) => [e.row, e.column, e.message]), [
      [3, 'Price / 价格', m.importPrice.en],
      [4, 'Option 1 value / 规格1取值', m.importUnknownOptionValue.en],
      [5, 'Category / 类目', m.unknownCategory.en],
      [5, 'SKU / 货号', m.importSkuInFile.en],
      [6, 'Currency / 币种', m.importCurrency.en],
      [7, 'SKU / 货号', m.importSkuTaken.en],
    ]);
    assert.equal(job.errorCount, 6);
    assert.deepEqual(await footprint(), before, 'nothing was written');

    const zh = (await jobOf(exporter, res.json().jobId, { 'accept-language': 'zh-CN' })).json() as ImportJob;
    assert.equal(zh.errors?.[0]?.message, m.importPrice.zh, 'the problems are told in the reader’s language');
  });

  test('the "one indivisible item" column: yes declares it, blank leaves it undeclared, another word is refused by row and column', async () => {
    const product = { title_en: 'Pearl strand', category: 'pottery-ceramics', currency: 'PKR', weight_grams: '300', origin_country: 'PK', price: '900000.00' };
    const bad = await importFile(exporter, productCsv([{ ...product, product_ref: 'ind-bad', sku: 'IND-BAD', indivisible: 'maybe' }]));
    assert.equal(bad.status, 'failed');
    assert.deepEqual(bad.errors?.map((e) => [e.row, e.column, e.message]), [[3, 'One indivisible item / 单件不可分割', m.importYesNo.en]]);
    const good = await importFile(exporter, productCsv([{ ...product, product_ref: 'ind-1', sku: 'IND-1', indivisible: 'yes' }, { ...product, product_ref: 'ind-2', sku: 'IND-2' }]));
    assert.equal(good.status, 'done', JSON.stringify(good.errors));
    const [one, two] = good.result!.products;
    assert.equal((await content(one!.productId)).working.content.compliance.indivisible, true);
    assert.equal((await content(two!.productId)).working.content.compliance.indivisible, false);
    // Exported, the column says it back.
    const exported = await ta.app.inject({ method: 'GET', url: '/api/exporter/catalog/export?format=csv', headers: exporter });
    assert.equal(exported.statusCode, 200, exported.body);
    const [head = [], , ...rows] = csvRows(exported.rawPayload);
    const col = head.indexOf('One indivisible item / 单件不可分割');
    const skuCol = head.indexOf('SKU / 货号');
    assert.ok(col >= 0, 'the export has the column');
    assert.equal(rows.find((r) => r[skuCol] === 'IND-1')?.[col], 'yes');
    assert.equal(rows.find((r) => r[skuCol] === 'IND-2')?.[col], 'no');
  });

  test('a file missing a required column, or with an unknown one, says so on the header row', async () => {
    const missing = await importFile(exporter, productCsv([{ product_ref: 'x', title_en: 'No SKU column' }], { columns: ['product_ref', 'title_en'] }));
    assert.equal(missing.status, 'failed');
    assert.deepEqual(missing.errors, [{ row: 1, column: 'SKU / 货号', rule: 'missing_column', message: m.importMissingColumn.en }]);
    const csv = Buffer.from('Product ref,SKU,Prize\nvase-1,IMP-VASE-S,4500\n');
    const unknown = await importFile(exporter, csv);
    assert.deepEqual(unknown.errors?.map((e) => [e.row, e.column, e.rule]), [[1, 'Prize', 'unknown_column']]);
  });

  test('product_ref: another exporter’s product is not found, an archived product cannot change', async () => {
    const theirs = (await ta.app.inject({ method: 'GET', url: '/api/exporter/products', headers: otherExporter })).json().items[0].id as string;
    const archived = await importFile(exporter, productCsv([{ product_ref: 'to-archive', title_en: 'Old', category: 'pottery-ceramics', currency: 'PKR', sku: 'OLD-1', price: '1', weight_grams: '1', origin_country: 'PK' }]));
    const archivedId = archived.result?.products[0]?.productId ?? '';
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/exporter/products/${archivedId}/archive`, headers: exporter })).statusCode, 200);
    const before = await footprint();
    const job = await importFile(exporter, productCsv([
      { product_ref: theirs, title_en: 'Mine now?', sku: 'THEIRS-1', price: '1', weight_grams: '1' },
      { product_ref: archivedId, title_en: 'Back?', sku: 'OLD-1', price: '2', weight_grams: '1' },
      { product_ref: 'to-archive', title_en: 'Back by key?', sku: 'OLD-1', price: '2', weight_grams: '1' },
    ], { columns: ['product_ref', 'title_en', 'sku', 'price', 'weight_grams'] }));
    assert.equal(job.status, 'failed');
    assert.deepEqual(job.errors?.filter((e) => e.column === 'Product ref / 商品编号').map((e) => [e.row, e.message]), [
      [3, m.importUnknownProduct.en],
      [4, m.importArchived.en],
      [5, m.importArchived.en],
    ]);
    assert.deepEqual(await footprint(), before);
    const untouched = (await ta.app.inject({ method: 'GET', url: `/api/exporter/products/${theirs}`, headers: otherExporter })).json();
    assert.notEqual(untouched.working?.content.titleEn, 'Mine now?');
  });

  test('columns left out keep their values (a price list); a column headed # is the exporter’s own', async () => {
    const csv = Buffer.from('Product ref,SKU,Price,# my notes\nvase-1,IMP-VASE-S,4700.00,raised in March\nvase-1,IMP-VASE-L,7900\n');
    const job = await importFile(exporter, csv);
    assert.equal(job.status, 'done', JSON.stringify(job.errors));
    assert.deepEqual([job.result?.updated, job.result?.created], [1, 0]);
    const c = (await content(vaseId)).working.content;
    assert.deepEqual(c.variants.map((v: { priceMinor: number }) => v.priceMinor), [470000, 790000]);
    assert.equal(c.titleEn, 'Blue pottery vase');
    assert.equal(c.options.length, 1, 'options and option values kept');
    assert.deepEqual(c.variants.map((v: { optionValues: string[] }) => v.optionValues), [['Small'], ['Large']]);
  });

  test('the type is told by content: a CSV named .xlsx imports, a PNG named .csv is refused at once', async () => {
    const renamed = await importFile(exporter, productCsv([{ product_ref: 'renamed-1', title_en: 'Renamed file', category: 'pottery-ceramics', currency: 'PKR', sku: 'REN-1', price: '99.00', weight_grams: '100', origin_country: 'PK' }]), 'products.xlsx');
    assert.equal(renamed.status, 'done', JSON.stringify(renamed.errors));
    assert.equal(renamed.format, 'csv');
    assert.equal(renamed.result?.created, 1);

    const before = await footprint();
    const png = await upload(exporter, await pngImage('#336699'), 'products.csv');
    assert.equal(png.statusCode, 400);
    assert.equal(png.json().error.details[0].field, 'file');
    assert.equal(png.json().error.details[0].rule, 'invalid_file_type');
    assert.equal(png.json().error.details[0].message, m.importFileType.en);
    const gbk = await upload(exporter, Buffer.from([0xc9, 0xcc, 0xc6, 0xb7, 0x2c, 0x0a]), 'gbk.csv');
    assert.equal(gbk.statusCode, 400, 'a CSV not in UTF-8 is refused too');
    assert.deepEqual(await footprint(), before);
  });

  test('an XLSX typed by hand: numbers, formulas and rich text are read as the text they show', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('My products');
    sheet.addRow(['Product ref', '标题（英文）', 'Category', 'Currency', 'SKU', 'Price', 'Weight (g)', 'HS code', 'Origin country']);
    sheet.addRow(['typed-1', { richText: [{ text: 'Hand ' }, { text: 'typed', font: { bold: true } }] }, 'pottery-ceramics', 'PKR', 'TYPED-1', 4500.5, 900, 6913900000, 'PK']);
    sheet.addRow(['typed-1', '', '', '', 'TYPED-2', { formula: 'F2*2', result: 9001 }, 1800, '', '']);
    const job = await importFile(exporter, Buffer.from(await workbook.xlsx.writeBuffer()), 'typed.xlsx');
    assert.equal(job.status, 'done', JSON.stringify(job.errors));
    assert.equal(job.format, 'xlsx');
    const c = (await content(job.result?.products[0]?.productId ?? '')).working.content;
    assert.equal(c.titleEn, 'Hand typed');
    assert.deepEqual(c.variants.map((v: { priceMinor: number; weightGrams: number }) => [v.priceMinor, v.weightGrams]), [[450050, 900], [900100, 1800]]);
    assert.equal(c.compliance.hsCode, '6913900000');

    const broken = await importFile(exporter, Buffer.from(await workbook.xlsx.writeBuffer()).subarray(0, 3000), 'cut.xlsx');
    assert.deepEqual(broken.errors, [{ row: null, column: null, rule: 'invalid_file', message: m.importUnreadable.en }], 'a workbook cut short is unreadable');
  });

  test('export then import round-trips: the same products with the same content', async () => {
    const brand = await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers: exporter, payload: { nameEn: 'Kashigar Studio', nameZh: '卡希加工作室' } });
    assert.equal(brand.statusCode, 201, brand.body);
    const image = await ta.app.inject({ method: 'POST', url: '/api/exporter/media', ...multipart({ name: 'v.png', type: 'image/png', bytes: await pngImage('#1f4e9c') }, {}, exporter) });
    const imageId = image.json().id as string;
    const branded = await importFile(exporter, productCsv(vaseRows('branded-1', 'IMP-BR', { brand: 'kashigar studio', image_ids: imageId, title_zh: '蓝陶花瓶', customs_modes: 'none', retail_sale: 'no', option2_name: 'Colour|颜色', option2_values: 'Blue|蓝色' }).map((r) => ({ ...r, option2_value: 'Blue' }))));
    assert.equal(branded.status, 'done', JSON.stringify(branded.errors));
    const brandedId = branded.result?.products[0]?.productId ?? '';
    const bc = (await content(brandedId)).working.content;
    assert.equal(bc.brandId, brand.json().id, 'a brand is named by its English name');
    assert.deepEqual(bc.imageIds, [imageId]);

    const all = (await ta.app.inject({ method: 'GET', url: '/api/exporter/products', headers: exporter })).json().items as Array<{ id: string; status: string }>;
    const list = all.filter((p) => p.status !== 'archived');
    assert.ok(list.length < all.length, 'an archived product is there, and is not exported');
    const snapshot = async () => Promise.all(list.map(async (p) => (await content(p.id)).working?.content));
    const before = await snapshot();
    const footprintBefore = await footprint();

    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await ta.app.inject({ method: 'GET', url: `/api/exporter/catalog/export?format=${format}`, headers: exporter });
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-disposition']), new RegExp(`pavilion-products-\\d{4}-\\d{2}-\\d{2}\\.${format}`));
      const rows = format === 'xlsx' ? await xlsxRows(exported.rawPayload) : csvRows(exported.rawPayload);
      const header = rows[0] ?? [];
      const refs = new Set(rows.slice(2).map((r) => r[0]));
      assert.deepEqual([...refs].sort(), list.map((p) => p.id).sort(), 'every product, by its id, and no other exporter’s');
      const brandedRow = rows.find((r) => r[0] === brandedId) ?? [];
      assert.equal(brandedRow[header.indexOf('Brand / 品牌')], 'Kashigar Studio');
      assert.equal(brandedRow[header.indexOf('Price / 价格')], '4500.00', 'prices are text in the major unit');

      const job = await importFile(exporter, exported.rawPayload, `export.${format}`);
      assert.equal(job.status, 'done', JSON.stringify(job.errors));
      assert.equal(job.format, format);
      assert.deepEqual([job.result?.created, job.result?.updated, job.result?.unchanged], [0, 0, list.length]);
    }
    assert.deepEqual(await snapshot(), before, 'the same content');
    assert.deepEqual(await footprint(), footprintBefore);
  });

  test('a CSV export read and written back by another CSV tool (fast-csv) still imports, unchanged', async () => {
    const paragraphs = { description_en: '<p>Thrown by hand in Multan.</p>\n<p>Painted in cobalt.</p>', origin_story_en: 'Blue pottery came to Multan from Persia.\nThe Kashigar families still make it.' };
    const imported = await importFile(exporter, productCsv(vaseRows('paragraphs-1', 'IMP-PARA', paragraphs)));
    assert.equal(imported.status, 'done', JSON.stringify(imported.errors));
    const exported = await ta.app.inject({ method: 'GET', url: '/api/exporter/catalog/export?format=csv', headers: exporter });
    assert.equal(exported.statusCode, 200);
    const ours = csvRows(exported.rawPayload);
    assert.ok(ours[1]?.some((cell) => cell.includes('\n')), 'the hints row has cells of two lines');
    const header = ours[0] ?? [];
    const row = ours.find((r) => r[0] === imported.result?.products[0]?.productId) ?? [];
    assert.equal(row[header.indexOf('Description (English) / 描述（英文）')], paragraphs.description_en, 'a description of two paragraphs, on two lines');
    assert.equal(row[header.indexOf('Origin story (English) / 产地故事（英文）')], paragraphs.origin_story_en);

    // An independent parser (RFC 4180: a line break outside quotes ends the record) and writer.
    const theirs = await new Promise<string[][]>((resolve, reject) => {
      const rows: string[][] = [];
      parseCsvString<string[], string[]>(exported.rawPayload.toString('utf8').replace(/^\uFEFF/, ''))
        .on('error', reject)
        .on('data', (row: string[]) => rows.push(row))
        .on('end', () => resolve(rows));
    });
    assert.deepEqual(theirs, ours, 'another CSV tool reads the same rows and cells');
    const rewritten = await writeCsvToBuffer(theirs, { rowDelimiter: '\r\n' });

    const products = (await ta.app.inject({ method: 'GET', url: '/api/exporter/products', headers: exporter })).json().items as Array<{ id: string; status: string }>;
    const list = products.filter((p) => p.status !== 'archived');
    const before = await Promise.all(list.map(async (p) => (await content(p.id)).working?.content));
    const job = await importFile(exporter, rewritten, 'rewritten.csv');
    assert.equal(job.status, 'done', JSON.stringify(job.errors));
    assert.deepEqual([job.result?.created, job.result?.updated, job.result?.unchanged], [0, 0, list.length]);
    assert.deepEqual(await Promise.all(list.map(async (p) => (await content(p.id)).working?.content)), before);
  });

  test('a 5,000-row file is imported while the server goes on answering; a second file waits its turn (409)', async () => {
    const colours = ['Red|红色', 'Blue|蓝色', 'Green|绿色', 'White|白色', 'Black|黑色'];
    const rows: SheetRowInput[] = [];
    for (let p = 0; p < 1000; p += 1) {
      colours.forEach((colour, c) => {
        rows.push({
          product_ref: `bulk-${p}`, title_en: `Bulk tile ${p}`, category: 'pottery-ceramics', currency: 'PKR', origin_country: 'PK',
          option1_name: 'Colour|颜色', option1_values: colours.join('; '), sku: `BULK-${p}-${c}`, option1_value: colour.split('|')[0], price: `${100 + p}.50`, weight_grams: '250',
        });
      });
    }
    const res = await upload(exporter, productCsv(rows));
    assert.equal(res.statusCode, 202);
    const jobId = res.json().jobId as string;
    const busy = await upload(exporter, firstFile());
    assert.equal(busy.statusCode, 409);
    assert.equal(busy.json().error.code, 'IMPORT_IN_PROGRESS');

    const seen: ImportJob[] = [];
    let job: ImportJob;
    do {
      // As the console does: a request now and then (an in-process request alone never yields to the import).
      await sleep(5);
      job = (await jobOf(exporter, jobId)).json() as ImportJob;
      seen.push(job);
    } while ((job.status === 'validating' || job.status === 'importing') && seen.length < 20_000);
    assert.equal(job.status, 'done', JSON.stringify(job.errors?.slice(0, 3)));
    assert.deepEqual([job.result?.created, job.result?.rows], [1000, 5000]);
    assert.ok(seen.some((s) => s.status === 'validating' && s.processedRows > 0 && s.processedRows < s.totalRows), 'progress was answered half-way through');
    assert.equal(seen.find((s) => s.totalRows > 0)?.totalRows, 5000);
  });

  test('another exporter cannot see the job (404); a job is kept an hour after it ends', async () => {
    const res = await upload(exporter, firstFile());
    const jobId = res.json().jobId as string;
    assert.equal(res.headers.location, `/api/exporter/catalog/import/${jobId}`);
    await finished(exporter, jobId);
    assert.equal((await jobOf(otherExporter, jobId)).statusCode, 404);
    assert.equal((await jobOf({}, jobId)).statusCode, 401);
    const buyer = bearer(await tokenFor(ta.testDb.database.db, demoBuyer.phone));
    assert.equal((await jobOf(buyer, jobId)).statusCode, 403);
    assert.equal((await jobOf(exporter, jobId)).statusCode, 200);
    ta.clock.advance(61 * 60 * 1000);
    const user = await ta.testDb.database.db.selectFrom('users').select('id').where('email', '=', demoExporters[0].member.email).executeTakeFirstOrThrow();
    const { token } = await createSession(ta.testDb.database.db, { userId: user.id, transport: 'token', ttlHours: 1, now: ta.clock.now });
    assert.equal((await jobOf(bearer(token), jobId)).statusCode, 404);
  });
});
