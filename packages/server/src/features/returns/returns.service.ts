import { formatMajor, returnReasons, validationMessages, type Return, type Returnable, type ReturnRequestInput, type ReturnStage, type ReturnStatus } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { exporterScope, operatorScope, requireRole } from '../../platform/access.ts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findImages, type MediaService, type StoredMedia } from '../media/index.ts';
import { BUYER_OWNER_PREFIX } from '../media/index.ts';
import { appendOrderEvent } from '../orders/index.ts';
import { refundStatesOfReturns, type RefundState } from '../payments/index.ts';
import * as repo from './returns.repository.ts';
import {
  arriveBy, bilingualNote, checkEligibility, checkQuantities, endOfChinaDayAfter, hoursBetween, isLateArrival, lastChinaDay, nextReturnStatus, NO_REASON_DAYS, refundAmounts,
  RETURN_WINDOW_DAYS, returnNumber, returnStage, returnStatesLeftBy, type EligibilityProblem, type ReturnAction,
} from './returns.rules.ts';

const yuan = (fen: number) => `¥${formatMajor(fen, 'CNY')}`;

/** Who acts on a return besides its buyer: the order's exporter, or an operator of its pavilion (admins: all). */
export type StaffSide = 'exporter' | 'operator';

/**
 * Returns. Each use case is one transaction. The goods coming back and the refund they owe cross
 * into orders (allowance, timeline) and payments (the refund): that story is the refund-return
 * workflow, which calls markReceived, markRefunded and markRefundFailed here.
 */
