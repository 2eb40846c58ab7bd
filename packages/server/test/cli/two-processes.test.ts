import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { seedBenchBuyers, setSaleStock } from '../../../../scripts/bench/checkout-fixture.ts';
import { demoExporters } from '../../src/features/demo/demo-data.ts';
import { parseIdentityKeys } from '../../src/features/identities/index.ts';
import { RISK_NOTICE } from '../../src/features/orders/order.rules.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { productCsv, type SheetRowInput } from '../support/product-sheets.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-db.ts';

/**
 * Two real server processes on one PostgreSQL database, as a deployment that outgrew one machine
 * runs them: both start with --demo on the same empty database, an import started on one is
 * followed on the other, one import per exporter holds across them, paid orders are declared to
 * customs once whichever server took them, recurring work runs once per period, and a process killed
 * in the middle of a job leaves it to the other. Each test prints its figures (t.diagnostic).
 */
const bin = path.resolve(import.meta.dirname, '../../bin/pavilion.js');
const skip = testDialect !== 'postgres' ? 'two server processes share a PostgreSQL database (TEST_DB=postgres)' : false;

type Server = { child: ReturnType<typeof spawn>; url: string; output: () => string };
const started = new Set<ReturnType<typeof spawn>>();
let tdb: TestDatabase;
let dataDir: string;
let a: Server;
let b: Server;
/** Both servers' secret: the identities a buyer entered on one are read by the other. */
const secretKey = `two-processes-${process.pid}-${Date.now()}`;

async function start(): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'serve', '--demo'], {
    // One data directory, as two processes of one machine share it (the uploaded file waits there for whichever process runs the import).
    // Customs is on (its messages go to DATA_DIR/customs/outbox, one folder for both, as the customs client would read it).
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', DATABASE_URL: tdb.target.dialect === 'postgres' ? tdb.target.url : '', LOG_LEVEL: 'warn', SECRET_KEY: secretKey, CUSTOMS_ENABLED: 'true', CUSTOMS_INTERVAL_MS: '500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 90_000);
    child.stdout!.on('data', () => {
      const match = /Pavilion is running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error(`exited early:\n${out}`)));
  });
  return { child, url, output: () => out };
}

before(async () => {
  if (skip) return;
  tdb = await createTestDatabase({ migrate: false });
  dataDir = mkdtempSync(path.join(tmpdir(), 'pavilion-two-'));
  [a, b] = await Promise.all([start(), start()]);
});

after(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (skip) return;
  await tdb.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(server: Server, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'pavilion-demo-2026', session: 'token' }) });
  assert.equal(res.status, 200, await res.clone().text());
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

function upload(server: Server, auth: Record<string, string>, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), 'products.csv');
  return fetch(`${server.url}/api/exporter/catalog/import`, { method: 'POST', headers: auth, body: form });
}

const jobOf = async (server: Server, auth: Record<string, string>, id: string) =>
  (await (await fetch(`${server.url}/api/exporter/catalog/import/${id}`, { headers: auth })).json()) as { status: string; processedRows: number; totalRows: number; result: { created: number } | null };

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const tiles = (prefix: string, products: number): Buffer => {
  const rows: SheetRowInput[] = [];
  for (let p = 0; p < products; p += 1) {
    for (const [c, colour] of ['Red|红色', 'Blue|蓝色', 'Green|绿色'].entries()) {
      rows.push({
        product_ref: `${prefix}-${p}`, title_en: `Tile ${prefix} ${p}`, category: 'pottery-ceramics', currency: 'PKR', origin_country: 'PK',
        option1_name: 'Colour|颜色', option1_values: 'Red|红色; Blue|蓝色; Green|绿色', sku: `${prefix.toUpperCase()}-${p}-${c}`, option1_value: colour.split('|')[0], price: `${100 + p}.50`, weight_grams: '250',
      });
    }
  }
  return productCsv(rows);
};

