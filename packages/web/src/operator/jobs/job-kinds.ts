import type { Locale } from '@pavilion/contracts';

/**
 * The job kinds the server knows (packages/server/src/background-jobs.ts and catalog.import), each
 * with the key of its description under `operator.jobs.kinds` (kinds hold dots, which i18next
 * reads as nesting). A kind not listed here is shown by its name alone.
 */
export const jobKindKeys = {
  'customs.sweep': 'customsSweep',
  'notifications.deliver': 'notificationsDeliver',
  'payments.send-refunds': 'paymentsSendRefunds',
  'payments.query-pending': 'paymentsQueryPending',
  'orders.expire-unpaid': 'ordersExpireUnpaid',
  'orders.complete-delivered': 'ordersCompleteDelivered',
  'trade.close-rfqs': 'tradeCloseRfqs',
  'trade.notice-deadlines': 'tradeNoticeDeadlines',
  'catalog.refresh-listing-prices': 'catalogRefreshListingPrices',
  'settlement.issue-statements': 'settlementIssueStatements',
  'catalog.import': 'catalogImport',
  'jobs.prune': 'jobsPrune',
} as const satisfies Record<string, string>;

type JobKindText = `operator.jobs.kinds.${(typeof jobKindKeys)[keyof typeof jobKindKeys]}`;

/** The i18next key describing a kind, or null for a kind this page does not know. */
export function jobKindKey(kind: string): JobKindText | null {
  return Object.hasOwn(jobKindKeys, kind) ? `operator.jobs.kinds.${jobKindKeys[kind as keyof typeof jobKindKeys]}` : null;
}

/** A job's time in the reader's language and time zone, to the second ("2026年12月7日 16:05:09", "Dec 7, 2026, 4:05:09 PM"). */
export function formatJobTime(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone === undefined ? {} : { timeZone }) }).format(date);
}