export class ReturnService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly media: MediaService;

  constructor(options: { db: Db; clock: Clock; media: MediaService }) {
    this.db = options.db;
    this.clock = options.clock;
    this.media = options.media;
  }

  // ---- Buyers ----

  /** A photo for a return request: checked by content, EXIF stripped, stored as the buyer's. */
  async uploadPhoto(caller: Caller | null, readFile: () => Promise<Buffer>): Promise<StoredMedia> {
    const { userId } = requireRole(caller, 'buyer');
    return this.media.storeImage(buyerMediaOwner(userId), await readFile(), 'file');
  }

  /** What the request form offers for an order: the lines with what is left, and whether it may be returned now. */
  async returnable(caller: Caller | null, orderId: string): Promise<Returnable> {
    const { userId } = requireRole(caller, 'buyer');
    const order = await repo.findOrderForReturn(this.db, orderId, userId);
    if (!order) throw notFound();
    const held = await repo.heldUnits(this.db, order.lines.map((l) => l.orderLineId));
    // Any reason but the 7-day one: the widest window the order has.
    const problem = checkEligibility({ status: order.status, releasedAt: order.releasedAt, deliveredAt: order.deliveredAt, reason: 'damaged', now: this.clock() });
    return {
      orderId: order.id,
      problem: problem === null ? null : problem.problem === 'window_closed' ? 'RETURN_WINDOW_CLOSED' : 'RETURN_NOT_ELIGIBLE',
      lastDay: order.releasedAt ? lastChinaDay(endOfChinaDayAfter(order.releasedAt, RETURN_WINDOW_DAYS)) : null,
      noReasonLastDay: order.deliveredAt ? lastChinaDay(endOfChinaDayAfter(order.deliveredAt, NO_REASON_DAYS)) : null,
      arriveBy: order.releasedAt ? arriveBy(order.releasedAt) : null,
      lines: order.lines.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, titleZh: l.titleZh, titleEn: l.titleEn, bought: l.quantity, left: Math.max(0, l.quantity - (held.get(l.orderLineId) ?? 0)) })),
    };
  }

  async request(caller: Caller | null, orderId: string, input: ReturnRequestInput): Promise<Return> {
    const { userId } = requireRole(caller, 'buyer');
    const now = this.clock();
    const at = now.toISOString();
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const order = await repo.findOrderForReturn(trx, orderId, userId);
      if (!order) throw notFound();
      const problem = checkEligibility({ status: order.status, releasedAt: order.releasedAt, deliveredAt: order.deliveredAt, reason: input.reason, now });
      if (problem) throw eligibilityError(problem);
      if (returnReasons[input.reason].photosRequired && input.photoIds.length === 0) {
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.photoIds', rule: 'required_for_reason', message: validationMessages.returnPhotosRequired.en }] });
      }
      await this.media.assertOwned(trx, buyerMediaOwner(userId), input.photoIds, 'body.photoIds');

      const held = await repo.heldUnits(trx, order.lines.map((l) => l.orderLineId));
      const availability = order.lines.map((l) => ({ orderLineId: l.orderLineId, bought: l.quantity, taken: held.get(l.orderLineId) ?? 0 }));
      const problems = checkQuantities(input.lines, availability);
      if (problems.length > 0) throw quantityError(problems, input.lines);
      for (const line of input.lines) {
        const bought = order.lines.find((l) => l.orderLineId === line.orderLineId)?.quantity ?? 0;
        // The guard against a concurrent request for the same units: the check above gives the message, this the certainty.
        if (!(await repo.holdUnits(trx, { orderLineId: line.orderLineId, bought, quantity: line.quantity }))) {
          throw quantityError([{ orderLineId: line.orderLineId, asked: line.quantity, left: 0, rule: 'too_many' }], input.lines);
        }
      }
      const before = await repo.fixedBefore(trx, { orderId, exceptReturnId: id });
      const amounts = refundAmounts({ orderLines: order.lines, orderQuotaFen: order.quotaFen, before: before.units, freightBeforeFen: before.freightFen, returned: input.lines });
      const number = returnNumber(chinaDate(now));
      await repo.insertReturn(trx, { id, number, orderId, buyerUserId: userId, reason: input.reason, description: input.description, photoIds: input.photoIds, amounts, lines: amounts.lines, now: at });
      const units = input.lines.reduce((n, l) => n + l.quantity, 0);
      const reason = returnReasons[input.reason];
      await appendOrderEvent(trx, { orderId, status: 'return_requested', at, note: bilingualNote(`申请退货 ${number}：${units} 件，${reason.zh}`, `Return ${number} requested: ${units} item(s), ${reason.en}`) });
    });
    return this.one({ buyerUserId: userId }, id);
  }

  async buyerReturns(caller: Caller | null, stage?: ReturnStage): Promise<Return[]> {
    const { userId } = requireRole(caller, 'buyer');
    return this.list({ buyerUserId: userId }, { stage });
  }

  async buyerReturn(caller: Caller | null, id: string): Promise<Return> {
    const { userId } = requireRole(caller, 'buyer');
    return this.one({ buyerUserId: userId }, id);
  }

  /** The parcel going back: carrier and tracking number (correctable while in transit). */
  async shipBack(caller: Caller | null, id: string, input: { carrier: string; trackingNumber: string }): Promise<Return> {
    const { userId } = requireRole(caller, 'buyer');
    const scope = { buyerUserId: userId };
    await this.step(scope, id, 'ship_back', async (trx, found, at) => {
      const moved = await repo.moveReturn(trx, { id, from: returnStatesLeftBy('ship_back'), to: 'return_shipped', now: at, set: { carrier: input.carrier, tracking_number: input.trackingNumber, shipped_at: at } });
      if (!moved) return false;
      await appendOrderEvent(trx, {
        orderId: found.orderId,
        status: 'return_shipped',
        at,
        note: bilingualNote(`退货 ${found.number} 已寄回：${input.carrier} ${input.trackingNumber}`, `Return ${found.number} sent back: ${input.carrier} ${input.trackingNumber}`),
      });
      return true;
    });
    return this.one(scope, id);
  }

  /**
   * Who sees a buyer's return photo: the buyer who uploaded it, and, once it is part of a return, the
   * order's exporter and the operators of its pavilion (admins too). Nobody else, not even another buyer.
   */
  async mayViewPhoto(caller: Caller, mediaId: string, owner: string): Promise<boolean> {
    if (!owner.startsWith(BUYER_OWNER_PREFIX)) return false;
    const buyerUserId = owner.slice(BUYER_OWNER_PREFIX.length);
    if (caller.userId === buyerUserId) return true;
    const scopes: repo.ReturnScope[] = [];
    const exporterId = caller.grants.find((g) => g.role === 'exporter_member' && g.exporterId)?.exporterId;
    if (exporterId) scopes.push({ exporterId });
    if (caller.grants.some((g) => g.role === 'operator' || g.role === 'admin')) scopes.push({ pavilionIds: operatorScope(caller) });
    for (const scope of scopes) {
      if (await repo.returnShowsPhoto(this.db, scope, { buyerUserId, mediaId })) return true;
    }
    return false;
  }

  // ---- Exporters and operators ----

  /** The scope a staff caller acts in: exporters their orders' returns, operators their pavilions' (admins all). */
  staffScope(caller: Caller | null, side: StaffSide): { scope: repo.ReturnScope; userId: string } {
    if (side === 'exporter') {
      const member = requireRole(caller, 'exporter_member');
      return { scope: { exporterId: exporterScope(member) }, userId: member.userId };
    }
    const staff = requireRole(caller, 'operator', 'admin');
    return { scope: { pavilionIds: operatorScope(staff) }, userId: staff.userId };
  }

  /** The after-sale queue; `late` keeps the late returns (true) or the others (false). */
  async staffReturns(caller: Caller | null, side: StaffSide, filter: { stage?: ReturnStage; late?: boolean } = {}): Promise<Return[]> {
    return this.list(this.staffScope(caller, side).scope, filter);
  }

  async approve(caller: Caller | null, side: StaffSide, id: string, note: string): Promise<Return> {
    const { scope, userId } = this.staffScope(caller, side);
    await this.step(scope, id, 'approve', async (trx, found, at) => {
      if (!(await repo.moveReturn(trx, { id, from: returnStatesLeftBy('approve'), to: 'approved', now: at, set: { decision_note: note, decided_by: userId, decided_at: at } }))) return false;
      await appendOrderEvent(trx, {
        orderId: found.orderId,
        status: 'return_approved',
        at,
        note: bilingualNote(`退货 ${found.number} 已同意，请寄回商品并填写快递单号`, `Return ${found.number} approved: send the goods back and enter the tracking number`),
      });
      return true;
    });
    return this.one(scope, id);
  }

  /** Refused with a reason the buyer sees; the units are free for another request. */
  async refuse(caller: Caller | null, side: StaffSide, id: string, reason: string): Promise<Return> {
    const { scope, userId } = this.staffScope(caller, side);
    await this.step(scope, id, 'refuse', async (trx, found, at) => {
      if (!(await repo.moveReturn(trx, { id, from: returnStatesLeftBy('refuse'), to: 'refused', now: at, set: { decision_note: reason, decided_by: userId, decided_at: at } }))) return false;
      for (const line of found.lines) await repo.releaseUnits(trx, { orderLineId: line.orderLineId, quantity: line.quantity });
      await appendOrderEvent(trx, { orderId: found.orderId, status: 'return_refused', at, note: bilingualNote(`退货 ${found.number} 未获同意：${reason}`, `Return ${found.number} refused: ${reason}`) });
      return true;
    });
    return this.one(scope, id);
  }

  /**
   * The goods are back (the refund-return workflow's first step, in its transaction): received, and
   * the amounts fixed: freight only if the whole order is now back; after the 45th day from release
   * no tax back and no allowance back (see refundAmounts). The order's timeline says so. NOT_FOUND
   * outside the scope, RETURN_WRONG_STATE when the return is not waiting for its goods.
   */
  async markReceived(trx: Trx, scope: repo.ReturnScope, id: string, input: { userId: string; note: string; at: string }): Promise<{ orderId: string; number: string; refundFen: number; quotaFen: number }> {
    const { note, at } = input;
    let fixed: { orderId: string; number: string; refundFen: number; quotaFen: number } | null = null;
    await this.stepIn(trx, scope, id, 'receive', async (found) => {
      if (!(await repo.moveReturn(trx, { id, from: returnStatesLeftBy('receive'), to: 'received', now: at, set: { received_by: input.userId, received_at: at } }))) return false;
      const order = await repo.findOrderForReturn(trx, found.orderId);
      if (!order) throw new Error(`order ${found.orderId} of return ${found.number} is missing`);
      const before = await repo.fixedBefore(trx, { orderId: found.orderId, exceptReturnId: id });
      const late = order.releasedAt !== null && isLateArrival(order.releasedAt, new Date(at));
      const amounts = refundAmounts({ orderLines: order.lines, orderQuotaFen: order.quotaFen, before: before.units, freightBeforeFen: before.freightFen, returned: found.lines, late });
      await repo.fixAmounts(trx, id, amounts, amounts.lines);
      const received = note ? `（${note}）` : '';
      const lateZh = late ? `；逾期运抵（应于 ${arriveBy(order.releasedAt ?? at)} 前），税款不予退还，年度额度不予恢复` : '';
      const lateEn = late ? `; arrived late (due by ${arriveBy(order.releasedAt ?? at)}): the tax is not refunded and the yearly allowance not restored` : '';
      await appendOrderEvent(trx, {
        orderId: found.orderId,
        status: 'return_received',
        at,
        note: bilingualNote(`退货 ${found.number} 已签收${received}${lateZh}，退款 ${yuan(amounts.refundFen)} 处理中`, `Return ${found.number} received${note ? ` (${note})` : ''}${lateEn}; refund of ${yuan(amounts.refundFen)} under way`),
      });
      fixed = { orderId: found.orderId, number: found.number, refundFen: amounts.refundFen, quotaFen: amounts.quotaFen };
      return true;
    });
    if (!fixed) throw new Error(`return ${id} was not received`);
    return fixed;
  }

  /**
   * The return's refund went through (or there was nothing to send): refunded, once, with the line
   * on the order's timeline. Answers the order and whether every unit of it is now back and
   * refunded; null when the return was refunded already or is unknown.
   */
  async markRefunded(trx: Trx, returnId: string, at: string): Promise<{ orderId: string; wholeOrderBack: boolean } | null> {
    const [found] = await repo.findReturns(trx, { pavilionIds: 'all' }, { id: returnId });
    if (!found) return null;
    if (!(await repo.moveReturn(trx, { id: found.id, from: returnStatesLeftBy('refund'), to: 'refunded', now: at, set: { refunded_at: at } }))) return null;
    const [fixed] = await repo.findReturns(trx, { pavilionIds: 'all' }, { id: found.id });
    await appendOrderEvent(trx, {
      orderId: found.orderId,
      status: 'return_refunded',
      at,
      note: !isLateReceipt(fixed ?? found)
        ? bilingualNote(`退货 ${found.number} 已退款 ${yuan(fixed?.refundFen ?? found.refundFen)}（含税款）`, `Return ${found.number} refunded: ${yuan(fixed?.refundFen ?? found.refundFen)} (tax included)`)
        : bilingualNote(`退货 ${found.number} 已退款 ${yuan(fixed?.refundFen ?? found.refundFen)}（不含税款）`, `Return ${found.number} refunded: ${yuan(fixed?.refundFen ?? found.refundFen)} (tax not refunded)`),
    });
    const order = await repo.findOrderForReturn(trx, found.orderId);
    if (!order) return null;
    const refunded = await repo.refundedUnits(trx, found.orderId);
    return { orderId: found.orderId, wholeOrderBack: order.lines.every((l) => (refunded.get(l.orderLineId) ?? 0) >= l.quantity) };
  }

  /** The return's refund did not go through: the timeline says so (operators see the payment anomaly and settle it). */
  async markRefundFailed(trx: Trx, returnId: string, at: string): Promise<void> {
    const [found] = await repo.findReturns(trx, { pavilionIds: 'all' }, { id: returnId });
    if (!found) return;
    await appendOrderEvent(trx, {
      orderId: found.orderId,
      status: 'return_refund_failed',
      at,
      note: bilingualNote(`退货 ${found.number} 退款未成功，平台将人工处理`, `Return ${found.number}: the refund did not go through; the platform will settle it`),
    });
  }

  /** A return as the staff side sees it, after a step (NOT_FOUND outside the scope). */
  async staffReturn(scope: repo.ReturnScope, id: string): Promise<Return> {
    return this.one(scope, id);
  }

  // ---- Shared ----

  /**
   * One step of a return in its own transaction: NOT_FOUND outside the scope, RETURN_WRONG_STATE
   * when the step does not apply (checked by the state table first, then by the conditional update
   * the step makes, which settles a race).
   */
  private async step(scope: repo.ReturnScope, id: string, action: ReturnAction, run: (trx: Trx, found: repo.ReturnRecord, at: string) => Promise<boolean>): Promise<void> {
    const at = this.clock().toISOString();
    await this.db.transaction().execute((trx) => this.stepIn(trx, scope, id, action, (found) => run(trx, found, at)));
  }

  /** The same, inside the caller's transaction (a workflow's). */
  private async stepIn(trx: Trx, scope: repo.ReturnScope, id: string, action: ReturnAction, run: (found: repo.ReturnRecord) => Promise<boolean>): Promise<void> {
    const [found] = await repo.findReturns(trx, scope, { id });
    if (!found) throw notFound();
    if (!nextReturnStatus(found.status, action) || !(await run(found))) {
      const [now] = await repo.findReturns(trx, scope, { id });
      throw wrongState(now?.status ?? found.status);
    }
  }

  private async list(scope: repo.ReturnScope, filter: { stage?: ReturnStage | undefined; late?: boolean | undefined }): Promise<Return[]> {
    const views = await this.views(await repo.findReturns(this.db, scope));
    return views.filter((v) => (!filter.stage || v.stage === filter.stage) && (filter.late === undefined || v.late === filter.late));
  }

  private async one(scope: repo.ReturnScope, id: string): Promise<Return> {
    const [found] = await this.views(await repo.findReturns(this.db, scope, { id }));
    if (!found) throw notFound();
    return found;
  }

  private async views(records: repo.ReturnRecord[]): Promise<Return[]> {
    const refunds = await refundStatesOfReturns(this.db, records.map((r) => r.id));
    const photos = await findImages(this.db, [...new Set(records.flatMap((r) => r.photoIds))]);
    const now = this.clock();
    return records.map((r) => toView(r, refunds.get(r.id) ?? null, photos, now));
  }
}