test('both servers started with --demo on one empty database come up, and the demo is seeded once', { skip }, async () => {
  for (const server of [a, b]) {
    const health = await fetch(`${server.url}/api/health`);
    assert.equal(health.status, 200);
  }
  assert.equal([a, b].filter((s) => s.output().includes('demo data seeded just now')).length, 1, 'one of the two seeded it');
  const pavilions = (await (await fetch(`${b.url}/api/store/pavilions`)).json()) as { items: unknown[] };
  assert.equal(pavilions.items.length, 2);
});

test('an import sent to one server is followed on the other, and a second file for the same exporter is refused by either', { skip }, async () => {
  const auth = await signIn(a, demoExporters[0].member.email);
  const sent = await upload(a, auth, tiles('xa', 20));
  assert.equal(sent.status, 202, await sent.clone().text());
  const { jobId } = (await sent.json()) as { jobId: string };
  const done = await until('the import, read from the other server', () => jobOf(b, auth, jobId), (j) => j.status === 'done' || j.status === 'failed');
  assert.equal(done.status, 'done', JSON.stringify(done));
  assert.equal(done.result?.created, 20);

  // The same file to both servers at the same moment: one takes it, the other answers 409. The file
  // is large enough that the first is still importing when the second arrives, however busy the machine.
  const file = tiles('xb', 150);
  const answers = await Promise.all([upload(a, auth, file), upload(b, auth, file)]);
  assert.deepEqual(answers.map((r) => r.status).sort(), [202, 409]);
  const taken = (await answers.find((r) => r.status === 202)!.json()) as { jobId: string };
  const second = await until('the second import', () => jobOf(a, auth, taken.jobId), (j) => j.status === 'done' || j.status === 'failed');
  assert.equal(second.status, 'done', JSON.stringify(second));
});

test('paid orders placed on either server are each handed to customs once', { skip }, async (t) => {
  const { db } = tdb.database;
  const keys = parseIdentityKeys(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, SECRET_KEY: secretKey }).identityKeys);
  const buyers = await seedBenchBuyers(db, { count: 12, keyRing: keys.keyRing, lookupKey: keys.lookupKey });
  const { variantId } = await setSaleStock(db, 'MB-VASE-20', 1_000);
  const started = performance.now();
  // Each buyer orders on one server and pays on the other (the sandbox payment page).
  const numbers = await Promise.all(
    buyers.map(async (buyer, i) => {
      const [placeOn, payOn] = i % 2 === 0 ? [a, b] : [b, a];
      const placed = await fetch(`${placeOn.url}/api/store/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${buyer.token}`, 'content-type': 'application/json', 'idempotency-key': `two-processes-${i}` },
        body: JSON.stringify({ lines: [{ variantId, quantity: 1 }], addressId: buyer.addressId, identityId: buyer.identityId, riskNoticeVersion: RISK_NOTICE.version, paymentMethod: 'sandbox' }),
      });
      assert.equal(placed.status, 201, await placed.clone().text());
      const order = (await placed.json()) as { orders: Array<{ number: string }>; payment: { url: string } };
      const paid = await fetch(`${payOn.url}${new URL(order.payment.url).pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'result=success', redirect: 'manual' });
      assert.equal(paid.status, 303);
      return order.orders.map((o) => o.number);
    }),
  );
  const paidNumbers = numbers.flat().sort();
  const outbox = path.join(dataDir, 'customs', 'outbox');
  const declared = () => readdirSync(outbox).filter((f) => f.endsWith('.xml')).map((f) => readFileSync(path.join(outbox, f), 'utf8'));
  const tag = (xml: string, name: string) => new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`).exec(xml)?.[1] ?? '';
  const messages = await until('every paid order declared', async () => declared(), (files) => files.length >= paidNumbers.length, 60_000);
  // A little longer: a second hand-over of any message would show up now.
  await new Promise((r) => setTimeout(r, 2_000));
  const all = declared();
  t.diagnostic(`${paidNumbers.length} orders paid across both servers, ${all.length} customs messages in the outbox folder, the last written ${Math.round(performance.now() - started)} ms after the first order`);
  assert.equal(messages.length, paidNumbers.length);
  assert.deepEqual(all.map((xml) => tag(xml, 'orderNo')).sort(), paidNumbers, 'one message per paid order, none twice');
  assert.ok(all.every((xml) => tag(xml, 'appType') === '1'), 'each a new declaration');
});

