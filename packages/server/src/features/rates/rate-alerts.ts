import { currencies, type CurrencyCode } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';

export interface RateInForce {
  currency: CurrencyCode;
  rateMicro: number;
  effectiveDate: string;
  source: string;
}

/** Opens the "no rate in force" alert for a currency, once (an open alert is not repeated). */
export async function raiseMissingRateAlert(db: Db | Trx, currency: CurrencyCode, now: string): Promise<void> {
  await db
    .insertInto('operator_alerts')
    .values({
      id: newId(),
      kind: 'missing_rate',
      subject: currency,
      message_en: `No ${currency} exchange rate is in force: products priced in ${currency} show as unavailable.`,
      message_zh: `${currencies[currency].zh}（${currency}）没有生效汇率：以其标价的商品暂不可购买。`,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['kind', 'subject']).where('resolved_at', 'is', null).doNothing())
    .execute();
}
