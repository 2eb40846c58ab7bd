import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskBuyerName, maskResidentId } from './resident-id.rules.ts';

test('ID numbers show the region and the last four only', () => {
  assert.equal(maskResidentId('110101199003071234'), '110101********1234');
  assert.equal(maskResidentId('11010519491231002x'), '110105********002X');
  assert.equal(maskResidentId('1101'), '******************', 'never reveals a malformed value');
});

test('names keep the surname (compound surnames whole) and the middle dots', () => {
  const cases: Array<[string, string]> = [
    ['张三', '张*'],
    ['张小三', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳', '欧*'],
    ['司马光', '司马*'],
    ['买买提·艾力', '买**·**'],
    ['𠈌一', '𠈌*'],
  ];
  for (const [name, masked] of cases) assert.equal(maskBuyerName(name), masked, name);
});
