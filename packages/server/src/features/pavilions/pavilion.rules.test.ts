import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canOperate, featureIssues } from './pavilion.rules.ts';

test('an operator runs only its own pavilions; an admin runs all', () => {
  assert.equal(canOperate(['pk'], 'pk'), true);
  assert.equal(canOperate(['pk'], 'pacific'), false);
  assert.equal(canOperate([], 'pk'), false);
  assert.equal(canOperate('all', 'pacific'), true);
});

test('featured lists: known ids pass, others and repeats are named by position', () => {
  const base = { approvedExporterIds: new Set(['e1', 'e2']), listedProductIds: new Set(['p1']) };
  assert.deepEqual(featureIssues({ ...base, exporterIds: ['e2', 'e1'], productIds: ['p1'] }), []);
  assert.deepEqual(
    featureIssues({ ...base, exporterIds: ['e1', 'e9', 'e1'], productIds: ['p1', 'p2'] }).map((i) => `${i.field}:${i.rule}`),
    ['body.exporterIds.1:not_pavilion_exporter', 'body.exporterIds.2:duplicate', 'body.productIds.1:not_pavilion_product'],
  );
});
