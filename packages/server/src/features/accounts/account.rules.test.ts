import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPhone } from './account.rules.ts';

test('phones are masked to the first three and last four digits', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('123'), '****');
});
