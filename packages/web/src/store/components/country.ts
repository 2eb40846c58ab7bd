import type { CountryCode, Locale } from '@pavilion/contracts';
import { countryName } from '../../shared/localized.ts';

/**
 * The country as cards and pages label it: its name from the contracts' table. (Flag emoji were
 * tried: phones draw them, but desktop Windows shows two letters and fontless systems show boxes.)
 */
export function countryLabel(code: CountryCode, locale: Locale): string {
  return countryName(code, locale);
}
