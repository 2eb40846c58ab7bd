/**
 * `npm run bench:checkout` (issue "Speed and safety under a flash sale"): BENCH_BUYERS (default
 * 2,000) buyers, each with an account, a session, an address and a real-name identity of their
 * own, race through the real server (a child process) for one variant holding BENCH_STOCK
 * (default 100) units in one warehouse.
 *
 *   Phase 1 "freely": BENCH_CONCURRENCY (64) buyers in flight; each places, then pays on the
 *   sandbox page when it got an order. 10% send their placement twice with the same
 *   Idempotency-Key: half one after the other, half both at once; both answers are kept.
 *   Phase 2 "barrier": a second variant; every buyer's request is prepared, all wait on one
 *   promise, released at once to place and then pay, over BENCH_CONNECTIONS (512) keep-alive
 *   connections opened beforehand.
 *
 * After each phase the database is checked, for any stock, above or below the buyers' demand
 * (PASS/FAIL lines): no more units sold than stocked; units sold = the units the 201 answers
 * promised, which is every unit asked for when the stock sufficed and the whole stock when it ran
 * out; stock never below zero; reserved = units sold with on_hand unchanged; every 201 holds a
 * unit; every refusal is 409 OUT_OF_STOCK and only once the stock ran out; one checkout per
 * repeated key; how many paid. All placements/s and successful placements/s (distinct orders) and
 * the latency of placement and payment are printed beside the target (SQLite: ≥ 500
 * placements/s with zero oversell); "oversell" means more units sold than stocked. SQLite by default; PostgreSQL with --pg
 * (postgres://postgres@127.0.0.1:5432/postgres) or BENCH_DATABASE_URL, in a scratch database
 * created beside it and dropped at the end. Prints figures; asserts nothing: the exit code is 0
 * unless the harness itself broke.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db, type DatabaseTarget } from '../../packages/server/src/db/database.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrator.ts';
import { seedDemo } from '../../packages/server/src/features/demo/seed.ts';
import { parseIdentityKeys } from '../../packages/server/src/features/identities/identity-crypto.ts';
import { RISK_NOTICE } from '../../packages/server/src/features/orders/order.rules.ts';
import { loadConfig } from '../../packages/server/src/platform/config.ts';
import { DirectoryFileStore } from '../../packages/server/src/platform/file-store.ts';
import { seedBenchBuyers, setSaleStock, type BenchBuyer, type SaleVariant } from './checkout-fixture.ts';
import { benchHarness, percentile } from './bench-env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const buyerCount = Number(process.env.BENCH_BUYERS ?? 2000);
const stock = Number(process.env.BENCH_STOCK ?? 100);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 64);
/**
 * Phase 2's sockets. 2,000 would fit under `ulimit -n` here (20,000), but the server listens with
 * Node's default backlog of 511: thousands of simultaneous connects overflow the accept queue and
 * the kernel's SYN retries (1 s, 3 s…) would be measured instead of the server. 512 connections,
 * opened before the barrier, hold the other requests in the client's queue as a load balancer would.
 */
const connections = Number(process.env.BENCH_CONNECTIONS ?? 512);
const timeLimitMs = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 20) * 60_000;
const requestTimeoutMs = 120_000;
const skus = ['MB-VASE-20', 'MB-VASE-30'] as const;
/** Each placement asks for this many units of the sale variant; the checks count units, not orders. */
const unitsPerPlacement = 1;
const targets = { sqlitePlacementsPerSecond: 500 };
const pgBase = process.env.BENCH_DATABASE_URL ?? (process.argv.includes('--pg') ? 'postgres://postgres@127.0.0.1:5432/postgres' : null);
const secretKey = `bench-checkout-${randomBytes(16).toString('hex')}`;

// ——— Cleanup, even on failure: the server, the temp directory, the scratch database ———

const harness = benchHarness({ name: 'checkout', timeLimitMs });
const { dir, children, cleanup } = harness;

// ——— Figures ———

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '-');
const perSecond = (n: number, millis: number) => (millis > 0 ? (n / millis) * 1000 : NaN);
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

