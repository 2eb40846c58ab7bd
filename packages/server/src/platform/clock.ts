/** The time source: a strategy so tests can move past a code's expiry without sleeping. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
