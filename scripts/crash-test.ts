/**
 * `npm run test:crash`: the exactly-once proof of the side effects that leave Pavilion (customs
 * messages; refunds), on the real server process, SQLite by default (PostgreSQL with
 * CRASH_DATABASE_URL or --pg, in a scratch database dropped at the end).
 *
 * While buyers place and pay orders continuously over HTTP (the sandbox payment page), a stand-in
 * for the customs client consumes the outbox folder and drops receipts (CEB312: 120 accepted, then
 * 800 released) into the inbox, and CRASH_RETURN_ORDERS (default 12) orders paid with WeChat Pay go
 * through release, shipment, delivery and the return flow (returned whole, one line returned,
 * refused, kept), the server is killed with SIGKILL CRASH_KILLS times (default 8) at random moments
 * and CRASH_REFUND_KILLS times (default 3) right after WeChat Pay executed a refund and before the
 * server read the answer, and started again at once. WeChat Pay is the tests' local API v3 server,
 * run in this process so it outlives the kills: it sees every refund request. Then the load stops,
 * the server drains, and the script checks:
 *   - customs: every paid cross-border order was handed to the customs client exactly once as a new
 *     message (appType 1), no message for any other order, every outbox row sent, every receipt
 *     recorded once and applied (each order released);
 *   - refunds: every approved return was paid exactly once at WeChat Pay (one out_refund_no, the
 *     return's amount), nothing for a refused or kept order, the sum paid is the sum owed, and every
 *     refund row Pavilion wrote was requested once and settled.
 * Prints the figures and PASS/FAIL lines; exits 1 when a check fails. Loopback only, bounded in time
 * (CRASH_TIMEOUT_MINUTES, default 4), cleans up after itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db, type DatabaseTarget } from '../packages/server/src/db/database.ts';
import { migrateToLatest } from '../packages/server/src/db/migrator.ts';
import { seedDemo } from '../packages/server/src/features/demo/seed.ts';
import { parseIdentityKeys } from '../packages/server/src/features/identities/identity-crypto.ts';
import { RISK_NOTICE } from '../packages/server/src/features/orders/order.rules.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { DirectoryFileStore } from '../packages/server/src/platform/file-store.ts';
import { createSession } from '../packages/server/src/platform/sessions.ts';
import { benchHarness } from './bench/bench-env.ts';
import { seedBenchBuyers, setSaleStock, type BenchBuyer } from './bench/checkout-fixture.ts';
import { planOf, runReturnFlow, type FlowResult } from './crash/return-flow.ts';
import { startWechatPayWitness, type WechatPayWitness } from './crash/wechat-pay-witness.ts';

const root = path.resolve(import.meta.dirname, '..');
const kills = Number(process.env.CRASH_KILLS ?? 8);
const buyerCount = Number(process.env.CRASH_BUYERS ?? 40);
const concurrency = Number(process.env.CRASH_CONCURRENCY ?? 6);
const returnOrders = Number(process.env.CRASH_RETURN_ORDERS ?? 12);
const refundKills = Number(process.env.CRASH_REFUND_KILLS ?? 3);
const timeLimitMs = Number(process.env.CRASH_TIMEOUT_MINUTES ?? 4) * 60_000;
const drainLimitMs = 60_000;
const pgBase = process.env.CRASH_DATABASE_URL ?? (process.argv.includes('--pg') ? 'postgres://postgres@127.0.0.1:5432/postgres' : null);
const sku = 'MB-VASE-20';
/** The returned orders: two lines of one exporter shipped from abroad (9610), so one line can go back alone. */
const returnSkus = ['MB-VASE-20', 'MB-PLATE-25'];
const demoOperator = 'operator.pk@pavilion.demo';
const demoExporter = 'imran@multaniblue.example';

const harness = benchHarness({ name: 'crash', timeLimitMs });
const { dir, children, cleanup } = harness;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));

