import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { fromCnyFen, type OrderDetail, type PavilionCommission, type StatementDetail, type StatementSummary } from '@pavilion/contracts';
import type { Db } from '../../src/db/database.ts';
import { demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { moveOrder } from '../../src/features/orders/order-records.ts';
import type { OrderEvent } from '../../src/features/orders/order.rules.ts';
import { MediaService } from '../../src/features/media/media.service.ts';
import { PavilionService } from '../../src/features/pavilions/pavilion.service.ts';
import { wholeOrderReturns } from '../../src/features/settlement/returned-lines.ts';
import { SettlementService } from '../../src/features/settlement/settlement.service.ts';
import { chinaMonth, commissionOf, monthStart, nextMonth } from '../../src/features/settlement/settlement.rules.ts';
import { grouped } from '../../src/platform/pdf.ts';
import { DirectoryFileStore } from '../../src/platform/file-store.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { paidOrders, type PaidOrders } from '../support/paid-orders.ts';
import { bearer } from '../support/sessions.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Exporter settlement over real orders: placed and paid as a buyer does, then moved along by the
 * order state machine (what fulfilment and returns will do), settled month by month.
 */
describe('exporter settlement', () => {
  let ta: TestApp;
  let orders: PaidOrders;
  let settlement: SettlementService;
  const db = (): Db => ta.testDb.database.db;
  const multani = demoExporters[0].member.email;
  const bula = demoExporters[4].member.email;
  const pkOperator = demoPavilions[0].operator.email;
  const pacificOperator = demoPavilions[1].operator.email;

  /** A session valid at the test clock's time (which moves a month ahead below). */
  const token = async (email: string) => {
    const user = await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return (await createSession(db(), { userId: user.id, transport: 'token', ttlHours: 1, now: ta.clock.now })).token;
  };
  const get = async (email: string, url: string) => ta.app.inject({ method: 'GET', url, headers: bearer(await token(email)) });
  const move = (orderId: string, ...events: OrderEvent[]) =>
    db().transaction().execute(async (trx) => {
      for (const event of events) assert.ok(await moveOrder(trx, orderId, event, ta.clock.now.toISOString()), `${event} applies`);
    });
  const list = async (email: string, url: string): Promise<StatementSummary[]> => {
    const res = await get(email, url);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: StatementSummary[] }).items;
  };
  const detail = async (email: string, url: string): Promise<StatementDetail> => {
    const res = await get(email, url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as StatementDetail;
  };
  const pakistanId = async () => (await db().selectFrom('pavilions').select('id').where('slug', '=', 'pakistan').executeTakeFirstOrThrow()).id;

  let vaseTwo: OrderDetail;
  let vaseUnfinished: OrderDetail;
  let oil: OrderDetail;
  let firstMonth: string;
  let issued: StatementDetail;

  before(async () => {
    ta = await createTestApp({ catalog: true, overrides: { settlement: { returns: wholeOrderReturns } } });
    orders = await paidOrders(ta);
    const media = new MediaService({ db: db(), files: new DirectoryFileStore(path.join(ta.testDb.dir, 'files')) });
    // The same service the app runs, to call the monthly job when the test says so.
    settlement = new SettlementService({ db: db(), clock: () => ta.clock.now, pavilions: new PavilionService({ db: db(), media }), returns: wholeOrderReturns });
    firstMonth = chinaMonth(ta.clock.now);
  });
  after(() => ta.close());

  test("a completed order's goods, less the commission, settle in the exporter's currency at the order's own rate; freight, tax and unfinished orders do not", async () => {
    [vaseTwo] = await orders.placeAndPay([['MB-VASE-20', 2]]) as [OrderDetail];
    [vaseUnfinished] = await orders.placeAndPay([['MB-VASE-20', 1]]) as [OrderDetail];
    [oil] = await orders.placeAndPay([['BC-VCO-250', 1]]) as [OrderDetail];
    await move(vaseTwo.id, 'ship', 'deliver', 'complete');
    await move(oil.id, 'ship', 'deliver', 'complete');
    await move(vaseUnfinished.id, 'ship', 'deliver');

    const mine = await list(multani, '/api/exporter/statements');
    assert.equal(mine.length, 1);
    const [draft] = mine as [StatementSummary];
    assert.equal(draft.status, 'draft');
    assert.equal(draft.month, firstMonth);
    assert.equal(draft.currency, 'PKR');
    assert.equal(draft.exporter.nameEn, 'Multani Blue');

    const d = await detail(multani, `/api/exporter/statements/${draft.id}`);
    assert.deepEqual(d.lines.map((l) => l.orderNumber), [vaseTwo.number], 'only the completed order');
    const [line] = d.lines as [StatementDetail['lines'][number]];
    const orderLine = vaseTwo.lines[0]!;
    assert.equal(line.kind, 'sale');
    assert.equal(line.quantity, 2);
    assert.equal(line.goodsFen, orderLine.goodsFen, 'the goods only');
    assert.ok(vaseTwo.freightFen > 0 && vaseTwo.taxFen > 0 && d.goodsFen === vaseTwo.goodsFen, 'freight and tax are not the exporter\'s');
    assert.equal(line.commissionBp, 800, 'the default rate');
    assert.equal(line.commissionFen, commissionOf(orderLine.goodsFen, 800));
    assert.equal(line.shareFen, orderLine.goodsFen - line.commissionFen);
    const rate = vaseTwo.exchangeRates.find((r) => r.currency === 'PKR')!;
    assert.equal(line.rate, rate.rate);
    assert.equal(line.rateDate, rate.effectiveDate);
    const rateMicro = (await db().selectFrom('order_lines').select('rate_micro').where('order_id', '=', vaseTwo.id).executeTakeFirstOrThrow()).rate_micro;
    assert.equal(line.shareMinor, fromCnyFen(line.shareFen, 'PKR', Number(rateMicro)));
    assert.equal(d.shareMinor, line.shareMinor);
    assert.equal(d.commissionFen + d.shareFen, d.goodsFen);

    // The other exporter has its own statement, in its own currency.
    const theirs = await list(bula, '/api/exporter/statements');
    assert.deepEqual(theirs.map((s) => [s.currency, s.lineCount]), [['FJD', 1]]);
  });

  test('the draft looked at several times at once is still one statement with each line once', async () => {
    const views = await Promise.all([1, 2, 3, 4].map(() => list(multani, '/api/exporter/statements')));
    assert.deepEqual(new Set(views.map((v) => v.map((s) => s.id).join())).size, 1);
    const rows = await db().selectFrom('settlement_lines as l').innerJoin('settlement_statements as s', 's.id', 'l.statement_id').select(['l.item_key']).where('s.exporter_id', '=', views[0]![0]!.exporter.id).execute();
    const orderLines = await db().selectFrom('order_lines').select('id').where('order_id', '=', vaseTwo.id).execute();
    assert.deepEqual(rows.map((r) => r.item_key), orderLines.map((l) => l.id));
  });

  test('each side sees only its statements: another exporter or pavilion gets 404', async () => {
    const [draft] = (await list(multani, '/api/exporter/statements')) as [StatementSummary];
    assert.equal((await get(bula, `/api/exporter/statements/${draft.id}`)).statusCode, 404);
    assert.equal((await get(bula, `/api/exporter/statements/${draft.id}/download?format=pdf`)).statusCode, 404);
    assert.equal((await get(pacificOperator, `/api/operator/statements/${draft.id}`)).statusCode, 404);
    assert.equal((await get(pacificOperator, `/api/operator/statements/${draft.id}/download?format=xlsx`)).statusCode, 404);
    assert.equal((await get(pkOperator, `/api/operator/statements/${draft.id}`)).statusCode, 200);
    const multaniId = draft.exporter.id;
    assert.deepEqual(await list(pacificOperator, `/api/operator/statements?exporter=${multaniId}`), [], 'an exporter of another pavilion lists nothing');
    assert.deepEqual((await list(pkOperator, `/api/operator/statements?exporter=${multaniId}&month=${firstMonth}`)).map((s) => s.id), [draft.id]);
    assert.deepEqual((await list(pkOperator, '/api/operator/statements')).map((s) => s.exporter.nameEn), ['Multani Blue'], 'Bula Coconut is in the Pacific pavilion');
    const bad = await get(pkOperator, '/api/operator/statements?month=2026-13');
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { error: { details: Array<{ field: string }> } }).error.details[0]?.field, 'querystring.month');
  });

  test('an operator sets the commission for orders placed from now on; a bad rate is refused naming the field and changes nothing', async () => {
    const id = await pakistanId();
    const operator = await token(pkOperator);
    const put = (payload: object) => ta.app.inject({ method: 'PUT', url: `/api/operator/pavilions/${id}/commission`, headers: bearer(operator), payload });
    const before = (await get(pkOperator, `/api/operator/pavilions/${id}/commission`)).json() as PavilionCommission;
    assert.deepEqual({ rateBp: before.rateBp, isDefault: before.isDefault, history: before.history }, { rateBp: 800, isDefault: true, history: [] });

    for (const rateBp of [5001, -1, 7.5]) {
      const res = await ta.app.inject({ method: 'PUT', url: `/api/operator/pavilions/${id}/commission`, headers: { ...bearer(operator), 'accept-language': 'zh-CN' }, payload: { rateBp } });
      assert.equal(res.statusCode, 400, res.body);
      const issue = (res.json() as { error: { details: Array<{ field: string; message: string }> } }).error.details[0];
      assert.equal(issue?.field, 'body.rateBp');
      assert.equal(issue?.message, '须为 0–5000 的整数基点（800 即 8%）');
    }
    assert.equal((await db().selectFrom('pavilion_commission_rates').selectAll().execute()).length, 0, 'nothing was stored');
    const other = await ta.app.inject({ method: 'PUT', url: `/api/operator/pavilions/${(await db().selectFrom('pavilions').select('id').where('slug', '!=', 'pakistan').executeTakeFirstOrThrow()).id}/commission`, headers: bearer(operator), payload: { rateBp: 100 } });
    assert.equal(other.statusCode, 404, 'another pavilion');

    ta.clock.advance(1000);
    const set = await put({ rateBp: 1000 });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal((set.json() as PavilionCommission).rateBp, 1000);
    ta.clock.advance(1000);

    // An order placed after the change settles at 10%; the one placed before keeps 8%.
    const [later] = await orders.placeAndPay([['MB-VASE-20', 1]]) as [OrderDetail];
    await move(later.id, 'ship', 'deliver', 'complete');
    const [draft] = (await list(multani, '/api/exporter/statements')) as [StatementSummary];
    const d = await detail(multani, `/api/exporter/statements/${draft.id}`);
    assert.deepEqual(d.lines.map((l) => [l.orderNumber, l.commissionBp]), [[vaseTwo.number, 800], [later.number, 1000]]);
    assert.equal(d.shareMinor, d.lines.reduce((n, l) => n + l.shareMinor, 0), 'the lines add up to the total');
    assert.equal(d.goodsFen, d.lines.reduce((n, l) => n + l.goodsFen, 0));
  });

  test('the monthly job issues last month\'s statement, which then never changes; a later return goes on the next month as a negative line', async () => {
    const [draft] = (await list(multani, '/api/exporter/statements')) as [StatementSummary];
    const beforeIssue = await detail(multani, `/api/exporter/statements/${draft.id}`);
    // Into the next China month, a day in.
    ta.clock.now = new Date(Date.parse(monthStart(nextMonth(firstMonth))) + 86_400_000);
    assert.equal(await settlement.issueDue(), 2, "Multani Blue's and Bula Coconut's");
    assert.equal(await settlement.issueDue(), 0, 'a second run finds nothing');
    issued = await detail(multani, `/api/exporter/statements/${draft.id}`);
    assert.equal(issued.status, 'issued');
    assert.equal(issued.issuedAt, ta.clock.now.toISOString());
    assert.deepEqual(issued.lines, beforeIssue.lines);

    // The unfinished order completes now, and the two-vase order comes back whole and is refunded.
    await move(vaseUnfinished.id, 'complete');
    await move(vaseTwo.id, 'return_refunded');
    const now = await list(multani, '/api/exporter/statements');
    assert.deepEqual(now.map((s) => [s.month, s.status]), [[nextMonth(firstMonth), 'draft'], [firstMonth, 'issued']]);
    const next = await detail(multani, `/api/exporter/statements/${now[0]!.id}`);
    const sale = issued.lines.find((l) => l.orderNumber === vaseTwo.number)!;
    assert.deepEqual(next.lines.map((l) => [l.kind, l.orderNumber, l.quantity]), [['sale', vaseUnfinished.number, 1], ['refund', vaseTwo.number, -2]]);
    const refund = next.lines[1]!;
    assert.deepEqual([refund.goodsFen, refund.commissionFen, refund.shareFen, refund.shareMinor, refund.commissionBp], [-sale.goodsFen, -sale.commissionFen, -sale.shareFen, -sale.shareMinor, 800]);
    assert.equal(next.shareMinor, next.lines[0]!.shareMinor + refund.shareMinor);
    assert.deepEqual(await detail(multani, `/api/exporter/statements/${draft.id}`), issued, 'the issued statement is as it was');
  });

  test('the XLSX has the header block, the lines and a total row that sums them to the stored total', async () => {
    const res = await get(multani, `/api/exporter/statements/${issued.id}/download?format=xlsx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="statement-.+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const text = (row: number, col: number) => String(sheet.getRow(row).getCell(col).value ?? '');
    assert.equal(text(1, 1), 'Statement / 结算单');
    assert.match(text(2, 2), /Multani Blue/);
    assert.equal(text(4, 2), issued.month);
    assert.match(text(5, 2), /^PKR/);
    const headerRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => text(r, 2) === 'Order / 订单号')!;
    const shareCol = 14;
    assert.equal(text(headerRow, shareCol), 'Share PKR / 应结(PKR)');
    const lineRows = issued.lines.map((_, i) => sheet.getRow(headerRow + 1 + i));
    assert.deepEqual(lineRows.map((r) => r.getCell(2).value), issued.lines.map((l) => l.orderNumber));
    const minor = (v: unknown) => Math.round(Number(v) * 100);
    const lineSum = lineRows.reduce((n, r) => n + minor(r.getCell(shareCol).value), 0);
    const totalCell = sheet.getRow(headerRow + 1 + issued.lines.length).getCell(shareCol).value as ExcelJS.CellFormulaValue;
    assert.equal(totalCell.formula, `SUM(N${headerRow + 1}:N${headerRow + issued.lines.length})`);
    assert.equal(minor(totalCell.result), issued.shareMinor);
    assert.equal(lineSum, issued.shareMinor, 'the lines add up to the total');
  });

  test('the PDF is bilingual and carries the order numbers and the total', async () => {
    const res = await get(pkOperator, `/api/operator/statements/${issued.id}/download?format=pdf`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    assert.match(text, /Statement \/ 结算单/);
    for (const l of issued.lines) assert.ok(text.includes(l.orderNumber), l.orderNumber);
    assert.ok(text.includes(`${grouped(issued.shareMinor, 2)} PKR`), `total ${grouped(issued.shareMinor, 2)} PKR in:\n${text}`);
    const bad = await get(pkOperator, `/api/operator/statements/${issued.id}/download?format=doc`);
    assert.equal(bad.statusCode, 400);
  });

  test("a draft's detail and download are brought up to date, as the list is, without listing first", async () => {
    // The buyer's session (made at the real time) outlives the month the test clock moved on.
    await db().updateTable('sessions').set({ expires_at: new Date(ta.clock.now.getTime() + 86_400_000).toISOString() }).where('revoked_at', 'is', null).execute();
    const [draft] = (await list(multani, '/api/exporter/statements')) as [StatementSummary];
    assert.equal(draft.status, 'draft');
    assert.equal(draft.month, nextMonth(firstMonth));
    const [plate] = (await orders.placeAndPay([['MB-VASE-20', 3]])) as [OrderDetail];
    await move(plate.id, 'ship', 'deliver', 'complete');
    // Straight to the detail: the order completed since the list was read is on it.
    const exporterView = await detail(multani, `/api/exporter/statements/${draft.id}`);
    assert.ok(exporterView.lines.some((l) => l.orderNumber === plate.number), 'the exporter sees the new completed order');
    assert.equal(exporterView.shareMinor, exporterView.lines.reduce((n, l) => n + l.shareMinor, 0));

    const [cup] = (await orders.placeAndPay([['MB-VASE-20', 1]])) as [OrderDetail];
    await move(cup.id, 'ship', 'deliver', 'complete');
    const operatorView = await detail(pkOperator, `/api/operator/statements/${draft.id}`);
    assert.ok(operatorView.lines.some((l) => l.orderNumber === cup.number), 'the operator sees it too');

    const [jug] = (await orders.placeAndPay([['MB-VASE-20', 1]])) as [OrderDetail];
    await move(jug.id, 'ship', 'deliver', 'complete');
    const pdf = await get(multani, `/api/exporter/statements/${draft.id}/download?format=pdf`);
    assert.equal(pdf.statusCode, 200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    assert.ok(text.includes(jug.number), `the download carries ${jug.number}`);
  });
});
