import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, beforeEach, test } from 'node:test';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.ts';
import type { Db } from '../../db/database.ts';
import { createLogger } from '../logging.ts';
import { defineJob, JobQueue } from './job-queue.ts';
import { claimJobs } from './job.repository.ts';

let testDb: TestDatabase;
let db: Db;
let now: Date;
const clock = () => now;
const log = createLogger({ logLevel: 'silent' });

before(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
});
after(() => testDb.drop());
beforeEach(async () => {
  now = new Date('2026-12-07T10:00:00.000Z');
  await db.deleteFrom('jobs').execute();
  await db.deleteFrom('job_schedules').execute();
});

const newQueue = () => new JobQueue({ db, clock, log });

test('a job runs once with its payload, and what it returned is kept', async () => {
  const seen: string[] = [];
  const queue = newQueue();
  const greet = queue.register(defineJob({ kind: 'test.greet', payload: z.object({ name: z.string() }), handler: async ({ name }) => (seen.push(name), { greeted: name }) }));
  const id = await queue.enqueue(greet, { name: 'Litia' });
  assert.ok(id);
  assert.equal(await queue.runDue(), 1);
  assert.equal(await queue.runDue(), 0);
  assert.deepEqual(seen, ['Litia']);
  const job = await queue.get(id);
  assert.equal(job?.state, 'done');
  assert.deepEqual(job?.result, { greeted: 'Litia' });
  assert.equal(job?.attempts, 1);
});

test('a payload that does not fit the kind is refused when enqueued, and nothing is stored', async () => {
  const queue = newQueue();
  const job = queue.register(defineJob({ kind: 'test.strict', payload: z.object({ orderId: z.string().min(1) }), handler: async () => {} }));
  await assert.rejects(queue.enqueue(job, { orderId: '' }), /orderId/);
  assert.equal((await db.selectFrom('jobs').select('id').execute()).length, 0);
});

test('a job that is not due yet waits for its time', async () => {
  let runs = 0;
  const queue = newQueue();
  const later = queue.register(defineJob({ kind: 'test.later', payload: z.object({}), handler: async () => void runs++ }));
  await queue.enqueue(later, {}, { runAt: new Date('2026-12-07T10:05:00.000Z') });
  assert.equal(await queue.runDue(), 0);
  now = new Date('2026-12-07T10:05:00.000Z');
  assert.equal(await queue.runDue(), 1);
  assert.equal(runs, 1);
});

test('a failing job is tried again after a doubling wait, then kept as failed with its last error', async () => {
  let runs = 0;
  const queue = newQueue();
  const flaky = queue.register(
    defineJob({ kind: 'test.flaky', payload: z.object({}), retry: { maxAttempts: 3, baseDelayMs: 10_000, maxDelayMs: 60_000 }, handler: async () => { runs++; throw new Error(`carrier down (${runs})`); } }),
  );
  const id = (await queue.enqueue(flaky, {}))!;
  assert.equal(await queue.runDue(), 1);
  let job = await queue.get(id);
  assert.equal(job?.state, 'pending');
  assert.equal(job?.runAt, '2026-12-07T10:00:10.000Z');
  assert.match(job?.lastError ?? '', /carrier down \(1\)/);
  now = new Date('2026-12-07T10:00:09.000Z');
  assert.equal(await queue.runDue(), 0, 'not before the wait is over');
  now = new Date('2026-12-07T10:00:10.000Z');
  assert.equal(await queue.runDue(), 1);
  assert.equal((await queue.get(id))?.runAt, '2026-12-07T10:00:30.000Z', 'the second wait is twice the first');
  now = new Date('2026-12-07T10:00:30.000Z');
  assert.equal(await queue.runDue(), 1);
  job = await queue.get(id);
  assert.equal(job?.state, 'failed');
  assert.equal(job?.attempts, 3);
  assert.match(job?.lastError ?? '', /carrier down \(3\)/);
  now = new Date('2026-12-07T12:00:00.000Z');
  assert.equal(await queue.runDue(), 0, 'a dead job is not run again by itself');
  assert.equal(runs, 3);
});

test('with a unique key at most one job waits; once it has run another can be added', async () => {
  const queue = newQueue();
  const sweep = queue.register(defineJob({ kind: 'test.sweep', payload: z.object({}), handler: async () => {} }));
  assert.ok(await queue.enqueue(sweep, {}, { uniqueKey: 'all' }));
  assert.equal(await queue.enqueue(sweep, {}, { uniqueKey: 'all' }), null);
  assert.ok(await queue.enqueue(sweep, {}, { uniqueKey: 'other' }), 'another key is another job');
  assert.equal(await queue.runDue(), 2);
  assert.ok(await queue.enqueue(sweep, {}, { uniqueKey: 'all' }));
});