const customsDirs = { outbox: path.join(dir, 'customs-outbox'), inbox: path.join(dir, 'customs-inbox'), consumed: path.join(dir, 'customs-consumed') };
const results: Array<{ ok: boolean; line: string }> = [];
const check = (ok: boolean, line: string) => results.push({ ok, line });

// ——— The server, started and killed ———

/** A loopback port free now, kept for every restart (the banner names the public address, not the port). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let current: { child: ChildProcess; port: number } | null = null;
const serverErrors: string[] = [];
/** Crashes that fell between a message's handover and its row being marked sent: the window the ledger closes. */
let recoveredHandovers = 0;

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['packages/server/bin/pavilion.js', 'serve', '--no-migrate'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let banner = '';
  // The server's errors (pino JSON, level 50 and above) are shown: a failing worker must not pass unseen.
  const showErrors = (d: string) => {
    for (const line of d.split('\n')) {
      if (/"level":(50|60)/.test(line)) serverErrors.push(line.slice(0, 400));
      if (line.includes('already handed over before a restart')) recoveredHandovers += 1;
    }
  };
  child.stderr?.setEncoding('utf8').on('data', showErrors);
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      showErrors(d);
      if (banner.length < 20_000) banner += d;
      // The banner shows the public address (https, no port): the port is the one it was given.
      if (banner.includes('Pavilion is running at')) resolve({ child, port: Number(env.PORT) });
    });
    child.once('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}) before it answered: ${banner.slice(-2000)}`)));
  });
}

let serverEnv: Record<string, string> = {};
let restarts: Promise<void> = Promise.resolve();
/** Kill and start again, one at a time (the kill schedule and the refund-window kills share the server). */
function crashAndRestart(why: string): Promise<void> {
  const next = restarts.then(async () => {
    await killServer();
    console.log(`  SIGKILL ${why}`);
    current = await startServer(serverEnv);
  });
  restarts = next.catch(() => undefined);
  return next;
}

async function killServer(): Promise<void> {
  const running = current;
  current = null;
  if (!running) return;
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGKILL');
  await exited;
}

// ——— Buyers placing and paying, whatever the server is doing ———

const load = { placed: 0, paidAnswers: 0, refused: 0, unanswered: 0, stop: false };

async function call(method: 'GET' | 'POST', urlPath: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; location: string | null } | null> {
  const server = current;
  if (!server) return null;
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}${urlPath}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  } catch {
    return null;
  }
}

async function buyerLoop(buyers: BenchBuyer[], variantId: string, worker: number): Promise<void> {
  for (let n = 0; !load.stop; n++) {
    const b = buyers[(worker + n * concurrency) % buyers.length]!;
    const placed = await call('POST', '/api/store/orders', { authorization: `Bearer ${b.token}`, 'content-type': 'application/json', 'idempotency-key': `crash-${worker}-${n}-${randomBytes(4).toString('hex')}` }, JSON.stringify({
      lines: [{ variantId, quantity: 1 }], addressId: b.addressId, identityId: b.identityId, riskNoticeVersion: RISK_NOTICE.version, paymentMethod: 'sandbox',
    }));
    if (!placed) {
      load.unanswered += 1;
      await sleep(50);
      continue;
    }
    if (placed.status !== 201) {
      load.refused += 1;
      continue;
    }
    load.placed += 1;
    const url = (JSON.parse(placed.text) as { payment?: { url?: string } | null }).payment?.url;
    if (!url) continue;
    const paid = await call('POST', new URL(url).pathname, { 'content-type': 'application/x-www-form-urlencoded' }, 'result=success');
    if (paid?.status === 303) load.paidAnswers += 1;
    else load.unanswered += 1;
  }
}

// ——— The customs client's stand-in: takes messages from the outbox, answers with receipts ———

interface Consumed {
  guid: string;
  appType: string;
  orderNo: string;
  file: string;
}
const consumed: Consumed[] = [];
let receiptsDropped = 0;
const customsClient = { stop: false };

const tag = (xml: string, name: string) => new RegExp(`<ceb:${name}>([^<]*)</ceb:${name}>`).exec(xml)?.[1] ?? '';

