import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { productContentSchema, storedProductContentSchema, validationMessages as m } from '@pavilion/contracts';
import {
  buildProductContent, cellToRichText, checkFileSkus, contentToRows, exampleProduct, groupRows, readHeader, sameContent, type ImportLookups, type RawRow,
} from './product-sheet.rules.ts';
import { headerOf, sheetColumns, sheetHeaders, sheetHints, type ColumnKey } from './product-sheet.columns.ts';

const lookups: ImportLookups = {
  categoryIds: new Set(['pottery-ceramics', 'woven-crafts']),
  brands: [{ id: 'b1', nameEn: 'Kashigar Studio', nameZh: '卡希加工作室' }],
  ownedImageIds: new Set(['11111111-1111-4111-8111-111111111111']),
  variantsBySku: new Map([['TAKEN-1', { id: 'v-taken', productId: 'p-other' }]]),
};

/** A sheet of the given columns (header on row 1, data from row 2) read into product groups. */
function sheet(keys: ColumnKey[], rows: string[][]) {
  const raw: RawRow[] = [{ row: 1, cells: keys.map(headerOf) }, ...rows.map((cells, i) => ({ row: i + 2, cells }))];
  const { layout, issues } = readHeader(raw[0] as RawRow);
  assert.deepEqual(issues, []);
  return { layout, ...groupRows(layout, raw.slice(1)) };
}
const NEW = { productId: null, base: null };