// ——— The server ———

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; log: ServerLog }> {
  const child = spawn(process.execPath, ['packages/server/bin/pavilion.js', 'serve', '--no-migrate'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const log = new ServerLog();
  child.stderr?.setEncoding('utf8').on('data', (d: string) => log.add(d));
  let banner = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (banner.length < 10_000) {
        banner += d;
        const m = /running at http:\/\/[^\s:]+:(\d+)/.exec(banner);
        if (m?.[1]) resolve(Number(m[1]));
      }
      log.add(d);
    });
    child.once('exit', (code) => reject(new Error(`the server exited ${code}: ${banner}\n${log.lines.join('\n')}`)));
  });
  return { child, port, log };
}

/** The server's warnings and errors (pino JSON lines at LOG_LEVEL=warn), counted and sampled. */
class ServerLog {
  lines: string[] = [];
  counts = new Map<string, number>();
  private partial = '';
  add(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim() || !line.startsWith('{')) continue;
      let level = 'other';
      let msg = '';
      try {
        const parsed = JSON.parse(line) as { level?: number | string; msg?: string };
        level = String(parsed.level);
        msg = parsed.msg ?? '';
      } catch {
        // not JSON: counted as other
      }
      const key = `${level === '40' ? 'warn' : level === '50' ? 'error' : level === '60' ? 'fatal' : `level ${level}`}: ${msg}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      if (this.lines.length < 5) this.lines.push(line.slice(0, 600));
    }
  }
}

// ——— HTTP: node:http with one keep-alive agent, so the number of sockets is ours to set ———

interface Answer {
  status: number;
  body: string;
  location: string | undefined;
  ms: number;
  error?: string;
}

function client(port: number, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: requestTimeoutMs });
  const send = (method: 'GET' | 'POST', urlPath: string, headers: Record<string, string>, body = ''): Promise<Answer> => {
    const started = performance.now();
    return new Promise((resolve) => {
      const request = http.request(
        { host: '127.0.0.1', port, path: urlPath, method, agent, headers: { ...headers, ...(method === 'POST' ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), location: res.headers.location, ms: performance.now() - started }));
          res.on('error', (err) => resolve({ status: 0, body: '', location: undefined, ms: performance.now() - started, error: err.message }));
        },
      );
      request.setTimeout(requestTimeoutMs, () => request.destroy(new Error(`no answer within ${requestTimeoutMs / 1000} s`)));
      request.on('error', (err) => resolve({ status: 0, body: '', location: undefined, ms: performance.now() - started, error: err.message }));
      request.end(body);
    });
  };
  const openSockets = () => Object.values(agent.sockets).reduce((n, s) => n + (s?.length ?? 0), 0) + Object.values(agent.freeSockets).reduce((n, s) => n + (s?.length ?? 0), 0);
  return { agent, send, openSockets };
}
type Client = ReturnType<typeof client>;

/** Opens `count` keep-alive connections (a health check on each) so no connect is measured later. */
async function warmConnections(c: Client, count: number): Promise<void> {
  const answers = await Promise.all(Array.from({ length: count }, () => c.send('GET', '/api/health', {})));
  const bad = answers.filter((a) => a.status !== 200);
  if (bad.length > 0) throw new Error(`health check failed on ${bad.length} of ${count} connections: ${bad[0]?.status} ${bad[0]?.error ?? bad[0]?.body.slice(0, 200)}`);
}

// ——— Placing and paying ———

type RepeatMode = 'once' | 'after' | 'together';

interface Placement extends Answer {
  buyer: number;
  key: string;
  repeat: RepeatMode;
  code: string | null;
  checkoutId: string | null;
  payPath: string | null;
}

interface Payment extends Answer {
  buyer: number;
  checkoutId: string;
  paid: boolean;
}

interface PreparedPlacement {
  buyer: number;
  key: string;
  headers: Record<string, string>;
  body: string;
}

function prepare(buyers: BenchBuyer[], index: number, variant: SaleVariant, phase: string): PreparedPlacement {
  const b = buyers[index]!;
  const key = `${phase}-${index}-${randomBytes(6).toString('hex')}`;
  return {
    buyer: index,
    key,
    headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ lines: [{ variantId: variant.variantId, quantity: unitsPerPlacement }], addressId: b.addressId, identityId: b.identityId, riskNoticeVersion: RISK_NOTICE.version, paymentMethod: 'sandbox' }),
  };
}

async function place(c: Client, p: PreparedPlacement, repeat: RepeatMode): Promise<Placement> {
  const answer = await c.send('POST', '/api/store/orders', p.headers, p.body);
  let code: string | null = null;
  let checkoutId: string | null = null;
  let payPath: string | null = null;
  try {
    const parsed = JSON.parse(answer.body) as { checkoutId?: string; payment?: { kind: string; url?: string } | null; error?: { code?: string } };
    if (answer.status === 201) {
      checkoutId = parsed.checkoutId ?? null;
      // The page's address is built from PUBLIC_URL; the bench talks to the loopback port itself.
      payPath = parsed.payment?.url ? new URL(parsed.payment.url, 'http://127.0.0.1').pathname : null;
    } else {
      code = parsed.error?.code ?? null;
    }
  } catch {
    // not JSON: kept as an error sample with its body
  }
  return { ...answer, buyer: p.buyer, key: p.key, repeat, code, checkoutId, payPath };
}

/** The sandbox page's "pay" button: a form post; 303 to the orders page when the payment was recorded. */
async function pay(c: Client, placed: Placement): Promise<Payment> {
  const answer = await c.send('POST', placed.payPath!, { 'content-type': 'application/x-www-form-urlencoded' }, 'result=success');
  const paid = answer.status === 303 && (answer.location ?? '').startsWith('/orders');
  return { ...answer, buyer: placed.buyer, checkoutId: placed.checkoutId!, paid };
}

/** Pays from the answer that carries the page (a replay answers `payment: null`). */
function payable(answers: Placement[]): Placement | undefined {
  return answers.find((a) => a.status === 201 && a.payPath && a.checkoutId);
}

// ——— Watching the stock while a phase runs ———

class StockWatch {
  samples = 0;
  minAvailable = Infinity;
  maxReserved = 0;
  belowZero = 0;
  onHandSeen = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private readonly db: Db;
  private readonly variantId: string;
  constructor(db: Db, variantId: string) {
    this.db = db;
    this.variantId = variantId;
  }
  start(): void {
    this.timer = setInterval(() => void this.sample(), 100);
  }
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    await this.sample();
  }
  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const rows = await this.db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', this.variantId).execute();
      this.samples += 1;
      let onHand = 0;
      for (const r of rows) {
        onHand += r.on_hand;
        this.minAvailable = Math.min(this.minAvailable, r.on_hand - r.reserved);
        this.maxReserved = Math.max(this.maxReserved, r.reserved);
        if (r.reserved < 0 || r.reserved > r.on_hand) this.belowZero += 1;
      }
      this.onHandSeen.add(onHand);
    } finally {
      this.busy = false;
    }
  }
}

// ——— The phases ———

interface PhaseResult {
  name: string;
  variant: SaleVariant;
  placements: Placement[];
  payments: Payment[];
  /** From the first placement sent to the last placement answered. */
  placeWindowMs: number;
  wallMs: number;
  watch: StockWatch;
  note: string;
  /** CPU used during the phase by the server and by this process (the clients), ms. */
  cpu: { server: number; clients: number };
  load: number;
}

function repeatModeOf(index: number): RepeatMode {
  // Every tenth buyer repeats; alternately right after the first answer and both at once.
  if (index % 10 !== 7) return 'once';
  return Math.floor(index / 10) % 2 === 0 ? 'after' : 'together';
}

async function phaseFreely(c: Client, db: Db, buyers: BenchBuyer[], variant: SaleVariant): Promise<PhaseResult> {
  const placements: Placement[] = [];
  const payments: Payment[] = [];
  const watch = new StockWatch(db, variant.variantId);
  let next = 0;
  let firstSent = Infinity;
  let lastPlaced = 0;
  const record = (p: Placement) => {
    placements.push(p);
    lastPlaced = Math.max(lastPlaced, performance.now());
  };
  const runBuyer = async (index: number) => {
    const prepared = prepare(buyers, index, variant, 'free');
    const mode = repeatModeOf(index);
    firstSent = Math.min(firstSent, performance.now());
    let answers: Placement[];
    if (mode === 'together') {
      answers = await Promise.all([place(c, prepared, mode), place(c, prepared, mode)]);
      answers.forEach(record);
    } else {
      const first = await place(c, prepared, mode);
      record(first);
      answers = [first];
      if (mode === 'after') {
        const second = await place(c, prepared, mode);
        record(second);
        answers.push(second);
      }
    }
    const toPay = payable(answers);
    if (toPay) payments.push(await pay(c, toPay));
  };
  watch.start();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < buyers.length) await runBuyer(next++);
    }),
  );
  const wallMs = performance.now() - started;
  await watch.stop();
  return { name: `freely (${concurrency} buyers in flight, 10% repeat their key)`, variant, placements, payments, placeWindowMs: lastPlaced - firstSent, wallMs, watch, note: '', cpu: { server: NaN, clients: NaN }, load: loadavg()[0] ?? NaN };
}

async function phaseBarrier(c: Client, db: Db, buyers: BenchBuyer[], variant: SaleVariant): Promise<PhaseResult> {
  const prepared = buyers.map((_, i) => prepare(buyers, i, variant, 'gate'));
  await warmConnections(c, connections);
  const open = c.openSockets();
  const placements: Placement[] = [];
  const payments: Payment[] = [];
  const watch = new StockWatch(db, variant.variantId);
  let release!: () => void;
  const barrier = new Promise<void>((resolve) => (release = resolve));
  let lastPlaced = 0;
  const tasks = prepared.map(async (p) => {
    await barrier;
    const placed = await place(c, p, 'once');
    placements.push(placed);
    lastPlaced = Math.max(lastPlaced, performance.now());
    const toPay = payable([placed]);
    if (toPay) payments.push(await pay(c, toPay));
  });
  watch.start();
  const started = performance.now();
  release();
  await Promise.all(tasks);
  const wallMs = performance.now() - started;
  await watch.stop();
  return { name: `barrier (${buyers.length} released at once over ${connections} connections)`, variant, placements, payments, placeWindowMs: lastPlaced - started, wallMs, watch, note: `${open} keep-alive connections open before the barrier`, cpu: { server: NaN, clients: NaN }, load: loadavg()[0] ?? NaN };
}

// ——— Checking from the database ———

interface Verdict {
  pass: boolean;
  line: string;
  evidence?: string[];
}

/** The checks, and the figures the summary lines repeat, so "oversell" says what the first check measured. */
interface Checked {
  verdicts: Verdict[];
  oversold: boolean;
  unitsSold: number;
}

async function verify(db: Db, r: PhaseResult, keyPrefix: string, baselineOrderIds: Set<string>): Promise<Checked> {
  const verdicts: Verdict[] = [];
  const check = (pass: boolean, line: string, evidence?: string[]) => verdicts.push({ pass, line, ...(evidence && evidence.length > 0 ? { evidence } : {}) });
  const variantId = r.variant.variantId;

  const holding = (
    await db
      .selectFrom('orders as o')
      .innerJoin('order_lines as l', 'l.order_id', 'o.id')
      .select(['o.id', 'o.status', 'o.checkout_id', 'o.buyer_user_id', 'l.quantity'])
      .where('l.variant_id', '=', variantId)
      .execute()
  ).filter((o) => !baselineOrderIds.has(o.id));
  const live = holding.filter((o) => o.status === 'pending_payment' || o.status === 'paid');
  const units = live.reduce((n, o) => n + Number(o.quantity), 0);
  const otherStatuses = holding.filter((o) => !(o.status === 'pending_payment' || o.status === 'paid'));

  // What the buyers asked for and what they were told, counted from the answers alone, so the
  // database's figures are checked against something it did not write.
  const requestedUnits = new Set(r.placements.map((p) => p.key)).size * unitsPerPlacement;
  const created = r.placements.filter((p) => p.status === 201);
  const answeredCheckouts = new Set(created.map((p) => p.checkoutId ?? 'missing'));
  const successfulUnits = answeredCheckouts.size * unitsPerPlacement;
  // Nothing gives stock back during a phase, so the stock ran out exactly when every unit is held.
  const ranOut = units >= stock;
  const expectedUnits = Math.min(stock, requestedUnits);

  const levels = await db.selectFrom('stock_levels').select(['warehouse_id', 'on_hand', 'reserved']).where('variant_id', '=', variantId).execute();
  const onHand = levels.reduce((n, l) => n + l.on_hand, 0);
  const reserved = levels.reduce((n, l) => n + l.reserved, 0);
  const negative = levels.filter((l) => l.reserved < 0 || l.reserved > l.on_hand);
  // Sold beyond stock by either ledger: the orders holding units, the reservations, or a sample
  // taken while the phase ran that saw fewer than zero units available.
  const oversold = units > stock || reserved > stock || negative.length > 0 || r.watch.belowZero > 0 || r.watch.minAvailable < 0;

  check(
    !oversold,
    `no oversell: ${units} units sold (${live.length} orders pending_payment or paid) of ${stock} in stock; ${reserved} reserved; least available while running ${r.watch.minAvailable}`,
    negative.map((l) => `warehouse ${l.warehouse_id}: on_hand ${l.on_hand}, reserved ${l.reserved}`),
  );
  check(
    units === expectedUnits && units === successfulUnits && otherStatuses.length === 0,
    ranOut
      ? `the stock ran out and all of it was sold: ${units} of ${stock} units sold, buyers asked for ${requestedUnits}; ${successfulUnits} units answered 201${otherStatuses.length ? `; ${otherStatuses.length} orders in other states` : ''}`
      : `every unit asked for was sold, stock to spare: ${units} units sold = ${successfulUnits} units answered 201, buyers asked for ${requestedUnits}, ${stock - units} of ${stock} left${otherStatuses.length ? `; ${otherStatuses.length} orders in other states` : ''}`,
    otherStatuses.slice(0, 5).map((o) => `order ${o.id} ${o.status}`),
  );
  check(
    negative.length === 0 && r.watch.belowZero === 0 && r.watch.minAvailable >= 0 && onHand - reserved >= 0,
    `stock never below zero: available at the end ${onHand - reserved}, least available in ${r.watch.samples} samples while running ${r.watch.minAvailable}, ${r.watch.belowZero} samples with reserved outside 0..on_hand`,
    negative.map((l) => `warehouse ${l.warehouse_id}: on_hand ${l.on_hand}, reserved ${l.reserved}`),
  );
  check(
    onHand === stock && r.watch.onHandSeen.size === 1 && reserved === units,
    `reserved and sold agree: reserved ${reserved} = units sold ${units}; on_hand ${onHand} (unchanged from ${stock}: ${onHand === stock && r.watch.onHandSeen.size === 1 ? 'yes' : 'NO'}), so ${onHand - reserved} available = ${stock} − ${units}`,
  );

  const holdingCheckouts = new Set(live.map((o) => o.checkout_id));
  const withoutUnit = [...answeredCheckouts].filter((id) => !holdingCheckouts.has(id));
  const unanswered = [...holdingCheckouts].filter((id) => !answeredCheckouts.has(id));
  check(
    withoutUnit.length === 0 && unanswered.length === 0,
    `no order accepted without stock: ${answeredCheckouts.size} checkouts answered 201, ${withoutUnit.length} of them hold no unit; ${unanswered.length} orders hold a unit without a 201`,
    [...withoutUnit.slice(0, 5).map((id) => `201 for checkout ${id}, no live order holds a unit`), ...unanswered.slice(0, 5).map((id) => `checkout ${id} holds a unit, its buyer got no 201`)],
  );

  // A buyer may only be told OUT_OF_STOCK once the stock is gone; any other refusal is one the
  // bench does not provoke, so it is listed by status and reason code.
  const refused = r.placements.filter((p) => p.status !== 201);
  const outOfStock = refused.filter((p) => p.status === 409 && p.code === 'OUT_OF_STOCK');
  const errors = refused.filter((p) => !(p.status === 409 && p.code === 'OUT_OF_STOCK'));
  const kindOf = (e: Placement) => `${e.status}${e.code ? ` ${e.code}` : ' without a reason code'}${e.error ? ` ${e.error}` : ''}`;
  const byKind = new Map<string, number>();
  for (const e of errors) byKind.set(kindOf(e), (byKind.get(kindOf(e)) ?? 0) + 1);
  const outOfStockEarly = ranOut ? [] : outOfStock;
  check(
    errors.length === 0 && outOfStockEarly.length === 0,
    `every refusal gives its reason, OUT_OF_STOCK only once the stock ran out (${ranOut ? 'it did' : 'it did not'}): ${refused.length} refused, ${outOfStock.length} of them 409 OUT_OF_STOCK` +
      `${errors.length ? `; other refusals: ${[...byKind].map(([k, n]) => `${n} × ${k}`).join(', ')}` : ''}${outOfStockEarly.length ? `; ${outOfStockEarly.length} OUT_OF_STOCK while ${stock - units} units were left` : ''}`,
    [...errors.slice(0, 5).map((e) => `buyer ${e.buyer} (${e.repeat}): ${e.status} ${e.error ?? e.body.slice(0, 300)}`), ...outOfStockEarly.slice(0, 5).map((e) => `buyer ${e.buyer} (${e.repeat}): OUT_OF_STOCK with stock left`)],
  );

  // One checkout per (buyer, key), whatever the repeats did.
  const checkouts = await db.selectFrom('checkouts').select(['id', 'buyer_user_id', 'idempotency_key']).where('idempotency_key', 'like', `${keyPrefix}-%`).execute();
  const perKey = new Map<string, number>();
  for (const c of checkouts) perKey.set(`${c.buyer_user_id}|${c.idempotency_key}`, (perKey.get(`${c.buyer_user_id}|${c.idempotency_key}`) ?? 0) + 1);
  const doubled = [...perKey].filter(([, n]) => n > 1);
  const perBuyer = new Map<string, number>();
  for (const o of live) perBuyer.set(o.buyer_user_id, (perBuyer.get(o.buyer_user_id) ?? 0) + 1);
  const buyersWithTwo = [...perBuyer].filter(([, n]) => n > 1);
  const repeats = new Map<string, Placement[]>();
  for (const p of r.placements.filter((x) => x.repeat !== 'once')) repeats.set(p.key, [...(repeats.get(p.key) ?? []), p]);
  const disagree: string[] = [];
  const tally = { after: { same: 0, both409: 0 }, together: { same: 0, both409: 0 } };
  for (const [key, answers] of repeats) {
    const [a, b] = answers;
    if (!a || !b) {
      disagree.push(`${key}: ${answers.length} answer(s)`);
      continue;
    }
    const mode = a.repeat === 'together' ? 'together' : 'after';
    if (a.status === 201 && b.status === 201 && a.checkoutId === b.checkoutId) tally[mode].same += 1;
    else if (a.status === 409 && b.status === 409 && a.code === 'OUT_OF_STOCK' && b.code === 'OUT_OF_STOCK') tally[mode].both409 += 1;
    else disagree.push(`buyer ${a.buyer} (${mode}), key ${key}: ${a.status} ${a.checkoutId ?? a.code ?? a.error ?? ''} / ${b.status} ${b.checkoutId ?? b.code ?? b.error ?? ''}`);
  }
  if (repeats.size > 0) {
    check(
      doubled.length === 0 && buyersWithTwo.length === 0 && disagree.length === 0,
      `no duplicate order for a repeated key: ${repeats.size} keys sent twice (after: ${tally.after.same} same checkout, ${tally.after.both409} both OUT_OF_STOCK; together: ${tally.together.same} same checkout, ${tally.together.both409} both OUT_OF_STOCK), ${disagree.length} disagree; ${doubled.length} keys with two checkouts, ${buyersWithTwo.length} buyers holding two units`,
      [...disagree.slice(0, 5), ...doubled.slice(0, 3).map(([k, n]) => `${k}: ${n} checkouts`), ...buyersWithTwo.slice(0, 3).map(([b, n]) => `buyer ${b}: ${n} orders`)],
    );
  } else {
    check(doubled.length === 0 && buyersWithTwo.length === 0, `one checkout per key: ${checkouts.length} checkouts, ${doubled.length} keys with two, ${buyersWithTwo.length} buyers holding two units`);
  }

  const paidOrders = live.filter((o) => o.status === 'paid').length;
  const checkoutIds = [...holdingCheckouts];
  const paymentRows = checkoutIds.length > 0 ? await db.selectFrom('payments').select(['checkout_id', 'status']).where('checkout_id', 'in', checkoutIds).execute() : [];
  const paidPayments = paymentRows.filter((p) => p.status === 'paid').length;
  const payOk = r.payments.filter((p) => p.paid).length;
  const payBad = r.payments.filter((p) => !p.paid);
  check(
    paidOrders === live.length && paidPayments === live.length && payBad.length === 0,
    `paid: ${paidOrders} of ${live.length} orders, ${paidPayments} payments paid; ${r.payments.length} pay posts, ${payOk} answered 303 to the orders page`,
    payBad.slice(0, 5).map((p) => `buyer ${p.buyer}, checkout ${p.checkoutId}: ${p.status} ${p.location ?? p.error ?? p.body.slice(0, 200)}`),
  );
  return { verdicts, oversold, unitsSold: units };
}

function report(r: PhaseResult, { verdicts, oversold, unitsSold }: Checked, dialect: string): void {
  const all = summary(r.placements.map((p) => p.ms));
  const ok = summary(r.placements.filter((p) => p.status === 201).map((p) => p.ms));
  const refused = summary(r.placements.filter((p) => p.status !== 201).map((p) => p.ms));
  const paid = summary(r.payments.map((p) => p.ms));
  const answered201 = r.placements.filter((p) => p.status === 201).length;
  const successful = new Set(r.placements.filter((p) => p.status === 201).map((p) => p.checkoutId)).size;
  const total = r.placements.length;
  const rate = perSecond(total, r.placeWindowMs);
  const successRate = perSecond(successful, r.placeWindowMs);
  console.log(`\nPhase ${r.name}, ${r.variant.sku}, ${dialect}${r.note ? `; ${r.note}` : ''}`);
  for (const v of verdicts) {
    console.log(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.line}`);
    for (const e of v.evidence ?? []) console.log(`          ${e}`);
  }
  // A replayed key answers 201 with the same checkout: it counts among all placements, not among the successful ones.
  console.log(
    `  placements in ${(r.placeWindowMs / 1000).toFixed(2)} s: all ${total} requests, ${rate.toFixed(0)}/s; successful ${successful} orders, ${successRate.toFixed(0)}/s ` +
      `(${answered201} answers 201 with replays, ${total - answered201} refused); whole phase with payments ${(r.wallMs / 1000).toFixed(2)} s, ${perSecond(r.payments.length, r.wallMs).toFixed(0)} payments/s`,
  );
  const requests = total + r.payments.length;
  console.log(
    `  CPU during the phase: server process ${(r.cpu.server / 1000).toFixed(2)} s (${ms(r.cpu.server / requests)} ms per request, ${((r.cpu.server / r.wallMs) * 100).toFixed(0)}% of a core), ` +
      `clients ${(r.cpu.clients / 1000).toFixed(2)} s; load average ${r.load.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const oversell = `oversell ${oversold ? 'FOUND' : 'none'} (${unitsSold} units sold of ${stock})`;
  if (dialect === 'sqlite') {
    console.log(
      `  target (SQLite): ≥ ${targets.sqlitePlacementsPerSecond} placements/s with zero oversell → all ${rate.toFixed(0)}/s ${rate >= targets.sqlitePlacementsPerSecond ? 'met' : 'NOT met'} (successful ${successRate.toFixed(0)}/s), ${oversell}`,
    );
  } else {
    console.log(`  ${oversell}`);
  }
  console.log(
    table([
      ['latency (ms)', 'n', 'p50', 'p95', 'p99', 'max'],
      ...([['placement, all', all], ['  answered 201 (with replays)', ok], ['  refused', refused], ['payment (sandbox form)', paid]] as const).map(([name, s]) => [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]),
    ]).replace(/^/gm, '  '),
  );
}

// ——— Main ———

async function main(): Promise<void> {
  const dialect = pgBase ? 'postgres' : 'sqlite';
  const target: DatabaseTarget = pgBase ? { dialect: 'postgres', url: await harness.createScratchDatabase(pgBase) } : { dialect: 'sqlite', file: path.join(dir, 'bench.db') };
  const env = {
    NODE_ENV: 'development', // the sandbox payment provider is off in production
    DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SECRET_KEY: secretKey,
    DATABASE_URL: target.dialect === 'postgres' ? target.url : `sqlite:${target.file}`,
  };
  console.log(`bench:checkout on ${dialect}: ${buyerCount.toLocaleString('en')} buyers, ${stock} units per phase; ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const database = openDatabase({ database: target });
  try {
    const db = database.db;
    let started = performance.now();
    await migrateToLatest(db);
    await seedDemo(db, { files: new DirectoryFileStore(path.join(dir, 'files')) });
    // The identity keys the server derives from the same environment, so it can open what we seal.
    const keys = parseIdentityKeys(loadConfig(env).identityKeys);
    const seedStarted = performance.now();
    const buyers = await seedBenchBuyers(db, { count: buyerCount, keyRing: keys.keyRing, lookupKey: keys.lookupKey });
    const seedMs = performance.now() - seedStarted;
    const variants: SaleVariant[] = [];
    for (const sku of skus) variants.push(await setSaleStock(db, sku, stock));
    const baseline = new Set((await db.selectFrom('order_lines').select('order_id').where('variant_id', 'in', variants.map((v) => v.variantId)).execute()).map((r) => r.order_id));
    console.log(`  database ready in ${((performance.now() - started) / 1000).toFixed(1)} s (buyers seeded in ${(seedMs / 1000).toFixed(2)} s); variants ${variants.map((v) => v.sku).join(', ')} with ${stock} units each in one warehouse`);

    started = performance.now();
    const server = await startServer(env);
    console.log(`  server up in ${((performance.now() - started) / 1000).toFixed(1)} s on 127.0.0.1:${server.port}`);

    // Phase 1: 64 in flight; a warm-up of the connections (not of the placement path: a sale starts cold).
    const freeClient = client(server.port, Math.max(concurrency * 2, 16));
    await warmConnections(freeClient, concurrency * 2);
    const measured = async (run: () => Promise<PhaseResult>): Promise<PhaseResult> => {
      const server0 = cpuMsOf(server.child.pid);
      const clients0 = process.cpuUsage();
      const result = await run();
      const clients = process.cpuUsage(clients0);
      return { ...result, cpu: { server: cpuMsOf(server.child.pid) - server0, clients: (clients.user + clients.system) / 1000 } };
    };
    const freely = await measured(() => phaseFreely(freeClient, db, buyers, variants[0]!));
    report(freely, await verify(db, freely, 'free', baseline), dialect);
    freeClient.agent.destroy();

    const gateClient = client(server.port, connections);
    const gated = await measured(() => phaseBarrier(gateClient, db, buyers, variants[1]!));
    report(gated, await verify(db, gated, 'gate', baseline), dialect);
    gateClient.agent.destroy();

    if (server.log.counts.size > 0) {
      console.log('\nServer log (warn and above):');
      for (const [k, n] of server.log.counts) console.log(`  ${n} × ${k}`);
      for (const line of server.log.lines) console.log(`  sample: ${line}`);
    }
  } finally {
    await database.destroy();
  }
}

try {
  await main();
} catch (err) {
  console.error('bench:checkout broke:', err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
