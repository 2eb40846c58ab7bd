import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cart } from '@pavilion/contracts';
import { goodsFen, groupByExporter, selectedLines, toggleLines, type CartLine } from './cart-selection.ts';

const multani = { id: 'e1', nameZh: '木尔坦蓝陶坊', nameEn: 'Multani Blue' };
const ajrak = { id: 'e2', nameZh: '阿吉拉克', nameEn: 'Ajrak House' };

function line(variantId: string, exporter: CartLine['exporter'], cnyFen: number | null, quantity: number, problem: CartLine['problem'] = null): CartLine {
  return {
    variantId,
    productId: `p-${variantId}`,
    titleZh: variantId,
    titleEn: variantId,
    optionValues: [],
    cover: null,
    exporter,
    quantity,
    unitPrice: { cnyFen, origin: { amount: 100, currency: 'PKR' } },
    available: 10,
    problem,
  };
}

const cart: Cart = {
  lines: [line('a', multani, 7350, 2), line('b', ajrak, 6590, 1), line('c', multani, 12000, 1, 'out_of_stock'), line('d', ajrak, null, 1, 'no_exchange_rate')],
  goodsFen: 21290,
  guestToken: null,
};

test('lines are grouped by exporter in the order the cart lists them', () => {
  const groups = groupByExporter(cart.lines);
  assert.deepEqual(groups.map((g) => [g.exporter.id, g.lines.map((l) => l.variantId)]), [['e1', ['a', 'c']], ['e2', ['b', 'd']]]);
});

test('only ticked lines without a problem go to checkout, and their goods add up to the fen', () => {
  const chosen = selectedLines(cart, new Set(['a', 'b', 'c', 'd']));
  assert.deepEqual(chosen.map((l) => l.variantId), ['a', 'b']);
  assert.equal(goodsFen(chosen), 7350 * 2 + 6590);
  assert.equal(goodsFen(selectedLines(cart, new Set(['b']))), 6590);
});

test('ticking an exporter adds its lines and unticking removes only them', () => {
  const all = toggleLines(new Set(['b']), ['a', 'c'], true);
  assert.deepEqual([...all].sort(), ['a', 'b', 'c']);
  assert.deepEqual([...toggleLines(all, ['a', 'c'], false)], ['b']);
});
