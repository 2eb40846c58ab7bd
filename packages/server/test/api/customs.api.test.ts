import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CustomsDetail, CustomsQueueItem, OrderDetail, PaymentAnomaly } from '@pavilion/contracts';
import { demoAdmin, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { residentId } from '../support/buyer-fixtures.ts';
import { paidOrders, type PaidOrders } from '../support/paid-orders.ts';
import { sealIdentity } from '../../src/features/identities/identity-sealing.ts';
import { parseIdentityKeys } from '../../src/features/identities/identity-crypto.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { CustomsService } from '../../src/features/customs/customs.service.ts';
import type { CustomsTransport } from '../../src/features/customs/customs-transport.ts';
import { DECLARE_PAYMENT, SEND_CUSTOMS_MESSAGE } from '../../src/features/customs/customs-jobs.ts';
import { handOut } from '../../src/background-jobs.ts';
import { declarationIdentities, declareToCustomsWorkflow } from '../../src/workflows/declare-to-customs.ts';
import { defineJob, JobQueue } from '../../src/platform/jobs/job-queue.ts';
import { retryDelayMs } from '../../src/platform/jobs/job.rules.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** A receipt as the customs client drops it into the inbox (written, then renamed, as the client does). */
function dropReceipt(ta: TestApp, r: { guid: string; orderNo: string; status: string; info: string; time?: string }): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><CEB312Message guid="${r.guid}" version="1.0" xmlns="http://www.chinaport.gov.cn/ceb"><OrderReturn><guid>${r.guid}</guid><ebpCode>DEV0000PAVILION</ebpCode><ebcCode>DEVPAKISTAN</ebcCode><orderNo>${r.orderNo}</orderNo><returnStatus>${r.status}</returnStatus><returnTime>${r.time ?? '20261201120000000'}</returnTime><returnInfo>${r.info}</returnInfo></OrderReturn></CEB312Message>`;
  const name = `CEB312_${r.guid}_${r.status}_${Math.random().toString(36).slice(2)}.xml`;
  writeFileSync(path.join(ta.config.customs.inboxDir, name), xml);
}

const outboxFiles = (ta: TestApp) => (existsSync(ta.config.customs.outboxDir) ? readdirSync(ta.config.customs.outboxDir).filter((f) => f.endsWith('.xml')).sort() : []);

/**
 * The customs client as another deployment might plug it in, without the directory transport's
 * ledger: every call is a handover, so a message handed over twice shows as two sends.
 */
class CountingTransport implements CustomsTransport {
  readonly sent: string[] = [];
  failing = 0;
  async send(message: { guid: string }): Promise<'sent'> {
    // A moment inside the handover, as a file written and renamed takes: two senders overlap here.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failing > 0) {
      this.failing -= 1;
      throw new Error('the customs client folder is not writable');
    }
    this.sent.push(message.guid);
    return 'sent';
  }
  async fetchReceipts(): Promise<Array<{ id: string; xml: string }>> {
    return [];
  }
  async acknowledge(): Promise<void> {}
}

/** An ID number whose check character is `last` (the sandbox answers DIFFERENT for 9). */
function idBodyEndingIn(last: string): string {
  for (let seq = 100; seq < 999; seq += 1) {
    const body = `110101199003${String(seq).padStart(3, '0')}07`.slice(0, 17);
    if (residentId(body).endsWith(last)) return body;
  }
  throw new Error('no such ID');
}

describe('customs: order declarations, receipts, payment declarations, the operator queue', () => {
  let ta: TestApp;
  let buyer: PaidOrders;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  let admin: Record<string, string>;
  const db = () => ta.testDb.database.db;
  /** Each step a little later, as in life (the test clock stands still otherwise). */
  const run = async () => {
    ta.clock.advance(1_000);
    await ta.app.customs.runOnce();
  };
  const queue = async (status?: string) => {
    const res = await ta.app.inject({ method: 'GET', url: `/api/operator/customs${status ? `?status=${status}` : ''}`, headers: operator });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: CustomsQueueItem[] }).items;
  };
  const detail = async (orderId: string, headers = operator) => ta.app.inject({ method: 'GET', url: `/api/operator/customs/${orderId}`, headers });
  const order = (id: string) => db().selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    ta = await createTestApp({ catalog: true });
    buyer = await paidOrders(ta);
    operator = bearer(await tokenFor(db(), demoPavilions[0].operator.email));
    otherOperator = bearer(await tokenFor(db(), demoPavilions[1].operator.email));
    admin = bearer(await tokenFor(db(), demoAdmin.email));
  });
  after(() => ta.close());

  test('a paid order is declared once: validated, written to the outbox folder, received, released, with its timeline', async () => {
    const [paid] = await buyer.placeAndPay([['MB-VASE-20', 1]]);
    assert.ok(paid);
    await run();

    const files = outboxFiles(ta);
    assert.equal(files.length, 1);
    const xml = readFileSync(path.join(ta.config.customs.outboxDir, files[0]!), 'utf8');
    // The file carries the clear identity (it goes to customs); what operators see is masked.
    assert.match(xml, new RegExp(`<ceb:buyerIdNumber>${buyer.profile.idNumber}</ceb:buyerIdNumber>`));
    assert.match(xml, new RegExp(`<ceb:orderNo>${paid.number}</ceb:orderNo>`));
    assert.match(xml, /<ceb:appType>1<\/ceb:appType>/);
    assert.match(xml, /<ceb:country>127<\/ceb:country>/);
    const totalFen = Number((await order(paid.id)).total_fen);
    assert.match(xml, new RegExp(`<ceb:acturalPaid>${Math.trunc(totalFen / 100)}\\.${String(totalFen % 100).padStart(2, '0')}</ceb:acturalPaid>`));

    // Another pass declares nothing again.
    await run();
    assert.equal(outboxFiles(ta).length, 1);
    assert.equal(Number((await db().selectFrom('customs_declarations').select((eb) => eb.fn.countAll<number>().as('n')).where('order_id', '=', paid.id).executeTakeFirstOrThrow()).n), 1);

    const [item] = (await queue('submitted')).filter((i) => i.orderId === paid.id);
    assert.ok(item);
    assert.equal(item.latest?.status, 'sent');
    assert.equal(item.identityCheck, 'SAME');
    const shown = (await detail(paid.id)).json() as CustomsDetail;
    assert.doesNotMatch(shown.declarations[0]!.messageXml, new RegExp(buyer.profile.idNumber));
    assert.match(shown.declarations[0]!.messageXml, /<ceb:buyerIdNumber>\d{6}\*{8}\d{3}[\dX]<\/ceb:buyerIdNumber>/);
    assert.equal(shown.paymentDeclaration?.identityCheck, 'SAME');

    const guid = item.latest!.guid;
    dropReceipt(ta, { guid, orderNo: paid.number, status: '120', info: '海关入库成功' });
    dropReceipt(ta, { guid, orderNo: paid.number, status: '120', info: '海关入库成功' });
    await run();
    assert.equal((await order(paid.id)).customs_status, 'accepted');
    const receipts = await db().selectFrom('customs_receipts').selectAll().where('guid', '=', guid).execute();
    assert.equal(receipts.length, 1, 'a repeated receipt is recorded once');
    assert.equal(readdirSync(ta.config.customs.inboxDir).filter((f) => f.endsWith('.xml')).length, 0, 'processed receipts leave the inbox');

    dropReceipt(ta, { guid, orderNo: paid.number, status: '800', info: '放行', time: '20261201150000000' });
    await run();
    const released = await order(paid.id);
    assert.equal(released.customs_status, 'released');
    assert.equal(released.released_at, '2026-12-01T07:00:00.000Z');

    const timeline = ((await ta.app.inject({ method: 'GET', url: `/api/store/orders/${paid.id}`, headers: bearer(buyer.buyerToken) })).json() as OrderDetail).timeline;
    assert.deepEqual(timeline.filter((e) => e.status.startsWith('customs_')).map((e) => e.status), ['customs_submitted', 'customs_accepted', 'customs_released']);
    assert.match(timeline.find((e) => e.status === 'customs_released')!.note, /放行 \/ Released by customs/);
  });

  test('a rejection holds the order with its reason; the operator corrects the address and resends a change message', async () => {
    const [paid] = await buyer.placeAndPay([['MB-VASE-20', 1]]);
    await run();
    const first = (await queue()).find((i) => i.orderId === paid!.id)!;
    dropReceipt(ta, { guid: first.latest!.guid, orderNo: paid!.number, status: '100', info: '收货人地址不详' });
    await run();

    const rejected = await order(paid!.id);
    assert.equal(rejected.customs_status, 'rejected');
    assert.equal(rejected.hold, 'customs_rejected');
    const [shown] = (await queue('rejected')).filter((i) => i.orderId === paid!.id);
    assert.equal(shown?.lastReceipt?.returnInfo, '收货人地址不详');
    assert.deepEqual(shown?.lastReceipt?.label, { zh: '海关退单', en: 'rejected by customs' });

    // Another pavilion's operator cannot see it or act on it, and nothing changes.
    assert.equal((await detail(paid!.id, otherOperator)).statusCode, 404);
    const refused = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: otherOperator, payload: {} });
    assert.equal(refused.statusCode, 404);
    assert.equal((await order(paid!.id)).customs_status, 'rejected');
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: bearer(buyer.buyerToken), payload: {} })).statusCode, 403);

    // A unit that is not a customs unit is refused by name, and nothing changes.
    const badUnit = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: operator, payload: { corrections: { lines: [{ lineNo: 1, unit: '999' }] } } });
    assert.equal(badUnit.statusCode, 400, badUnit.body);
    assert.deepEqual((badUnit.json() as { error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field), ['body.corrections.lines.0.unit']);
    assert.equal((await order(paid!.id)).customs_status, 'rejected');

    const before = outboxFiles(ta).length;
    ta.clock.advance(1_000);
    const res = await ta.app.inject({
      method: 'POST',
      url: `/api/operator/customs/${paid!.id}/resend`,
      headers: operator,
      payload: { corrections: { consignee: { address: '上海市浦东新区世纪大道100号3号楼1201室' }, lines: [{ lineNo: 1, unit: '140' }] } },
    });
    assert.equal(res.statusCode, 200, res.body);
    const after = res.json() as CustomsDetail;
    assert.equal(after.order.customsStatus, 'submitted');
    assert.equal(after.order.hold, null);
    assert.deepEqual(after.declarations.map((d) => [d.appType, d.status]), [['1', 'rejected'], ['2', 'queued']]);
    assert.notEqual(after.declarations[1]!.guid, first.latest!.guid);

    await run();
    assert.equal(outboxFiles(ta).length, before + 1);
    const change = readFileSync(path.join(ta.config.customs.outboxDir, `CEB311_${after.declarations[1]!.guid}.xml`), 'utf8');
    assert.match(change, /<ceb:appType>2<\/ceb:appType>/);
    assert.match(change, /<ceb:consigneeAddress>上海市浦东新区世纪大道100号3号楼1201室<\/ceb:consigneeAddress>/);
    assert.match(change, /<ceb:unit>140<\/ceb:unit>/);

    // A late receipt of the first message no longer moves the order.
    dropReceipt(ta, { guid: first.latest!.guid, orderNo: paid!.number, status: '120', info: 'late' });
    await run();
    assert.equal((await order(paid!.id)).customs_status, 'submitted');

    // Only a rejected or invalid declaration can be resent.
    const again = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: admin, payload: {} });
    assert.equal(again.statusCode, 409, again.body);
  });

  test('an invalid message is never sent: the operator sees the field, fixes it, and the message leaves', async () => {
    const [paid] = await buyer.placeAndPay([['MB-VASE-20', 1]]);
    // Another part of the system left the line without a Chinese name, and the product now names an origin the code table lacks.
    await db().updateTable('order_lines').set({ title_zh: '' }).where('order_id', '=', paid!.id).execute();
    const line = await db().selectFrom('order_lines').select('product_id').where('order_id', '=', paid!.id).executeTakeFirstOrThrow();
    const product = await db().selectFrom('products').select('live_revision_id').where('id', '=', line.product_id).executeTakeFirstOrThrow();
    const revision = await db().selectFrom('product_revisions').select(['id', 'content']).where('id', '=', product.live_revision_id!).executeTakeFirstOrThrow();
    const content = JSON.parse(revision.content) as { compliance: { originCountry: string } };
    const originalContent = revision.content;
    content.compliance.originCountry = 'KI';
    await db().updateTable('product_revisions').set({ content: JSON.stringify(content) }).where('id', '=', revision.id).execute();
    await run();
    const before = outboxFiles(ta).length;
    const declared = await db().selectFrom('customs_declarations').select(['status']).where('order_id', '=', paid!.id).execute();
    assert.deepEqual(declared.map((d) => d.status), ['invalid'], 'recorded, not queued');

    const [item] = (await queue('invalid')).filter((i) => i.orderId === paid!.id);
    assert.ok(item, 'listed as invalid');
    assert.equal(item.customsStatus, 'pending');
    assert.deepEqual(item.errors.map((e) => `${e.field}:${e.rule}`), ['OrderList[1].itemName:required', 'OrderList[1].country:required', 'OrderList[1].country:code']);
    assert.match(item.errors[0]!.message.zh, /必填/);
    await run();
    assert.equal(outboxFiles(ta).length, before, 'still nothing: it waits for the operator');

    // Resent unchanged: refused with the field, nothing changes.
    const still = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: operator, payload: {} });
    assert.equal(still.statusCode, 422, still.body);
    const body = still.json() as { error: { code: string; details: Array<{ field: string; rule: string }> } };
    assert.equal(body.error.code, 'CUSTOMS_MESSAGE_INVALID');
    assert.deepEqual(body.error.details.map((d) => d.field), ['OrderList[1].itemName', 'OrderList[1].country', 'OrderList[1].country']);
    assert.equal((await db().selectFrom('customs_declarations').select('id').where('order_id', '=', paid!.id).execute()).length, 1);

    ta.clock.advance(1_000);
    const badCountry = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: operator, payload: { corrections: { lines: [{ lineNo: 1, country: '999' }] } } });
    assert.equal(badCountry.statusCode, 400, badCountry.body);
    const fixed = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/resend`, headers: operator, payload: { corrections: { lines: [{ lineNo: 1, itemName: '木尔坦蓝陶花瓶', country: '127' }] } } });
    assert.equal(fixed.statusCode, 200, fixed.body);
    const shown = fixed.json() as CustomsDetail;
    // Customs never had the first one: this is a new message, not a change.
    assert.deepEqual(shown.declarations.map((d) => [d.appType, d.status]), [['1', 'invalid'], ['1', 'queued']]);
    assert.equal(shown.corrections.lines?.['1']?.itemName, '木尔坦蓝陶花瓶');
    await run();
    assert.equal(outboxFiles(ta).length, before + 1);
    await db().updateTable('product_revisions').set({ content: originalContent }).where('id', '=', revision.id).execute();
  });

  test('the payer is not the buyer: DIFFERENT holds the order and alerts the operator, who can clear it', async () => {
    const [paid] = await buyer.placeAndPay([['MB-VASE-20', 1]]);
    // The order names another buyer (an identity whose number ends in 9: the sandbox's "payer differs").
    const sealed = sealIdentity({ name: '王芳', idNumber: residentId(idBodyEndingIn('9')) }, parseIdentityKeys(ta.config.identityKeys));
    await db().updateTable('orders').set({ identity_name_sealed: sealed.nameSealed, identity_id_number_sealed: sealed.idNumberSealed }).where('id', '=', paid!.id).execute();
    await run();

    const held = await order(paid!.id);
    assert.equal(held.hold, 'identity_mismatch');
    const [item] = (await queue('held')).filter((i) => i.orderId === paid!.id);
    assert.equal(item?.identityCheck, 'DIFFERENT');
    const anomalies = (await ta.app.inject({ method: 'GET', url: '/api/operator/payment-anomalies', headers: operator })).json() as { items: PaymentAnomaly[] };
    const alert = anomalies.items.find((a) => a.kind === 'identity_mismatch' && a.details.orderId === paid!.id);
    assert.ok(alert, 'an anomaly for the operator');
    assert.equal(alert.resolvedAt, null);
    const otherSees = (await ta.app.inject({ method: 'GET', url: '/api/operator/payment-anomalies', headers: otherOperator })).json() as { items: PaymentAnomaly[] };
    assert.equal(otherSees.items.some((a) => a.details.orderId === paid!.id), false);

    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/clear-hold`, headers: otherOperator })).statusCode, 404);
    assert.equal((await order(paid!.id)).hold, 'identity_mismatch');
    const cleared = await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/clear-hold`, headers: operator });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.equal((await order(paid!.id)).hold, null);
    const resolved = await db().selectFrom('payment_anomalies').select('resolved_at').where('id', '=', alert.id).executeTakeFirstOrThrow();
    assert.notEqual(resolved.resolved_at, null);
    assert.equal((await ta.app.inject({ method: 'POST', url: `/api/operator/customs/${paid!.id}/clear-hold`, headers: operator })).statusCode, 409);
  });

  test('two processes handing the outbox over at once give each message to customs once, even running the same job; a failed handover is retried by its job with the queue\'s back-off', async () => {
    const transport = new CountingTransport();
    // Two server processes on one database (told apart as processes on different machines would be).
    const serverProcess = (name: string) =>
      declareToCustomsWorkflow({
        db: db(), clock: () => ta.clock.now, log: ta.app.log, payments: { declareCustoms: async () => null },
        customs: new CustomsService({
          db: db(), clock: () => ta.clock.now, customs: ta.config.customs, identities: declarationIdentities(parseIdentityKeys(ta.config.identityKeys).keyRing), transport,
          log: ta.app.log, worker: { machine: name, pid: 1, id: `${name}:1:abcdef` },
        }),
      });
    const [a, b] = [serverProcess('host-a'), serverProcess('host-b')];
    const queues = [a, b].map((customs) => {
      const q = new JobQueue({ db: db(), clock: () => ta.clock.now, log: ta.app.log });
      q.register(defineJob({ ...SEND_CUSTOMS_MESSAGE, handler: ({ outboxId }) => customs.sendMessageJob(outboxId) }));
      return q;
    });
    // Messages of the earlier tests were handed over by hand: their jobs find them sent.
    await queues[0]!.runDue();
    const before = await db().selectFrom('customs_outbox').select('id').execute();

    await buyer.placeAndPay([['MB-VASE-20', 1], ['BC-VCO-250', 1]]);
    await buyer.placeAndPay([['MB-PLATE-25', 1]]);
    ta.clock.advance(1_000);
    await a.declarePending();
    const outbox = await db().selectFrom('customs_outbox as x').innerJoin('customs_declarations as d', 'd.id', 'x.declaration_id').select(['x.id', 'd.guid']).where('x.id', 'not in', before.map((r) => r.id).concat([''])).execute();
    assert.ok(outbox.length >= 2, `messages queued (${outbox.length})`);
    const [first] = outbox;

    // Both processes run the same message's job at once (a lease lost, taken by the other): one hands it over.
    const both = await Promise.allSettled([a.sendMessageJob(first!.id), b.sendMessageJob(first!.id)]);
    assert.deepEqual(both.map((r) => r.status).sort(), ['fulfilled', 'rejected'], 'the second finds it claimed');
    // Both run their pass over the outbox, and both queues their jobs, at the same time.
    await Promise.all([a.sendOutbox(), b.sendOutbox(), ...queues.map((q) => q.runDue())]);
    for (const m of outbox) assert.equal(transport.sent.filter((g) => g === m.guid).length, 1, `message ${m.guid} handed over once`);
    assert.equal(Number((await db().selectFrom('customs_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow()).n), 0);

    // A handover that fails: its job tries again after the queue's doubling wait, then it leaves once.
    const [later] = await buyer.placeAndPay([['MB-VASE-20', 1]]);
    ta.clock.advance(1_000);
    await a.declarePending();
    const row = await db().selectFrom('customs_outbox as x').innerJoin('customs_declarations as d', 'd.id', 'x.declaration_id').select(['x.id', 'd.guid']).where('d.order_id', '=', later!.id).executeTakeFirstOrThrow();
    const job = await db().selectFrom('jobs').select('id').where('kind', '=', SEND_CUSTOMS_MESSAGE.kind).where('unique_key', '=', row.id).executeTakeFirstOrThrow();
    transport.failing = 2;
    assert.equal(await queues[0]!.runDue(), 1);
    let view = (await queues[0]!.get(job.id))!;
    assert.deepEqual([view.state, view.attempts], ['pending', 1]);
    assert.match(view.lastError ?? '', /not writable/);
    assert.equal(Date.parse(view.runAt) - ta.clock.now.getTime(), retryDelayMs(1, SEND_CUSTOMS_MESSAGE.retry));
    assert.equal(await queues[1]!.runDue(), 0, 'not before its wait');
    ta.clock.advance(retryDelayMs(1, SEND_CUSTOMS_MESSAGE.retry));
    await queues[1]!.runDue();
    view = (await queues[1]!.get(job.id))!;
    assert.equal(Date.parse(view.runAt) - ta.clock.now.getTime(), retryDelayMs(2, SEND_CUSTOMS_MESSAGE.retry), 'the wait doubles');
    ta.clock.advance(retryDelayMs(2, SEND_CUSTOMS_MESSAGE.retry));
    await queues[0]!.runDue();
    view = (await queues[0]!.get(job.id))!;
    assert.deepEqual([view.state, view.attempts], ['done', 3]);
    assert.equal(transport.sent.filter((g) => g === row.guid).length, 1);
    assert.notEqual((await db().selectFrom('customs_outbox').select('sent_at').where('id', '=', row.id).executeTakeFirstOrThrow()).sent_at, null);
  });

  test('the single item taxed in full is declared like any other: full tax with its tariff, in the queue, released, shipped by its exporter', async () => {
    // One Fiji pearl strand over ¥5,000: regime "general" (MFN tariff 20%, consumption tax 10%, VAT 13%).
    const [paid] = await buyer.placeAndPay([['SP-STRAND-45', 1]]);
    assert.ok(paid);
    assert.equal(paid.regime, 'general');
    const p = paid.goodsFen + paid.freightFen;
    const halfUp = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));
    // tariff = P × 20%; CT = P × 1.2 / 0.9 × 10% = 2P/15; VAT = P × 1.2 / 0.9 × 13% = 13P/75.
    const expected = { tariffFen: halfUp(p * 2000, 10_000), consumptionTaxFen: halfUp(p * 2, 15), vatFen: halfUp(p * 13, 75) };
    assert.deepEqual(paid.taxParts, expected);
    assert.equal(paid.taxFen, expected.tariffFen + expected.consumptionTaxFen + expected.vatFen);
    assert.equal(paid.totalFen, p + paid.taxFen);

    await run();
    const stored = await order(paid.id);
    assert.equal(stored.customs_status, 'submitted', 'declared by the worker, not left pending');
    const file = outboxFiles(ta).map((f) => readFileSync(path.join(ta.config.customs.outboxDir, f), 'utf8')).find((xml) => xml.includes(`<ceb:orderNo>${paid.number}</ceb:orderNo>`));
    assert.ok(file, 'the order message is in the outbox');
    const amount = (fen: number) => `${Math.trunc(fen / 100)}\\.${String(fen % 100).padStart(2, '0')}`;
    assert.match(file, new RegExp(`<ceb:taxTotal>${amount(paid.taxFen)}</ceb:taxTotal>`), 'taxTotal carries the tariff too');
    assert.match(file, new RegExp(`<ceb:acturalPaid>${amount(paid.totalFen)}</ceb:acturalPaid>`));
    assert.equal((await db().selectFrom('payment_declarations').select('order_id').where('order_id', '=', paid.id).execute()).length, 1, 'its payment is declared too');

    // The Pacific pavilion's operator sees it in the customs queue, with the tax parts.
    const pacific = await ta.app.inject({ method: 'GET', url: '/api/operator/customs', headers: otherOperator });
    const item = (pacific.json() as { items: CustomsQueueItem[] }).items.find((i) => i.orderId === paid.id);
    assert.ok(item, 'in the operator queue');
    assert.equal(item.regime, 'general');
    assert.deepEqual(item.taxParts, expected);
    assert.equal(item.taxFen, paid.taxFen);

    // Customs releases it, and its exporter ships it (a direct 9610 parcel).
    const guid = item.latest!.guid;
    dropReceipt(ta, { guid, orderNo: paid.number, status: '800', info: '放行' });
    await run();
    assert.equal((await order(paid.id)).customs_status, 'released');
    const pearls = demoExporters.find((e) => e.tradingNameEn === 'Savusavu Black Pearls')!;
    const shipped = await ta.app.inject({
      method: 'POST',
      url: `/api/exporter/orders/${paid.id}/shipment`,
      headers: bearer(await tokenFor(db(), pearls.member.email)),
      payload: { carrier: 'DHL', trackingNumber: '7788990011', weightGrams: 420 },
    });
    assert.equal(shipped.statusCode, 201, shipped.body);
    assert.equal((await order(paid.id)).status, 'shipped');
  });

  test("a payment declaration is a job of its own: the sweep hands it out once, a provider failure waits the queue's back-off, a dead one is not handed out again", async () => {
    const calls: string[] = [];
    let failing = 1;
    const payments = {
      declareCustoms: async (_method: string, input: { outTradeNo: string }) => {
        calls.push(input.outTradeNo);
        if (failing-- > 0) throw new Error('the payment provider is unreachable');
        return { state: 'SUBMITTED', identityCheck: 'SAME' as const, answer: { state: 'SUBMITTED' } };
      },
    };
    const service = declareToCustomsWorkflow({
      db: db(), clock: () => ta.clock.now, log: ta.app.log, payments,
      customs: new CustomsService({
        db: db(), clock: () => ta.clock.now, customs: ta.config.customs, identities: declarationIdentities(parseIdentityKeys(ta.config.identityKeys).keyRing), transport: new CountingTransport(),
        log: ta.app.log, worker: { machine: 'host-c', pid: 1, id: 'host-c:1:abcdef' },
      }),
    });
    const queue = new JobQueue({ db: db(), clock: () => ta.clock.now, log: ta.app.log });
    const declare = queue.register(defineJob({ ...DECLARE_PAYMENT, handler: ({ orderId }) => service.declarePaymentJob(orderId) }));
    const sweep = () => service.sweep({ messages: async () => 0, paymentDeclarations: (ids) => handOut(queue, declare, ids, (orderId) => ({ orderId })) });
    const jobsOf = (orderId: string) => db().selectFrom('jobs').select(['id', 'state', 'attempts']).where('kind', '=', DECLARE_PAYMENT.kind).where('unique_key', '=', orderId).execute();
    const declared = async (orderId: string) => (await db().selectFrom('payment_declarations').select('order_id').where('order_id', '=', orderId).execute()).length;

    const [paid] = await buyer.placeAndPay([['MB-VASE-20', 1]]);
    await sweep();
    await sweep();
    assert.equal((await jobsOf(paid!.id)).length, 1, 'handed to one job, however often the sweep runs');
    assert.equal(await queue.runDue(), 1);
    const [job] = await jobsOf(paid!.id);
    const view = (await queue.get(job!.id))!;
    assert.deepEqual([view.state, view.attempts, await declared(paid!.id)], ['pending', 1, 0]);
    assert.match(view.lastError ?? '', /unreachable/);
    assert.equal(Date.parse(view.runAt) - ta.clock.now.getTime(), retryDelayMs(1, DECLARE_PAYMENT.retry));
    await sweep();
    assert.equal((await jobsOf(paid!.id)).length, 1, 'not handed out again while its job waits');
    ta.clock.advance(retryDelayMs(1, DECLARE_PAYMENT.retry));
    assert.equal(await queue.runDue(), 1);
    assert.equal((await queue.get(job!.id))?.state, 'done');
    assert.equal(await declared(paid!.id), 1);
    assert.equal(calls.length, 2);

    // A payment the provider never takes: its job dies after its attempts and the sweep leaves it dead.
    const [stuck] = await buyer.placeAndPay([['BC-VCO-250', 1]]);
    failing = Number.POSITIVE_INFINITY;
    await sweep();
    for (let attempt = 1; attempt <= DECLARE_PAYMENT.retry.maxAttempts; attempt++) {
      assert.equal(await queue.runDue(), 1);
      ta.clock.advance(retryDelayMs(attempt, DECLARE_PAYMENT.retry));
    }
    const [dead] = await jobsOf(stuck!.id);
    assert.equal(dead?.state, 'failed');
    await sweep();
    assert.deepEqual((await jobsOf(stuck!.id)).map((j) => j.state), ['failed'], 'left for an operator to retry');
    assert.equal(await declared(stuck!.id), 0);
  });
});
