/**
 * The unified social credit code (统一社会信用代码) every company registered in China carries,
 * GB 32100-2015: 18 characters from a 31-character set (the digits and the capitals without I, O,
 * S, V, Z), the 18th a check character. Shared by the server and the web form so both refuse the
 * same codes.
 */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * GB 32100-2015 §5: the check character of the first 17. Each character's value (its position in
 * the set) is weighted by 3^(i-1) mod 31; the check value is 31 − (sum mod 31), 31 itself written 0.
 * Null when the 17 are not all from the set.
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  let weight = 1;
  for (const char of first17) {
    const value = CREDIT_CODE_CHARS.indexOf(char);
    if (value < 0) return null;
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] ?? null;
}

/**
 * A well-formed code: 18 characters from the set, the 3rd to 8th the registering authority's
 * administrative division code (six digits, GB/T 2260), and the right check character.
 */
export function isUnifiedSocialCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