/** Received after the 45th day from release: a late return (no tax back, no allowance back). */
const isLateReceipt = (r: repo.ReturnRecord): boolean => r.releasedAt !== null && r.receivedAt !== null && isLateArrival(r.releasedAt, new Date(r.receivedAt));

/** The media owner of a buyer's uploads: private (see isPrivateOwner), shown through mayViewPhoto. */
export const buyerMediaOwner = (userId: string): string => `${BUYER_OWNER_PREFIX}${userId}`;

function toView(r: repo.ReturnRecord, refund: RefundState | null, photos: StoredMedia[], now: Date): Return {
  const stage = returnStage(r.status, refund);
  const stageSince = sinceOf(stage, r);
  return {
    id: r.id,
    number: r.number,
    order: { id: r.orderId, number: r.orderNumber, exporter: r.exporter },
    status: r.status,
    stage,
    reason: r.reason,
    description: r.description,
    photos: r.photoIds.flatMap((id) => photos.filter((p) => p.id === id)),
    lines: r.lines.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, titleZh: l.titleZh, titleEn: l.titleEn, quantity: l.quantity, goodsFen: l.goodsFen, taxFen: l.taxFen })),
    goodsFen: r.goodsFen,
    taxFen: r.taxFen,
    freightFen: r.freightFen,
    refundFen: r.refundFen,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt,
    carrier: r.carrier,
    trackingNumber: r.trackingNumber,
    arriveBy: r.releasedAt ? arriveBy(r.releasedAt) : '',
    late: r.status !== 'refused' && r.releasedAt !== null && isLateArrival(r.releasedAt, r.receivedAt ? new Date(r.receivedAt) : now),
    requestedAt: r.requestedAt,
    shippedAt: r.shippedAt,
    receivedAt: r.receivedAt,
    refundedAt: r.refundedAt,
    stageSince,
    ageHours: hoursBetween(stageSince, now),
  };
}