describe('the product sheet', () => {
  test('headers are known whole, by either language, or by key; # columns are the exporter’s own', () => {
    const { layout, issues } = readHeader({ row: 1, cells: ['Product ref / 商品编号', 'SKU', '价格', 'weight_grams', '# notes', 'Prize', 'sku', ''] });
    assert.deepEqual([...layout.columns.keys()], ['product_ref', 'sku', 'price', 'weight_grams']);
    assert.equal(layout.columns.get('price')?.header, '价格', 'a problem names the column as the file heads it');
    assert.deepEqual(issues.map((i) => [i.column, i.rule]), [['Prize', 'unknown_column'], ['sku', 'duplicate_column']]);
    const missing = readHeader({ row: 1, cells: ['Title (English)'] }).issues;
    assert.deepEqual(missing.map((i) => [i.column, i.rule]), [['Product ref / 商品编号', 'missing_column'], ['SKU / 货号', 'missing_column']]);
  });

  test('rows group by product_ref in file order; notes (#) and blank rows are skipped', () => {
    const { products, rowCount } = sheet(['product_ref', 'sku'], [['a', 'A-1'], ['# a note', ''], ['', ''], ['b', 'B-1'], ['a', 'A-2']]);
    assert.equal(rowCount, 3);
    assert.deepEqual(products.map((p) => [p.ref, p.rows.map((r) => r.row)]), [['a', [2, 6]], ['b', [5]]]);
  });

  test('the template’s hints row is a note, one hint a column, each saying whether it is required', () => {
    const hints = sheetHints();
    assert.equal(hints.length, sheetColumns.length);
    assert.match(hints[0] ?? '', /^# Required/);
    assert.equal(sheetHeaders().length, new Set(sheetHeaders()).size);
  });

  test('prices are read in the currency’s major unit: two decimals for rupees, none for vatu', () => {
    const keys: ColumnKey[] = ['product_ref', 'category', 'currency', 'origin_country', 'sku', 'price', 'weight_grams'];
    const read = (currency: string, price: string) => {
      const { layout, products } = sheet(keys, [['p', 'pottery-ceramics', currency, 'PK', 'S-1', price, '100']]);
      return buildProductContent(layout, products[0] ?? { ref: '', rows: [] }, NEW, lookups);
    };
    assert.equal(read('PKR', '4,500.50').content?.variants[0]?.priceMinor, 450050);
    assert.equal(read('vuv', '1500').content?.variants[0]?.priceMinor, 1500);
    for (const [currency, price] of [['PKR', '12.345'], ['VUV', '1500.5'], ['PKR', '-3'], ['PKR', '4500 rupees']]) {
      assert.deepEqual(read(currency ?? '', price ?? '').issues.map((i) => [i.row, i.column, i.message]), [[2, 'Price / 价格', m.importPrice.en]], `${price} ${currency}`);
    }
    assert.deepEqual(read('EUR', '10').issues.map((i) => [i.column, i.message]), [['Currency / 币种', m.importCurrency.en]], 'no price problem on top of the currency’s');
  });

  test('product columns repeat on each row or stay blank; a different value is named on its row', () => {
    const { layout, products } = sheet(['product_ref', 'title_en', 'category', 'currency', 'origin_country', 'sku', 'price', 'weight_grams'], [
      ['p', 'Vase', 'pottery-ceramics', 'PKR', 'PK', 'S-1', '1', '100'],
      ['p', '', '', '', '', 'S-2', '1', '100'],
      ['p', 'Jug', 'pottery-ceramics', '', '', 'S-3', '1', '100'],
    ]);
    const built = buildProductContent(layout, products[0] ?? { ref: '', rows: [] }, NEW, lookups);
    assert.deepEqual(built.issues.map((i) => [i.row, i.column, i.rule]), [[4, 'Title (English) / 标题（英文）', 'differs']]);
  });

  test('options: declared in order on the product, valued on each row, in English or Chinese', () => {
    const keys: ColumnKey[] = ['product_ref', 'category', 'currency', 'origin_country', 'option1_name', 'option1_values', 'option2_name', 'option2_values', 'sku', 'option1_value', 'option2_value', 'price', 'weight_grams'];
    const base = ['p', 'pottery-ceramics', 'PKR', 'PK'];
    const ok = sheet(keys, [[...base, 'Size|尺寸', 'Small|小号; Large|大号', 'Colour', 'Blue; White', 'S-1', '小号', 'blue', '1', '100']]);
    const content = buildProductContent(ok.layout, ok.products[0] ?? { ref: '', rows: [] }, NEW, lookups).content;
    assert.deepEqual(content?.options.map((o) => [o.nameEn, o.nameZh, o.values.length]), [['Size', '尺寸', 2], ['Colour', '', 2]]);
    assert.deepEqual(content?.variants[0]?.optionValues, ['Small', 'Blue']);

    const bad = sheet(keys, [
      [...base, '', '', 'Size', 'Small', 'S-1', 'Small', '', '1', '100'],
      ['p', '', '', '', '', '', '', '', 'S-2', '', 'Huge', '1', '100'],
    ]);
    const issues = buildProductContent(bad.layout, bad.products[0] ?? { ref: '', rows: [] }, NEW, lookups).issues;
    assert.deepEqual(issues.map((i) => [i.row, i.column, i.rule]), [
      [2, 'Option 2 name / 规格2名称', 'option_order'],
      [3, 'Option 1 value / 规格1取值', 'required'],
      [3, 'Option 2 value / 规格2取值', 'no_such_option'],
    ]);
  });

  test('a new product needs its category, currency, origin, prices and weights; references must exist', () => {
    const { layout, products } = sheet(['product_ref', 'brand', 'image_ids', 'sku'], [['p', 'Someone Else', 'not-an-id', 'TAKEN-1']]);
    const issues = buildProductContent(layout, products[0] ?? { ref: '', rows: [] }, NEW, lookups).issues;
    assert.deepEqual(issues.map((i) => [i.column, i.message]), [
      ['Currency / 币种', m.importRequiredForNew.en],
      ['Category / 类目', m.importRequiredForNew.en],
      ['Brand / 品牌', m.importUnknownBrand.en],
      ['Image ids / 图片编号', m.importUnknownImage.en],
      ['SKU / 货号', m.importSkuTaken.en],
      ['Price / 价格', m.importRequiredForNew.en],
      ['Weight (g) / 重量（克）', m.importRequiredForNew.en],
      ['Origin country / 原产国', m.importRequiredForNew.en],
    ]);
  });

  test('an existing product keeps what the file leaves out; its variants are found by SKU', () => {
    const current = storedProductContentSchema.parse({ ...productContentSchema.parse(exampleProduct), variants: productContentSchema.parse(exampleProduct).variants.map((v, i) => ({ ...v, id: `0000000${i}-0000-4000-8000-000000000000` })) });
    const known = new Map(current.variants.map((v) => [v.sku, { id: v.id, productId: 'p1' }]));
    const { layout, products } = sheet(['product_ref', 'sku', 'price'], [['p1', 'EX-VASE-L', '8000'], ['p1', 'EX-VASE-XL', '9000']]);
    const built = buildProductContent(layout, products[0] ?? { ref: '', rows: [] }, { productId: 'p1', base: current }, { ...lookups, variantsBySku: known });
    assert.deepEqual(
      built.issues.map((i) => [i.row, i.column, i.rule]),
      [[3, 'Weight (g) / 重量（克）', 'required'], [3, 'Option 1 value / 规格1取值', 'option_count']],
      'a new variant needs its weight and its size',
    );
    const { layout: l2, products: p2 } = sheet(['product_ref', 'sku', 'price'], [['p1', 'EX-VASE-L', '8000']]);
    const kept = buildProductContent(l2, p2[0] ?? { ref: '', rows: [] }, { productId: 'p1', base: current }, { ...lookups, variantsBySku: known }).content;
    assert.deepEqual(kept?.variants, [{ ...current.variants[1], priceMinor: 800000 }]);
    assert.equal(kept?.titleZh, current.titleZh);
    assert.deepEqual(kept?.b2b, current.b2b);
  });

  test('content written to rows reads back the same (the export round trip)', () => {
    const current = storedProductContentSchema.parse({
      ...productContentSchema.parse(exampleProduct),
      brandId: 'b1',
      imageIds: ['11111111-1111-4111-8111-111111111111'],
      compliance: { hsCode: '0901110000', retailSale: false, customsModes: [], originCountry: 'PK', certifications: [{ type: 'halal', number: 'PHA-1', issuer: '', expiresOn: null, documentId: null }] },
      variants: productContentSchema.parse(exampleProduct).variants.map((v, i) => ({ ...v, id: `0000000${i}-0000-4000-8000-000000000000` })),
    });
    const rows = contentToRows('p1', current, () => 'Kashigar Studio');
    const { layout, products } = sheet(sheetColumns.map((c) => c.key), rows);
    const known = new Map(current.variants.map((v) => [v.sku, { id: v.id, productId: 'p1' }]));
    const built = buildProductContent(layout, products[0] ?? { ref: '', rows: [] }, { productId: 'p1', base: null }, { ...lookups, variantsBySku: known });
    assert.deepEqual(built.issues, []);
    assert.ok(built.content && sameContent(built.content, current));
    assert.equal(rows[0]?.[sheetColumns.findIndex((c) => c.key === 'customs_modes')], 'none', 'an empty list is written as none, not left blank');
  });

  test('the same SKU on two products of one file is named on the second', () => {
    const { layout, products } = sheet(['product_ref', 'sku'], [['a', 'S-1'], ['b', 'S-2'], ['b', 'S-1']]);
    assert.deepEqual(checkFileSkus(layout, products).map((i) => [i.row, i.rule]), [[4, 'duplicate']]);
  });

  test('text typed in a cell becomes paragraphs; HTML stays as written', () => {
    assert.equal(cellToRichText('First line\n\nSecond < third & co'), '<p>First line</p><p>Second &lt; third &amp; co</p>');
    assert.equal(cellToRichText('One line only'), 'One line only');
    assert.equal(cellToRichText('<p>Kept\nas is</p>'), '<p>Kept\nas is</p>');
  });
});

test('CSV cells that look like formulas are written as text and read back unchanged', async () => {
  const { guardFormula, unguardFormula } = await import('../../platform/sheets/sheet-file.ts');
  assert.equal(guardFormula('=HYPERLINK("http://evil.example","click")'), '\'=HYPERLINK("http://evil.example","click")');
  assert.equal(guardFormula('-5% off'), "'-5% off");
  assert.equal(guardFormula('Multani blue'), 'Multani blue');
  for (const text of ['=1+1', '+86 138', '@home', "'quoted", 'plain']) assert.equal(unguardFormula(guardFormula(text)), text);
});
