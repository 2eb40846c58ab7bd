import type { Locale } from '@pavilion/contracts';

/** "2026年11月22日" / "22 Nov 2026" from an ISO timestamp or date, in the visitor's language. */
export function formatDate(iso: string, locale: Locale): string {
  // A bare date (certificate expiry) is a calendar day: read it at noon UTC so no time zone shifts it.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'zh-CN' ? 'long' : 'short', day: 'numeric' }).format(date);
}

/** Today's calendar date (yyyy-mm-dd) in China, where the buyers are: what an expiry date is compared with. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole seconds as "29:05" (minutes:seconds), for a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