function sinceOf(stage: ReturnStage, r: repo.ReturnRecord): string {
  switch (stage) {
    case 'approved':
    case 'refused':
      return r.decidedAt ?? r.requestedAt;
    case 'in_transit':
      return r.shippedAt ?? r.requestedAt;
    case 'received':
    case 'refunding':
    case 'refund_failed':
      return r.receivedAt ?? r.requestedAt;
    case 'refunded':
      return r.refundedAt ?? r.requestedAt;
    default:
      return r.requestedAt;
  }
}

function wrongState(status: ReturnStatus): AppError {
  return new AppError('RETURN_WRONG_STATE', { details: { status } });
}

function eligibilityError(p: EligibilityProblem): AppError {
  if (p.problem === 'not_returnable') {
    return new AppError('RETURN_NOT_ELIGIBLE', { details: { status: p.status } });
  }
  if (p.problem === 'not_released') {
    return new AppError('RETURN_NOT_ELIGIBLE', {
      details: { customsStatus: 'not_released' },
      messages: { en: 'Customs has not released this order yet, so it cannot be returned.', zh: '该订单尚未海关放行，暂不能申请退货。' },
    });
  }
  if (p.rule === 'no_reason_7_days') {
    return new AppError('RETURN_WINDOW_CLOSED', {
      details: { lastDay: p.lastDay, rule: p.rule },
      messages: {
        en: `The 7-day return without a reason ended on ${p.lastDay}; a return for another reason is still possible.`,
        zh: `七天无理由退货已于 ${p.lastDay} 截止，仍可因其他原因申请退货。`,
      },
    });
  }
  return new AppError('RETURN_WINDOW_CLOSED', {
    details: { lastDay: p.lastDay, rule: p.rule },
    messages: { en: `Returns had to be asked for within 30 days of customs release, by ${p.lastDay}.`, zh: `退货须在海关放行之日起 30 日内申请，截止日为 ${p.lastDay}。` },
  });
}

function quantityError(problems: ReturnType<typeof checkQuantities>, asked: ReturnRequestInput['lines']): AppError {
  const index = (orderLineId: string) => asked.findIndex((a) => a.orderLineId === orderLineId);
  const badInput = problems.filter((p) => p.rule !== 'too_many');
  if (badInput.length > 0) {
    return new AppError('VALIDATION_FAILED', {
      details: badInput.map((p) => ({
        field: `body.lines.${index(p.orderLineId)}.orderLineId`,
        rule: p.rule,
        message: p.rule === 'not_in_order' ? 'is not a line of this order' : 'is listed twice',
      })),
    });
  }
  return new AppError('RETURN_QUANTITY_EXCEEDED', {
    details: problems.map((p) => ({ field: `body.lines.${index(p.orderLineId)}.quantity`, rule: p.rule, orderLineId: p.orderLineId, asked: p.asked, left: p.left })),
  });
}
