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

/**
 * Why an operator alert and not a notification: a rate too old is a standing condition of the whole
 * platform, like a missing rate, that lasts until someone enters a rate; an alert opens once per
 * currency, is shown where operators look and act (the console's home and the rates page), and
 * closes by itself when a newer rate is in force. A notification would be per user and per event:
 * sent again every day it stays old, or once and then forgotten, to every operator of every pavilion.
 *
 * Opens the "rate too old" alert for a currency in use, or brings its message up to date (the age
 * grows each day); one open alert per currency, as for a missing rate.
 */
export async function raiseStaleRateAlert(db: Db | Trx, input: { rate: RateInForce; ageDays: number; maxAgeDays: number; now: string }): Promise<void> {
  const { currency, effectiveDate } = input.rate;
  const messages = {
    message_en: `The ${currency} rate in force took effect on ${effectiveDate}, ${input.ageDays} days ago (the limit is ${input.maxAgeDays}): prices and customs values in ${currency} use it until a newer rate is entered.`,
    message_zh: `${currencies[currency].zh}（${currency}）现行汇率的生效日期为 ${effectiveDate}，已 ${input.ageDays} 天（上限 ${input.maxAgeDays} 天）：在录入新汇率之前，以其标价的商品价格和申报价值仍按此汇率计算。`,
  };
  await db
    .insertInto('operator_alerts')
    .values({ id: newId(), kind: 'stale_rate', subject: currency, ...messages, created_at: input.now })
    .onConflict((oc) => oc.columns(['kind', 'subject']).where('resolved_at', 'is', null).doUpdateSet(messages))
    .execute();
}

/** Closes the open alert of a kind for a currency, if any. */
export async function resolveRateAlert(db: Db | Trx, kind: 'missing_rate' | 'stale_rate', currency: CurrencyCode, now: string): Promise<void> {
  await db.updateTable('operator_alerts').set({ resolved_at: now }).where('kind', '=', kind).where('subject', '=', currency).where('resolved_at', 'is', null).execute();
}
