import type { Locale, NotificationKind } from '@pavilion/contracts';

/** Which party of a trade event receives it: the exporter's members, the importer company's members, or whichever the event names. */
export type Audience = 'exporter' | 'company' | 'named';

interface KindRule {
  to: Audience;
  /** Where the recipient acts on it, by side (the subject id is the event's subject). */
  link: { exporter: (subjectId: string) => string; company: (subjectId: string) => string };
  text: Record<Locale, { title: string; body: string }>;
}

const exporterInquiries = () => '/exporter/inquiries';
const exporterRfqs = () => '/exporter/rfqs';
const companyInquiry = (id: string) => `/trade/inquiries/${id}`;
const companyRfqs = () => '/trade/rfqs';
const companyRfq = (id: string) => `/trade/rfqs/${id}`;
const exporterB2bOrders = () => '/exporter/b2b-orders';
const companyB2bOrders = () => '/trade/orders';

/**
 * One line per event kind: who receives it and what it says. A new kind (the B2B orders' events)
 * is one more entry; the Record makes a kind without its line fail to compile.
 * 'named': the event names one party (a message names the side that must answer; "deadline near"
 * is written once for the importer and once per exporter that has not quoted).
 */
export const kindRules: Record<NotificationKind, KindRule> = {
  inquiry_created: { to: 'exporter', link: { exporter: exporterInquiries, company: companyInquiry }, text: { en: { title: 'New inquiry', body: 'An importer in China has sent you an inquiry. Reply within 48 hours to keep your response rate.' }, 'zh-CN': { title: '新询盘', body: '一位中国进口商向您发送了询盘，请在 48 小时内回复。' } } },
  inquiry_message: { to: 'named', link: { exporter: exporterInquiries, company: companyInquiry }, text: { en: { title: 'New message', body: 'There is a new message in one of your inquiry threads.' }, 'zh-CN': { title: '新消息', body: '您的询盘有一条新消息。' } } },
  rfq_matched: { to: 'exporter', link: { exporter: exporterRfqs, company: companyRfq }, text: { en: { title: 'New request for quotation', body: 'A request for quotation matches your products. Quote before its deadline.' }, 'zh-CN': { title: '新的询价请求', body: '有一条询价请求与您的产品匹配，请在截止前报价。' } } },
  quote_submitted: { to: 'company', link: { exporter: exporterRfqs, company: companyRfqs }, text: { en: { title: 'New quote', body: 'An exporter has quoted on your request for quotation.' }, 'zh-CN': { title: '收到新报价', body: '有出口商对您的询价请求报价了。' } } },
  quote_revised: { to: 'company', link: { exporter: exporterRfqs, company: companyRfqs }, text: { en: { title: 'Quote revised', body: 'An exporter has revised its quote on your request for quotation.' }, 'zh-CN': { title: '报价已修改', body: '有出口商修改了对您询价请求的报价。' } } },
  quote_accepted: { to: 'exporter', link: { exporter: exporterRfqs, company: companyRfqs }, text: { en: { title: 'Quote accepted', body: 'The importer has accepted your quote.' }, 'zh-CN': { title: '报价已被接受', body: '进口商已接受您的报价。' } } },
  b2b_order_issued: { to: 'exporter', link: { exporter: exporterB2bOrders, company: companyB2bOrders }, text: { en: { title: 'New B2B order', body: 'An accepted quote became an order: its proforma invoice is issued. Watch for the deposit.' }, 'zh-CN': { title: '新的批量订单', body: '报价已被接受并生成订单，形式发票已开具，请留意定金。' } } },
  b2b_order_step: { to: 'named', link: { exporter: exporterB2bOrders, company: companyB2bOrders }, text: { en: { title: 'B2B order updated', body: 'One of your B2B orders moved to its next step.' }, 'zh-CN': { title: '批量订单有更新', body: '您的一笔批量订单已进入下一步。' } } },
  rfq_deadline_near: { to: 'named', link: { exporter: exporterRfqs, company: companyRfq }, text: { en: { title: 'Deadline in 24 hours', body: 'A request for quotation closes within 24 hours.' }, 'zh-CN': { title: '询价将在 24 小时内截止', body: '一条询价请求将在 24 小时内截止。' } } },
};

/** The parties an event goes to, from its kind and the parties it names. */
export function recipientsOf(event: { kind: NotificationKind; companyId: string | null; exporterId: string | null }): Array<{ side: 'exporter' | 'company'; id: string }> {
  const to = kindRules[event.kind].to;
  const parties: Array<{ side: 'exporter' | 'company'; id: string }> = [];
  if ((to === 'exporter' || to === 'named') && event.exporterId) parties.push({ side: 'exporter', id: event.exporterId });
  if ((to === 'company' || to === 'named') && event.companyId) parties.push({ side: 'company', id: event.companyId });
  return parties;
}

/** The notification's text and link in one recipient's language. */
export function renderNotification(kind: NotificationKind, side: 'exporter' | 'company', subjectId: string, locale: Locale): { title: string; body: string; link: string } {
  const rule = kindRules[kind];
  return { ...rule.text[locale], link: rule.link[side](subjectId) };
}

/** "Deadline near" is written for RFQs whose deadline is within this much of now. */
export const DEADLINE_NOTICE_MS = 24 * 3_600_000;

/**
 * The email outbox's delivery policy: at least once, with a stable Message-ID per row.
 * A row is claimed (attempt recorded) before the send. A send that failed is retried after
 * RETRY_AFTER_MS; a claim older than MAYBE_SENT_AFTER_MS without an outcome is a crash between
 * sending and marking: "maybe sent", resent with the same Message-ID so receiving systems that
 * dedupe on it show one message. After MAX_ATTEMPTS the row is failed and an operator is alerted
 * through the error log; the in-app notification stays either way.
 */
export const outboxPolicy = { RETRY_AFTER_MS: 60_000, MAYBE_SENT_AFTER_MS: 10 * 60_000, MAX_ATTEMPTS: 5 } as const;

/** The deterministic Message-ID of one outbox row (RFC 5322 msg-id: id-left "@" id-right). */
export const messageIdFor = (outboxId: string, domain: string): string => `<notification.${outboxId}@${domain}>`;

/** For logs: the first letter of the local part and the domain (a@example.com → a***@example.com). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
