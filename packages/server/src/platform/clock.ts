/** The time source: a strategy so tests can move past a code's expiry without sleeping. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** A date as it is in China (UTC+8, no daylight saving): rules about expiry and rates use it. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
