import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PaymentWorker } from './payment-worker.ts';

const log = { error() {} } as never;

test('one run at a time: kicks during a run make one more run; stop waits for the run under way; nothing runs after stop', async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  let release: () => void = () => {};
  const worker = new PaymentWorker({
    log,
    refundIntervalMs: 60_000,
    queryIntervalMs: 60_000,
    tasks: {
      refunds: async () => {
        running++;
        most = Math.max(most, running);
        runs++;
        await new Promise<void>((resolve) => (release = resolve));
        running--;
      },
      pending: async () => {},
    },
  });
  worker.kick();
  assert.equal(runs, 0, 'not started: kicks do nothing');
  worker.start(); // runs once at start
  await new Promise((r) => setImmediate(r));
  worker.kick();
  worker.kick();
  worker.kick();
  release();
  await new Promise((r) => setImmediate(r));
  assert.equal(runs, 2, 'three kicks during a run make one more run');
  const stopping = worker.stop();
  let stopped = false;
  void stopping.then(() => (stopped = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(stopped, false, 'stop waits for the run under way');
  release();
  await stopping;
  worker.kick();
  assert.equal(runs, 2);
  assert.equal(most, 1);
});

test('a failing task is logged and does not stop the next run', async () => {
  const errors: unknown[] = [];
  let runs = 0;
  const worker = new PaymentWorker({
    log: { error: (e: unknown) => errors.push(e) } as never,
    refundIntervalMs: 60_000,
    tasks: { refunds: async () => { runs++; throw new Error('database down'); }, pending: async () => {} },
  });
  worker.start();
  await new Promise((r) => setTimeout(r, 5));
  worker.kick();
  await new Promise((r) => setTimeout(r, 5));
  await worker.stop();
  assert.equal(runs, 2);
  assert.equal(errors.length, 2);
});
