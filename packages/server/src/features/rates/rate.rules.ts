/**
 * How old a rate is, and when operators hear of it. Customs values foreign currency at the PBOC
 * central parity of the third Wednesday of the previous month (Bank of China mid rate for currencies
 * without one), so operators enter a new rate every month; one left for weeks quietly prices the
 * catalog and the customs declarations at an old rate.
 */
const DAY_MS = 86_400_000;

/** Whole days from a rate's effective date to today, both China dates ("2026-10-21" → "2026-12-07": 47). */
export function rateAgeDays(effectiveDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${effectiveDate}T00:00:00Z`)) / DAY_MS);
}

/** A rate in force is stale when it is older than the configured age (RATE_MAX_AGE_DAYS). */
export const isStaleRate = (effectiveDate: string, today: string, maxAgeDays: number): boolean => rateAgeDays(effectiveDate, today) > maxAgeDays;
