import type { InquiryStatus, TradeSide } from '@pavilion/contracts';

/**
 * An inquiry's thread: open until the exporter answers with an offer (quoted), closed by either
 * side when the talk is over. Either party may close because either may walk away; a closed
 * thread takes no more messages, so a closing is final.
 */
export type InquiryEvent = 'quote' | 'close';
const transitions: Record<InquiryStatus, Partial<Record<InquiryEvent, { to: InquiryStatus; by: readonly TradeSide[] }>>> = {
  open: { quote: { to: 'quoted', by: ['exporter'] }, close: { to: 'closed', by: ['company', 'exporter'] } },
  quoted: { close: { to: 'closed', by: ['company', 'exporter'] } },
  closed: {},
};

/** The status an event leads to, or null when it does not apply (or not for this side). */
export function nextInquiryStatus(from: InquiryStatus, event: InquiryEvent, side: TradeSide): InquiryStatus | null {
  const t = transitions[from][event];
  return t && t.by.includes(side) ? t.to : null;
}

/** The statuses an event may start from (for the conditional update that moves it). */
export const inquiryStatusesFrom = (event: InquiryEvent, side: TradeSide): InquiryStatus[] =>
  (Object.keys(transitions) as InquiryStatus[]).filter((s) => nextInquiryStatus(s, event, side) !== null);

export const acceptsMessages = (status: InquiryStatus): boolean => status !== 'closed';

/** Slow answers lose buyers: an inquiry counts as answered in time when the first answer came within 48 hours. */
export const RESPONSE_WINDOW_SECONDS = 48 * 3600;

export interface InquiryTiming {
  createdAt: string;
  /** The exporter's first message after the inquiry, if any. */
  firstResponseAt: string | null;
}

export const secondsBetween = (from: string, to: string): number => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));

/**
 * The response figures of a set of inquiries at an instant. The rate counts only inquiries that are
 * "due" (answered, or older than the window): one that arrived an hour ago and is unanswered has not
 * failed yet. The median is of the answered ones' first-response times; with an even count it is
 * the mean of the middle two, rounded down to the second.
 */
export function responseFigures(inquiries: readonly InquiryTiming[], now: Date) {
  const nowIso = now.toISOString();
  const times: number[] = [];
  let due = 0;
  let answeredInTime = 0;
  for (const q of inquiries) {
    if (q.firstResponseAt) {
      const s = secondsBetween(q.createdAt, q.firstResponseAt);
      times.push(s);
      due += 1;
      if (s <= RESPONSE_WINDOW_SECONDS) answeredInTime += 1;
    } else if (secondsBetween(q.createdAt, nowIso) > RESPONSE_WINDOW_SECONDS) {
      due += 1;
    }
  }
  return {
    inquiries: inquiries.length,
    answered: times.length,
    due,
    answeredInTime,
    responseRateBp: due === 0 ? null : Math.floor((answeredInTime * 10_000) / due),
    medianResponseSeconds: median(times),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? null;
  return Math.floor(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}