async function customsClientLoop(): Promise<void> {
  while (!customsClient.stop) {
    for (const name of readdirSync(customsDirs.outbox).filter((f) => f.endsWith('.xml') && !f.startsWith('.')).sort()) {
      const from = path.join(customsDirs.outbox, name);
      let xml: string;
      try {
        xml = readFileSync(from, 'utf8');
      } catch {
        continue;
      }
      // Taken away, as the customs client does; kept under a numbered name so a second hand-over of the same file shows.
      renameSync(from, path.join(customsDirs.consumed, `${String(consumed.length).padStart(6, '0')}-${name}`));
      const m = { guid: tag(xml, 'guid'), appType: tag(xml, 'appType'), orderNo: tag(xml, 'orderNo'), file: name };
      consumed.push(m);
      // Accepted (120), then released (800): the second file sorts after the first, as customs sends them.
      for (const [status, info, suffix] of [['120', '海关入库成功', ''], ['800', '放行', '_800']] as const) {
        const receipt = `<?xml version="1.0" encoding="UTF-8"?><CEB312Message xmlns="http://www.chinaport.gov.cn/ceb" version="1.0" guid="${m.guid}"><OrderReturn><guid>${m.guid}</guid><orderNo>${m.orderNo}</orderNo><returnStatus>${status}</returnStatus><returnTime>20261201120000000</returnTime><returnInfo>${info}</returnInfo></OrderReturn></CEB312Message>`;
        const temp = path.join(customsDirs.inbox, `.CEB312_${m.guid}${suffix}.xml`);
        writeFileSync(temp, receipt);
        renameSync(temp, path.join(customsDirs.inbox, `CEB312_${m.guid}${suffix}.xml`));
        receiptsDropped += 1;
      }
    }
    await sleep(5);
  }
}

// ——— Checks ———

const DECLARABLE = ['paid', 'shipped', 'delivered', 'completed'] as const;

async function paidCbecOrders(db: Db) {
  // An order returned whole and refunded was paid and declared too.
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'customs_status'])
    .where((eb) => eb.or([eb('status', 'in', [...DECLARABLE]), eb('id', 'in', eb.selectFrom('returns').select('order_id'))]))
    .execute();
}

async function drained(db: Db): Promise<boolean> {
  const orders = await paidCbecOrders(db);
  const unsent = await db.selectFrom('customs_outbox').select('id').where('sent_at', 'is', null).execute();
  const waiting = readdirSync(customsDirs.inbox).filter((f) => f.endsWith('.xml') && !f.startsWith('.')).length + readdirSync(customsDirs.outbox).filter((f) => f.endsWith('.xml')).length;
  const refunds = await db.selectFrom('refunds').select('id').where('status', 'in', ['requested', 'processing']).execute();
  return unsent.length === 0 && waiting === 0 && refunds.length === 0 && orders.every((o) => o.customs_status === 'released');
}

async function checkCustoms(db: Db): Promise<void> {
  const orders = await paidCbecOrders(db);
  const newMessages = consumed.filter((c) => c.appType === '1');
  const perOrder = new Map<string, number>();
  for (const c of newMessages) perOrder.set(c.orderNo, (perOrder.get(c.orderNo) ?? 0) + 1);
  const paidNumbers = new Set(orders.map((o) => o.number));
  const missing = orders.filter((o) => !perOrder.has(o.number));
  const twice = [...perOrder].filter(([, n]) => n > 1);
  const strangers = [...perOrder.keys()].filter((n) => !paidNumbers.has(n));
  const guids = new Set(consumed.map((c) => c.guid));
  console.log(`\nCustoms: ${orders.length} paid cross-border orders, ${consumed.length} messages handed to the customs client (${newMessages.length} new), ${receiptsDropped} receipts dropped`);
  check(orders.length > 0, `orders were paid during the run (${orders.length})`);
  check(missing.length === 0, `every paid order was declared (${missing.length} not: ${missing.slice(0, 5).map((o) => o.number).join(', ')})`);
  check(twice.length === 0, `no order was declared twice (${twice.length} were: ${twice.slice(0, 5).map(([n, k]) => `${n} ×${k}`).join(', ')})`);
  check(strangers.length === 0, `no message for an order that is not paid (${strangers.length})`);
  check(guids.size === consumed.length, `no message file was handed over twice (${consumed.length - guids.size} repeats)`);
  const unsent = await db.selectFrom('customs_outbox').select('id').where('sent_at', 'is', null).execute();
  check(unsent.length === 0, `every outbox row is marked sent (${unsent.length} left)`);
  const receipts = await db.selectFrom('customs_receipts').select(['guid', 'return_status']).execute();
  check(receipts.length === receiptsDropped, `every receipt recorded once (${receipts.length} recorded of ${receiptsDropped})`);
  const notReleased = orders.filter((o) => o.customs_status !== 'released');
  check(notReleased.length === 0, `every receipt moved its order, to released in the end (${notReleased.length} not)`);
}

