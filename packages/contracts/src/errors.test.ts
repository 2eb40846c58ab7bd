import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCodes, errorMessages } from './errors.ts';

test('every error code has a non-empty message in both languages', () => {
  for (const code of errorCodes) {
    assert.ok(errorMessages[code].en.trim(), `${code} en`);
    assert.match(errorMessages[code].zh, /[\u4e00-\u9fff]/, `${code} zh is Chinese`);
  }
});
