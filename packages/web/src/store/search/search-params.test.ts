import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeFilters, parseFilter, readSearchParams, searchPath, toSearchQuery, writeSearchParams, yuanToFen } from './search-params.ts';

test('a shared address opens the same search: words, filters and sort read back as written', () => {
  const params = readSearchParams(new URLSearchParams('q=fiji 椰子油&country=FJ&price_min=20&price_max=99.5&mode=1210&cert=organic&in_stock=true&sort=price_asc&pavilion=pacific'));
  assert.deepEqual(params, {
    q: 'fiji 椰子油',
    sort: 'price_asc',
    pavilion: 'pacific',
    country: 'FJ',
    category: undefined,
    price_min: '20',
    price_max: '99.5',
    mode: '1210',
    cert: 'organic',
    in_stock: 'true',
  });
  assert.deepEqual(activeFilters(params), ['pavilion', 'country', 'price_min', 'price_max', 'mode', 'cert', 'in_stock']);
});

test('values the API would refuse are dropped from a hand-edited address instead of failing the page', () => {
  const params = readSearchParams(new URLSearchParams('q=honey&country=XX&price_min=abc&price_max=1.234&mode=9999&cert=gold&in_stock=yes&sort=cheapest'));
  assert.equal(params.country, undefined);
  assert.equal(params.price_min, undefined);
  assert.equal(params.price_max, undefined);
  assert.equal(params.mode, undefined);
  assert.equal(params.cert, undefined);
  assert.equal(params.in_stock, undefined);
  assert.equal(params.sort, 'relevance');
  assert.deepEqual(activeFilters(params), []);
});

test('a minimum above the maximum keeps the maximum only (the API answers 400 to both)', () => {
  const params = readSearchParams(new URLSearchParams('q=salt&price_min=200&price_max=50'));
  assert.equal(params.price_min, undefined);
  assert.equal(params.price_max, '50');
});

test('writing leaves out the default sort and cleared values, and keeps the rest of the address', () => {
  const current = new URLSearchParams('q=椰子&country=FJ&sort=newest');
  assert.equal(writeSearchParams(current, { sort: 'relevance' }).toString(), new URLSearchParams('q=椰子&country=FJ').toString());
  assert.equal(writeSearchParams(current, { country: undefined, cert: 'organic' }).toString(), new URLSearchParams('q=椰子&sort=newest&cert=organic').toString());
});

test('the API query carries the page and no default sort', () => {
  const params = readSearchParams(new URLSearchParams('q=pearl&country=FJ'));
  const { sort: _sort, ...rest } = params;
  assert.deepEqual(toSearchQuery(params, 2, 20), { ...rest, page: 2, page_size: 20 });
  assert.equal(toSearchQuery({ ...params, sort: 'newest' }, 1, 20).sort, 'newest');
});

test('yuan typed in the drawer are read as the contract reads them', () => {
  assert.equal(yuanToFen('88'), 8800);
  assert.equal(yuanToFen('88.5'), 8850);
  assert.equal(yuanToFen('0.05'), 5);
  assert.equal(parseFilter('price_min', '12.345'), undefined);
  assert.equal(parseFilter('country', 'WS'), 'WS');
});

test('a new search starts from its words alone', () => {
  assert.equal(searchPath('  fiji 椰子油 '), `/search?${new URLSearchParams({ q: 'fiji 椰子油' }).toString()}`);
});