/**
 * Refunds in Pavilion's database: every refund row is one request to the provider under its own
 * out_refund_no, and each order is refunded at most once for one reason. Late and double payments'
 * refunds need a payment after the order expired (30 minutes of real time, out of reach of a
 * few-minute run); the returns' refunds are the ones this run makes.
 */
async function checkRefunds(db: Db): Promise<void> {
  const refunds = await db.selectFrom('refunds').select(['id', 'order_id', 'payment_id', 'out_refund_no', 'reason', 'status', 'amount_fen']).execute();
  const byKey = new Map<string, number>();
  for (const r of refunds) byKey.set(`${r.payment_id}/${r.order_id ?? ''}/${r.reason}`, (byKey.get(`${r.payment_id}/${r.order_id ?? ''}/${r.reason}`) ?? 0) + 1);
  const doubled = [...byKey.values()].filter((n) => n > 1).length;
  const open = refunds.filter((r) => r.status === 'requested' || r.status === 'processing').length;
  console.log(`Refunds: ${refunds.length} (${refunds.filter((r) => r.status === 'succeeded').length} succeeded)`);
  check(doubled === 0, `no payment refunded twice for the same order and reason (${doubled})`);
  check(open === 0, `every approved refund was paid (${open} still open)`);
  check(new Set(refunds.map((r) => r.out_refund_no)).size === refunds.length, 'each refund has its own refund number');
}

/**
 * Refunds at the provider, what WeChat Pay would have paid out: for every approved return exactly
 * one refund (its out_refund_no, its amount, settled), none for anything else, the sum paid the sum
 * owed; and the local server itself is checked to be idempotent on out_refund_no, as WeChat Pay is.
 */