test('recurring work runs once per period across both servers', { skip }, async (t) => {
  const admin = await signIn(b, 'admin@pavilion.demo');
  // notifications.deliver runs every 5 s: after 12 s of both servers, one job per period.
  await new Promise((r) => setTimeout(r, 12_000));
  const res = await fetch(`${a.url}/api/admin/jobs?kind=notifications.deliver&limit=200`, { headers: admin });
  assert.equal(res.status, 200);
  const { jobs } = (await res.json()) as { jobs: Array<{ createdAt: string }> };
  const periods = jobs.map((j) => Math.floor(Date.parse(j.createdAt) / 5_000));
  assert.ok(jobs.length >= 2, `a few periods have passed (${jobs.length} jobs)`);
  t.diagnostic(`notifications.deliver: ${jobs.length} runs in ${new Set(periods).size} five-second periods over both servers`);
  assert.equal(new Set(periods).size, periods.length, `one job per 5-second period: ${jobs.map((j) => j.createdAt).join(', ')}`);
});

test('a server killed in the middle of an import leaves it to the other, which imports it once', { skip }, async (t) => {
  const auth = await signIn(a, demoExporters[1].member.email);
  const admin = await signIn(b, 'admin@pavilion.demo');
  const products = 400;
  const sent = await upload(a, auth, tiles('xk', products));
  assert.equal(sent.status, 202);
  const { jobId } = (await sent.json()) as { jobId: string };
  // Whichever server took it is killed as soon as the import is under way.
  await until('the import under way', () => jobOf(b, auth, jobId), (j) => j.processedRows > 0 || j.status === 'done');
  const running = (await (await fetch(`${b.url}/api/admin/jobs?kind=catalog.import&state=running`, { headers: admin })).json()) as { jobs: Array<{ id: string }> };
  assert.ok(running.jobs.some((j) => j.id === jobId), 'caught while running');
  // a ran it unless b got there first: kill the one whose pid holds the lease.
  const lease = await leaseHolder(jobId);
  const victim = [a, b].find((s) => lease.includes(`:${s.child.pid}:`));
  assert.ok(victim, `the lease names one of the two servers: ${lease}`);
  const survivor = victim === a ? b : a;
  const exited = once(victim.child, 'exit');
  victim.child.kill('SIGKILL');
  await exited;
  const killedAt = performance.now();

  const done = await until('the import, finished by the survivor', () => jobOf(survivor, auth, jobId), (j) => j.status === 'done' || j.status === 'failed', 180_000);
  assert.equal(done.status, 'done', JSON.stringify(done));
  t.diagnostic(`import of ${products} products: the survivor finished it ${Math.round(performance.now() - killedAt)} ms after the SIGKILL, with ${done.result?.created} created`);
  assert.equal(done.result?.created, products, 'every product created once');
  const jobs = (await (await fetch(`${survivor.url}/api/admin/jobs?kind=catalog.import&limit=200`, { headers: victim === b ? await signIn(a, 'admin@pavilion.demo') : admin })).json()) as { jobs: Array<{ id: string; attempts: number }> };
  assert.equal(jobs.jobs.find((j) => j.id === jobId)?.attempts, 2, 'taken again after the lease, once');
});

async function leaseHolder(jobId: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: (tdb.target as { url: string }).url });
  await client.connect();
  try {
    const r = await client.query<{ locked_by: string | null }>('select locked_by from jobs where id = $1', [jobId]);
    return r.rows[0]?.locked_by ?? '';
  } finally {
    await client.end();
  }
}
