import type { Locale, NotificationKind } from '@pavilion/contracts';

/**
 * Who an event may go to: an exporter's team (its members), an importer company's members, one user
 * (a buyer of the store), or the operators of one pavilion. An event names the parties it concerns
 * (notification-event.table.ts); its kind's rule says which of them receive it.
 */
export type AudienceSide = 'exporter' | 'company' | 'user' | 'operators';

/** One audience: its side and the id of the exporter, company, user or pavilion. */
export interface Audience {
  side: AudienceSide;
  id: string;
}

/** The parties an event names, one id per side (null: not this side); `pavilionId` names the pavilion whose operators hear of it. */
export interface EventParties {
  exporterId: string | null;
  companyId: string | null;
  userId: string | null;
  pavilionId: string | null;
}

type Link = (subjectId: string) => string;

interface KindRule {
  /** The sides that receive the kind, of those the event names (a message names only the side that must answer it). */
  to: readonly AudienceSide[];
  /** Where the recipient acts on it, by side (the subject id is the event's subject). */
  link: Partial<Record<AudienceSide, Link>>;
  text: Record<Locale, { title: string; body: string }>;
}

/** A kind's rule; a side it goes to without a link for that side does not compile. */
function rule<S extends AudienceSide>(r: { to: readonly S[]; link: Record<S, Link> & Partial<Record<AudienceSide, Link>>; text: KindRule['text'] }): KindRule {
  return r;
}

const exporterInquiries = () => '/exporter/inquiries';
const exporterRfqs = () => '/exporter/rfqs';
const companyInquiry = (id: string) => `/trade/inquiries/${id}`;
const companyRfqs = () => '/trade/rfqs';
const companyRfq = (id: string) => `/trade/rfqs/${id}`;
const exporterB2bOrders = () => '/exporter/b2b-orders';
const companyB2bOrders = () => '/trade/orders';

/**
 * One line per event kind: who receives it and what it says. A new kind (the retail events, for a
 * buyer or a pavilion's operators) is one more entry; the Record makes a kind without its line fail
 * to compile. A kind that goes to two sides reaches those the event names: a message names the side
 * that must answer it; "deadline near" is written once for the importer and once per exporter that
 * has not quoted.
 */
export const kindRules: Record<NotificationKind, KindRule> = {
  inquiry_created: rule({ to: ['exporter'], link: { exporter: exporterInquiries, company: companyInquiry }, text: { en: { title: 'New inquiry', body: 'An importer in China has sent you an inquiry. Reply within 48 hours to keep your response rate.' }, 'zh-CN': { title: '新询盘', body: '一位中国进口商向您发送了询盘，请在 48 小时内回复。' } } }),
  inquiry_message: rule({ to: ['exporter', 'company'], link: { exporter: exporterInquiries, company: companyInquiry }, text: { en: { title: 'New message', body: 'There is a new message in one of your inquiry threads.' }, 'zh-CN': { title: '新消息', body: '您的询盘有一条新消息。' } } }),
  rfq_matched: rule({ to: ['exporter'], link: { exporter: exporterRfqs, company: companyRfq }, text: { en: { title: 'New request for quotation', body: 'A request for quotation matches your products. Quote before its deadline.' }, 'zh-CN': { title: '新的询价请求', body: '有一条询价请求与您的产品匹配，请在截止前报价。' } } }),
  quote_submitted: rule({ to: ['company'], link: { exporter: exporterRfqs, company: companyRfqs }, text: { en: { title: 'New quote', body: 'An exporter has quoted on your request for quotation.' }, 'zh-CN': { title: '收到新报价', body: '有出口商对您的询价请求报价了。' } } }),
  quote_revised: rule({ to: ['company'], link: { exporter: exporterRfqs, company: companyRfqs }, text: { en: { title: 'Quote revised', body: 'An exporter has revised its quote on your request for quotation.' }, 'zh-CN': { title: '报价已修改', body: '有出口商修改了对您询价请求的报价。' } } }),
  quote_accepted: rule({ to: ['exporter'], link: { exporter: exporterRfqs, company: companyRfqs }, text: { en: { title: 'Quote accepted', body: 'The importer has accepted your quote.' }, 'zh-CN': { title: '报价已被接受', body: '进口商已接受您的报价。' } } }),
  b2b_order_issued: rule({ to: ['exporter'], link: { exporter: exporterB2bOrders, company: companyB2bOrders }, text: { en: { title: 'New B2B order', body: 'An accepted quote became an order: its proforma invoice is issued. Watch for the deposit.' }, 'zh-CN': { title: '新的批量订单', body: '报价已被接受并生成订单，形式发票已开具，请留意定金。' } } }),
  b2b_order_step: rule({ to: ['exporter', 'company'], link: { exporter: exporterB2bOrders, company: companyB2bOrders }, text: { en: { title: 'B2B order updated', body: 'One of your B2B orders moved to its next step.' }, 'zh-CN': { title: '批量订单有更新', body: '您的一笔批量订单已进入下一步。' } } }),
  rfq_deadline_near: rule({ to: ['exporter', 'company'], link: { exporter: exporterRfqs, company: companyRfq }, text: { en: { title: 'Deadline in 24 hours', body: 'A request for quotation closes within 24 hours.' }, 'zh-CN': { title: '询价将在 24 小时内截止', body: '一条询价请求将在 24 小时内截止。' } } }),
};

/** The audiences of an event: each side the kind goes to that the event names. */
export function recipientsOf(event: { kind: NotificationKind } & EventParties): Audience[] {
  return audiencesOf(kindRules[event.kind].to, event);
}

/** Of these sides, those the parties name, in the order of the sides. */
export function audiencesOf(sides: readonly AudienceSide[], parties: EventParties): Audience[] {
  const idOf: Record<AudienceSide, string | null> = { exporter: parties.exporterId, company: parties.companyId, user: parties.userId, operators: parties.pavilionId };
  return sides.flatMap((side) => {
    const id = idOf[side];
    return id ? [{ side, id }] : [];
  });
}

/** The notification's text and link in one recipient's language. */
export function renderNotification(kind: NotificationKind, side: AudienceSide, subjectId: string, locale: Locale): { title: string; body: string; link: string } {
  const r = kindRules[kind];
  const link = r.link[side];
  // rule() makes every side a kind goes to have its link; recipientsOf names no other side.
  if (!link) throw new Error(`notification kind ${kind} has no link for the side ${side}`);
  return { ...r.text[locale], link: link(subjectId) };
}

/** The deterministic Message-ID of one outbox row (RFC 5322 msg-id: id-left "@" id-right). */
export const messageIdFor = (outboxId: string, domain: string): string => `<notification.${outboxId}@${domain}>`;

/** For logs: the first letter of the local part and the domain (a@example.com → a***@example.com). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