async function checkProviderRefunds(db: Db, witness: WechatPayWitness, flows: FlowResult[]): Promise<void> {
  const { wechat, refundCalls } = witness;
  const returns = await db.selectFrom('returns').select(['id', 'order_id', 'number', 'status', 'refund_fen']).execute();
  const refundRows = await db.selectFrom('refunds').select(['return_id', 'out_refund_no', 'amount_fen', 'status']).where('return_id', 'is not', null).execute();
  const approved = returns.filter((r) => r.status !== 'requested' && r.status !== 'refused');
  const refused = returns.filter((r) => r.status === 'refused');
  const paidAtWechat = [...wechat.refunds.values()];
  const perOrder = new Map<string, number>();
  for (const r of paidAtWechat) perOrder.set(r.outTradeNo, (perOrder.get(r.outTradeNo) ?? 0) + 1);
  const outTradeNoOf = new Map(flows.filter((f) => f.orderId && f.outTradeNo).map((f) => [f.orderId!, f.outTradeNo!]));
  const repeats = refundCalls.filter((c) => c.repeat).length;
  const owedFen = approved.reduce((n, r) => n + r.refund_fen, 0);
  const paidFen = paidAtWechat.reduce((n, r) => n + r.refund, 0);
  // Each returned order here has one return, so a second refund of the same payment is a second payout.
  const duplicates = [...perOrder.values()].reduce((n, k) => n + k - 1, 0);

  const byPlan = (plan: string) => flows.filter((f) => f.plan === plan);
  console.log(`\nReturns: ${flows.length} WeChat-paid orders (${byPlan('whole').length} to return whole, ${byPlan('one_line').length} one line, ${byPlan('refused').length} to be refused, ${byPlan('kept').length} kept); ${returns.length} returns asked, ${approved.length} approved, ${refused.length} refused`);
  console.log(`Provider (WeChat Pay): ${refundCalls.length} refund requests, ${repeats} of them resends of a number it already had, ${paidAtWechat.length} refunds executed, ${paidAtWechat.filter((r) => r.status === 'SUCCESS').length} settled, ${duplicates} duplicates found; paid ${paidFen} fen of ${owedFen} fen owed`);
  console.log(`Kills between WeChat Pay executing a refund and the server reading its answer: ${witness.windowKills}`);

  const unfinished = flows.filter((f) => f.error !== null);
  check(unfinished.length === 0, `every return flow got through the kills (${unfinished.length} did not: ${unfinished.slice(0, 3).map((f) => `#${f.index} ${f.plan} after ${f.reached}: ${f.error}`).join('; ')})`);
  check(approved.length > 0 && approved.length === byPlan('whole').length + byPlan('one_line').length, `returns were approved during the run (${approved.length})`);
  const wrong: string[] = [];
  for (const ret of approved) {
    const row = refundRows.find((x) => x.return_id === ret.id);
    const atWechat = row ? paidAtWechat.filter((x) => x.outRefundNo === row.out_refund_no) : [];
    const forOrder = outTradeNoOf.get(ret.order_id);
    if (!row) wrong.push(`${ret.number}: no refund row`);
    else if (atWechat.length !== 1) wrong.push(`${ret.number}: ${atWechat.length} refunds at WeChat Pay`);
    else if (atWechat[0]!.refund !== ret.refund_fen || row.amount_fen !== ret.refund_fen) wrong.push(`${ret.number}: paid ${atWechat[0]!.refund} fen, owed ${ret.refund_fen}`);
    else if (atWechat[0]!.status !== 'SUCCESS' || row.status !== 'succeeded' || ret.status !== 'refunded') wrong.push(`${ret.number}: not settled (${atWechat[0]!.status}/${row.status}/${ret.status})`);
    else if (!forOrder || (perOrder.get(forOrder) ?? 0) !== 1) wrong.push(`${ret.number}: its payment was refunded ${forOrder ? (perOrder.get(forOrder) ?? 0) : '?'} times`);
  }
  check(wrong.length === 0, `every approved return was paid exactly once, its amount, and settled (${wrong.length} not: ${wrong.slice(0, 4).join('; ')})`);
  const approvedNos = new Set(approved.map((r) => refundRows.find((x) => x.return_id === r.id)?.out_refund_no));
  const strangers = paidAtWechat.filter((r) => !approvedNos.has(r.outRefundNo));
  check(strangers.length === 0, `no refund at WeChat Pay for anything not approved (${strangers.length}: ${strangers.slice(0, 4).map((r) => `${r.outRefundNo} ${r.refund} fen`).join(', ')})`);
  check(duplicates === 0, `no payment refunded twice at WeChat Pay (${duplicates} second payouts: ${[...perOrder].filter(([, k]) => k > 1).slice(0, 4).map(([no, k]) => `${no} ×${k}`).join(', ')})`);
  check(paidFen === owedFen, `the sum paid at WeChat Pay is the sum owed (${paidFen} fen paid, ${owedFen} fen owed)`);
  check(refundCalls.every((c) => c.status === 200), `every refund request was accepted by WeChat Pay (${refundCalls.filter((c) => c.status !== 200).length} not)`);

  // The witness is only as good as its idempotence: a recorded request sent again must be the same refund.
  const sample = refundCalls.find((c) => c.status === 200);
  if (sample) {
    const before = wechat.refunds.size;
    const again = await witness.replay(sample);
    check(again.status === 200 && again.refundId === wechat.refunds.get(sample.outRefundNo)?.refundId && wechat.refunds.size === before, `WeChat Pay's stand-in treats a repeated out_refund_no as the same refund (${again.status}, ${wechat.refunds.size - before} new)`);
  }
}

/** WeChat Pay finishes each refund it executed and says so (REFUND.SUCCESS), until the server acknowledges. */
async function settleRefundsLoop(witness: WechatPayWitness, stop: { now: boolean }): Promise<void> {
  const acknowledged = new Set<string>();
  const seen = new Map<string, number>();
  while (!stop.now) {
    for (const refund of witness.wechat.refunds.values()) {
      if (acknowledged.has(refund.outRefundNo)) continue;
      // A little late, as notifications are: a server restarted after a kill in the refund window
      // sends the same number again first (the path that must not pay twice).
      if (!seen.has(refund.outRefundNo)) seen.set(refund.outRefundNo, performance.now());
      if (performance.now() - seen.get(refund.outRefundNo)! < 2_000) continue;
      if (refund.status === 'PROCESSING') witness.wechat.settleRefund(refund.outRefundNo);
      const message = witness.wechat.refundNotification(refund.outRefundNo);
      const res = await call('POST', '/api/payments/wechat/refund-notify', { ...message.headers, 'content-type': 'application/json' }, message.body);
      if (res?.status === 204 || res?.status === 200) acknowledged.add(refund.outRefundNo);
    }
    await sleep(100);
  }
}

// ——— The run ———

async function main(): Promise<void> {
  const dialect = pgBase ? 'postgres' : 'sqlite';
  const target: DatabaseTarget = pgBase ? { dialect: 'postgres', url: await harness.createScratchDatabase(pgBase) } : { dialect: 'sqlite', file: path.join(dir, 'crash.db') };
  for (const d of Object.values(customsDirs)) mkdirSync(d, { recursive: true });
  const witness = await startWechatPayWitness({ dir, windowKills: refundKills, crash: (why) => crashAndRestart(why) });
  const env = {
    ...witness.env,
    NODE_ENV: 'development', // the sandbox payment provider is off in production
    // WeChat Pay wants an https notify_url; the notifications themselves are posted here by this script.
    PUBLIC_URL: 'https://pavilion.crash.test',
    DATA_DIR: dir,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info', // the worker says at info when it finds a message already handed over (a crash in that window)
    SECRET_KEY: `crash-test-${randomBytes(16).toString('hex')}`,
    DATABASE_URL: target.dialect === 'postgres' ? target.url : `sqlite:${target.file}`,
    CUSTOMS_OUTBOX_DIR: customsDirs.outbox,
    CUSTOMS_INBOX_DIR: customsDirs.inbox,
    CUSTOMS_INTERVAL_MS: '200',
    WEB_DIST_DIR: path.join(dir, 'no-web'),
  };
  serverEnv = env;
  console.log(`test:crash on ${dialect}: ${kills} SIGKILLs (and ${refundKills} in the refund window), ${buyerCount} buyers, ${concurrency} in flight, ${returnOrders} WeChat-paid orders for returns`);
  const database = openDatabase({ database: target });
  const started = performance.now();
  try {
    const db = database.db;
    await migrateToLatest(db);
    await seedDemo(db, { files: new DirectoryFileStore(path.join(dir, 'files')) });
    const keys = parseIdentityKeys(loadConfig(env).identityKeys);
    const everyone = await seedBenchBuyers(db, { count: buyerCount + returnOrders, keyRing: keys.keyRing, lookupKey: keys.lookupKey });
    const buyers = everyone.slice(0, buyerCount);
    const returners = everyone.slice(buyerCount);
    const variant = await setSaleStock(db, sku, 1_000_000);
    const returnLines: Array<{ variantId: string; quantity: number }> = [];
    for (const s of returnSkus) returnLines.push({ variantId: (await setSaleStock(db, s, 1_000_000)).variantId, quantity: 1 });
    // The returning buyers signed in with WeChat (their openid is what WeChat Pay charges).
    const now = new Date().toISOString();
    await db.insertInto('wechat_accounts').values(returners.map((b) => ({ id: randomUUID(), user_id: b.userId, app_id: witness.wechat.appid, openid: `o${randomBytes(20).toString('base64url')}`, unionid: null, session_key: 'crash', created_at: now, updated_at: now }))).execute();
    const staffToken = async (email: string) => {
      const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      return (await createSession(db, { userId: user.id, transport: 'token', ttlHours: 2, now: new Date() })).token;
    };
    const operatorToken = await staffToken(demoOperator);
    const exporterToken = await staffToken(demoExporter);

    current = await startServer(env);
    const client = customsClientLoop();
    const settling = { now: false };
    const settler = settleRefundsLoop(witness, settling);
    const flowStop = { now: false };
    const flows = Promise.all(returners.map((buyer, i) => runReturnFlow({ call, db, wechat: witness.wechat, buyer, lines: returnLines, operatorToken, exporterToken, stop: flowStop, sleep }, i)));
    const loops = Array.from({ length: concurrency }, (_, i) => buyerLoop(buyers, variant.variantId, i));
    // The first kills land while buyers place and pay; the rest while the backlog of declarations
    // drains fast (messages being written, renamed and marked sent), where a crash hurts most.
    const duringLoad = Math.ceil(kills / 2);
    for (let k = 1; k <= kills; k++) {
      if (k <= duringLoad) await sleep(between(1_500, 4_000));
      else {
        // While draining: killed once the restarted server has handed over a few more messages, so the
        // kill lands in the middle of the handovers rather than during start-up.
        const target = consumed.length + between(1, 25);
        const deadline = performance.now() + 8_000;
        // Right after the stand-in saw a new file, the server is most likely between renaming it into
        // the outbox and marking its row sent: the window that must not give a second file.
        while (consumed.length < target && performance.now() < deadline) await sleep(1);
      }
      await crashAndRestart(`${k}/${kills} ${k <= duringLoad ? 'under load' : 'while draining'}: ${load.placed} orders placed, ${consumed.length} messages handed over`);
      if (k === duringLoad) {
        load.stop = true;
        await Promise.all(loops);
      }
    }
    load.stop = true;
    await Promise.all(loops);
    // The return flows finish (the refund-window kills land as their refunds go out), bounded by the drain limit.
    const flowsStarted = performance.now();
    const stopFlows = setInterval(() => {
      if (performance.now() - flowsStarted > drainLimitMs) flowStop.now = true;
    }, 250);
    const flowResults = await flows;
    clearInterval(stopFlows);

    // Drain: the running server finishes what was queued; the stand-in keeps answering.
    const drainStarted = performance.now();
    while (!(await drained(db)) && performance.now() - drainStarted < drainLimitMs) await sleep(250);
    await restarts;
    customsClient.stop = true;
    await client;
    settling.now = true;
    await settler;
    await killServer();

    console.log(`\nLoad: ${load.placed} orders placed, ${load.paidAnswers} payments answered, ${load.refused} placements refused, ${load.unanswered} requests unanswered (server down)`);
    await checkCustoms(db);
    await checkRefunds(db);
    await checkProviderRefunds(db, witness, flowResults);
    check(flowResults.every((f, i) => f.plan === planOf(i)), 'each return flow followed its plan');
    console.log(`Crashes between a handover and its row being marked sent, recovered without a second file: ${recoveredHandovers}`);
    console.log(`Server errors logged: ${serverErrors.length}`);
    for (const line of serverErrors.slice(0, 5)) console.log(`  ${line}`);
  } finally {
    await database.destroy();
    await witness.close();
  }
  console.log('');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.line}`);
  console.log(`\ntest:crash ${results.every((r) => r.ok) ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!results.every((r) => r.ok)) process.exitCode = 1;
}

try {
  await main();
} catch (err) {
  console.error('test:crash broke:', err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
