import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exporterStatuses, type ExporterStatus } from '@pavilion/contracts';
import { isPublic, nextExporterStatus, type ExporterAction } from './exporter-review.rules.ts';

const actions: ExporterAction[] = ['approve', 'reject', 'suspend', 'reinstate', 'resubmit'];

/** Every legal move; any (status, action) pair not listed must be refused. */
const legal: Array<[ExporterStatus, ExporterAction, ExporterStatus]> = [
  ['pending', 'approve', 'approved'],
  ['pending', 'reject', 'rejected'],
  ['rejected', 'resubmit', 'pending'],
  ['approved', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'approved'],
];

for (const [from, action, to] of legal) {
  test(`${from} --${action}--> ${to}`, () => {
    assert.equal(nextExporterStatus(from, action), to);
  });
}

test('every other status and action pair is an illegal transition', () => {
  const allowed = new Set(legal.map(([from, action]) => `${from}:${action}`));
  const refused = exporterStatuses.flatMap((from) => actions.filter((a) => !allowed.has(`${from}:${a}`)).map((a) => [from, a] as const));
  assert.equal(refused.length, exporterStatuses.length * actions.length - legal.length);
  for (const [from, action] of refused) assert.equal(nextExporterStatus(from, action), null, `${from} --${action}--> should be refused`);
});

test('a rejected application cannot be approved without being resubmitted, nor a suspended one rejected', () => {
  assert.equal(nextExporterStatus('rejected', 'approve'), null);
  assert.equal(nextExporterStatus('suspended', 'reject'), null);
  assert.equal(nextExporterStatus('approved', 'approve'), null);
});

test('buyers see approved exporters only', () => {
  assert.deepEqual(exporterStatuses.filter(isPublic), ['approved']);
});