test('two processes draining one queue run every job exactly once', async () => {
  const runs = new Map<number, number>();
  const define = () =>
    defineJob({
      kind: 'test.count',
      payload: z.object({ n: z.number().int() }),
      handler: async ({ n }) => {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
  const a = newQueue();
  const b = newQueue();
  const job = a.register(define());
  b.register(define());
  for (let n = 0; n < 60; n++) await a.enqueue(job, { n });
  const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
  assert.equal(ranA + ranB, 60);
  assert.equal(runs.size, 60);
  assert.deepEqual([...runs.values()].filter((c) => c !== 1), [], 'no job ran twice');
  const states = await db.selectFrom('jobs').select('state').execute();
  assert.ok(states.every((s) => s.state === 'done'));
});

test('a job whose process died is taken by another once its lease runs out, and the dead process cannot finish it', async () => {
  let runs = 0;
  const def = () => defineJob({ kind: 'test.lease', payload: z.object({}), leaseMs: 30_000, handler: async () => void runs++ });
  const survivor = newQueue();
  const job = survivor.register(def());
  const id = (await survivor.enqueue(job, {}))!;
  // The first process leases the job and dies before finishing it.
  const [taken] = await claimJobs(db, { kinds: ['test.lease'], workerId: 'dead-process', now: now.toISOString(), lockedUntil: new Date(now.getTime() + 30_000).toISOString(), limit: 1 });
  assert.equal(taken?.id, id);
  assert.equal(await survivor.runDue(), 0, 'not while the lease holds');
  now = new Date(now.getTime() + 30_001);
  assert.equal(await survivor.runDue(), 1);
  const done = await survivor.get(id);
  assert.equal(done?.state, 'done');
  assert.equal(done?.attempts, 2);
  assert.equal(runs, 1);
});

test('a job held by a process on this machine that is gone is taken at once; one held by a live process, another queue of this process or another machine waits for its lease', async () => {
  let runs = 0;
  const queue = newQueue();
  const job = queue.register(defineJob({ kind: 'test.gone', payload: z.object({}), leaseMs: 60_000, handler: async () => void runs++ }));
  const machine = queue.workerId.slice(0, queue.workerId.indexOf(':'));
  // A process that ran here and was killed: its pid runs no more.
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  const holders = {
    gone: `${machine}:${child.pid}:dead01`,
    alive: `${machine}:${process.ppid}:a11ve0`,
    // Another queue in this very process (two apps in one process): alive, whatever its id.
    samePid: `${machine}:${process.pid}:5a3e00`,
    elsewhere: `another-host~1:${child.pid}:e15e00`,
  };
  const ids: Record<string, string> = {};
  for (const [name, holder] of Object.entries(holders)) {
    const id = (await queue.enqueue(job, {}))!;
    ids[name] = id;
    await db.updateTable('jobs').set({ state: 'running', locked_by: holder, locked_until: new Date(now.getTime() + 60_000).toISOString(), attempts: 1 }).where('id', '=', id).execute();
  }
  assert.equal(await queue.runDue(), 1, 'only the job of the process that is gone');
  assert.equal((await queue.get(ids.gone!))?.state, 'done');
  assert.equal((await queue.get(ids.alive!))?.state, 'running');
  assert.equal((await queue.get(ids.samePid!))?.state, 'running');
  assert.equal((await queue.get(ids.elsewhere!))?.state, 'running');
  assert.equal(runs, 1);
});

test('a job waits while another job with its unique key is running under a live lease', async () => {
  const queue = newQueue();
  const sweep = queue.register(defineJob({ kind: 'test.exclusive', payload: z.object({}), handler: async () => {} }));
  await queue.enqueue(sweep, {}, { uniqueKey: 'k' });
  await claimJobs(db, { kinds: ['test.exclusive'], workerId: 'other', now: now.toISOString(), lockedUntil: new Date(now.getTime() + 60_000).toISOString(), limit: 1 });
  assert.ok(await queue.enqueue(sweep, {}, { uniqueKey: 'k' }), 'a new one may wait beside the running one');
  assert.equal(await queue.runDue(), 0, 'but it does not run beside it');
});

test('a schedule enqueues one job per period, however many processes tick it', async () => {
  let runs = 0;
  const queues = [newQueue(), newQueue(), newQueue()];
  for (const q of queues) {
    q.schedule({ name: 'test.every-minute', job: defineJob({ kind: 'test.tick', payload: z.object({}), handler: async () => void runs++ }), payload: {}, every: { everyMs: 60_000 } });
  }
  now = new Date('2026-12-07T10:00:30.000Z');
  await Promise.all(queues.map((q) => q.tickSchedules()));
  assert.equal(await queues[0]!.runDue(), 0, 'nothing before the first period starts');
  now = new Date('2026-12-07T10:01:00.000Z');
  await Promise.all(queues.map((q) => q.tickSchedules()));
  await Promise.all(queues.map((q) => q.runDue()));
  assert.equal(runs, 1);
  now = new Date('2026-12-07T10:01:59.000Z');
  await Promise.all(queues.map((q) => q.runDue()));
  assert.equal(runs, 1, 'still the same period');
  now = new Date('2026-12-07T10:04:10.000Z');
  await Promise.all(queues.map((q) => q.runDue()));
  assert.equal(runs, 2, 'periods missed while down are caught up once, not once each');
});
