import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { defineJob } from '../../src/platform/jobs/job-queue.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';

let ta: TestApp;
let admin: Record<string, string>;
let operator: Record<string, string>;
let carrierUp = false;

before(async () => {
  ta = await createTestApp();
  await ta.app.ready();
  admin = bearer(await tokenFor(ta.testDb.database.db, 'admin@pavilion.demo'));
  operator = bearer(await tokenFor(ta.testDb.database.db, 'operator.pk@pavilion.demo'));
});
after(() => ta.close());

const carrierPush = defineJob({
  kind: 'test.carrier-push',
  payload: z.object({ waybill: z.string() }),
  retry: { maxAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 1_000 },
  handler: async ({ waybill }) => {
    if (!carrierUp) throw new Error(`carrier refused ${waybill}: 503`);
    return { pushed: waybill };
  },
});

test('the console lists every background kind with its counts, and which ones this process runs', async () => {
  const res = await ta.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: admin });
  assert.equal(res.statusCode, 200);
  const kinds = new Map((res.json() as { queues: Array<{ kind: string; runsHere: boolean }> }).queues.map((q) => [q.kind, q.runsHere]));
  for (const kind of ['customs.sweep', 'notifications.deliver', 'payments.send-refunds', 'payments.query-pending', 'orders.expire-unpaid', 'orders.complete-delivered', 'trade.close-rfqs', 'trade.notice-deadlines', 'catalog.refresh-listing-prices', 'settlement.issue-statements', 'jobs.prune']) {
    assert.ok(kinds.has(kind), `${kind} is listed`);
  }
  assert.equal(kinds.get('customs.sweep'), false, 'the tests turn the customs worker off');
  assert.equal(kinds.get('orders.expire-unpaid'), true);
});

test('a job out of attempts is listed as failed with its error, and an admin puts it back in the queue', async () => {
  const jobs = ta.app.jobs;
  jobs.register(carrierPush);
  const id = (await jobs.enqueue(carrierPush, { waybill: 'SF1234567890' }, { runAt: new Date(ta.clock.now.getTime() - 1) }))!;
  // The app's own loop runs jobs too: drive the clock until both attempts have been made, whoever made them.
  for (let i = 0; i < 50 && (await jobs.get(id))?.state !== 'failed'; i++) {
    await jobs.runDue();
    ta.clock.advance(1_000);
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal((await jobs.get(id))?.state, 'failed');

  const failed = await ta.app.inject({ method: 'GET', url: '/api/admin/jobs?state=failed&kind=test.carrier-push', headers: admin });
  assert.equal(failed.statusCode, 200);
  const body = failed.json() as { queues: Array<{ kind: string; failed: number }>; jobs: Array<{ id: string; state: string; attempts: number; lastError: string }> };
  assert.deepEqual(body.jobs.map((j) => [j.id, j.state, j.attempts]), [[id, 'failed', 2]]);
  assert.match(body.jobs[0]!.lastError, /carrier refused SF1234567890: 503/);
  assert.equal(body.queues.find((q) => q.kind === 'test.carrier-push')?.failed, 1);

  assert.equal((await ta.app.inject({ method: 'POST', url: `/api/admin/jobs/${id}/retry`, headers: operator })).statusCode, 403, 'operators of a pavilion do not run the platform');
  assert.equal((await ta.app.inject({ method: 'GET', url: '/api/admin/jobs' })).statusCode, 401);

  carrierUp = true;
  const retried = await ta.app.inject({ method: 'POST', url: `/api/admin/jobs/${id}/retry`, headers: admin });
  assert.equal(retried.statusCode, 200);
  assert.equal(retried.json().state, 'pending');
  assert.equal(retried.json().attempts, 0);
  for (let i = 0; i < 50 && (await jobs.get(id))?.state !== 'done'; i++) {
    await jobs.runDue();
    await new Promise((r) => setTimeout(r, 20));
  }
  const done = await jobs.get(id);
  assert.equal(done?.state, 'done');
  assert.deepEqual(done?.result, { pushed: 'SF1234567890' });

  const again = await ta.app.inject({ method: 'POST', url: `/api/admin/jobs/${id}/retry`, headers: admin });
  assert.equal(again.statusCode, 409, 'only a failed job is retried');
  assert.equal((await ta.app.inject({ method: 'POST', url: '/api/admin/jobs/00000000-0000-4000-8000-000000000000/retry', headers: admin })).statusCode, 404);
  const bad = await ta.app.inject({ method: 'POST', url: '/api/admin/jobs/not-an-id/retry', headers: admin });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.details[0].field, 'params.jobId');
});
