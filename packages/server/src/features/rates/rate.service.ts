import type { z } from 'zod';
import { currencyCodes, formatRate, parseRate, type CurrencyCode, type exchangeRateInputSchema, type exchangeRateOverviewSchema, type RatesInForce } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { isAdmin, operatorScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { chinaDate } from '../../platform/clock.ts';
import { raiseStaleRateAlert, resolveRateAlert, type RateInForce } from './rate-alerts.ts';
import { isStaleRate, rateAgeDays } from './rate.rules.ts';

export type { RateInForce };

type RateRow = { id: string; currency: CurrencyCode; rate_micro: number; effective_date: string; source: string; created_at: string };
const toRate = (r: RateRow) => ({
  id: r.id,
  currency: r.currency,
  rate: formatRate(r.rate_micro),
  rateMicro: r.rate_micro,
  effectiveDate: r.effective_date,
  source: r.source,
  createdAt: r.created_at,
});

/**
 * Exchange rates to CNY, entered by operators with an effective date and a source (customs values
 * foreign currency at the PBOC central parity of the third Wednesday of the previous month). The
 * rate in force on a day is the latest one effective on or before it. A currency without one makes
 * its products unavailable and raises an operator alert; nothing is guessed.
 */
/**
 * The currencies exporters price in (the catalog knows: app.ts hands its query in), for an
 * operator's pavilions or all, approved exporters only or not.
 */
export type PricedCurrencies = (filter: { pavilionIds: readonly string[] | 'all'; approvedOnly?: boolean }) => Promise<Set<CurrencyCode>>;

export class RateService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly pricedCurrencies: PricedCurrencies;
  private readonly onRatesChanged: (rates: RateService) => Promise<void>;
  private readonly maxAgeDays: number;

  /**
   * `pricedCurrencies` tells which currencies are in use; `onRatesChanged` runs after a rate is added, given this service (the catalog recomputes its yuan prices with the rates now in force);
   * `maxAgeDays` is RATE_MAX_AGE_DAYS, the age beyond which a rate in use raises an alert.
   */
  constructor(options: { db: Db; clock: Clock; pricedCurrencies: PricedCurrencies; onRatesChanged?: (rates: RateService) => Promise<void>; maxAgeDays?: number }) {
    this.db = options.db;
    this.pricedCurrencies = options.pricedCurrencies;
    this.clock = options.clock;
    this.onRatesChanged = options.onRatesChanged ?? (async () => {});
    this.maxAgeDays = options.maxAgeDays ?? 7;
  }

  today(): string {
    return chinaDate(this.clock());
  }

  /** The rate in force for each currency on a day (CNY is 1:1 and never listed). */
  async ratesInForce(db: Db | Trx = this.db, day = this.today()): Promise<Map<CurrencyCode, RateInForce>> {
    const rows = await db
      .selectFrom('exchange_rates as r')
      .select(['r.currency', 'r.rate_micro', 'r.effective_date', 'r.source'])
      .where('r.effective_date', '<=', day)
      .where(({ eb, selectFrom }) =>
        eb('r.effective_date', '=', selectFrom('exchange_rates as l').select((e) => e.fn.max('l.effective_date').as('d')).whereRef('l.currency', '=', 'r.currency').where('l.effective_date', '<=', day)),
      )
      .execute();
    const map = new Map<CurrencyCode, RateInForce>();
    for (const r of rows) {
      map.set(r.currency, { currency: r.currency, rateMicro: r.rate_micro, effectiveDate: r.effective_date, source: r.source });
    }
    map.set('CNY', { currency: 'CNY', rateMicro: 1_000_000, effectiveDate: '1970-01-01', source: 'identity' });
    return map;
  }

  /** Today's rates, for anyone: the storefront and the consoles convert with them. */
  async publicRatesInForce(): Promise<RatesInForce> {
    const day = this.today();
    const inForce = await this.ratesInForce(this.db, day);
    return {
      date: day,
      items: [...inForce.values()]
        .filter((r) => r.currency !== 'CNY')
        .sort((a, b) => a.currency.localeCompare(b.currency))
        .map((r) => ({ currency: r.currency, rate: formatRate(r.rateMicro), rateMicro: r.rateMicro, effectiveDate: r.effectiveDate, source: r.source })),
    };
  }

  /**
   * Enters a rate. An operator sets the rates of the currencies their own pavilions' exporters price
   * in (a rate moves every price in that currency, across pavilions); an admin sets any.
   */
  async addRate(caller: Caller | null, input: z.infer<typeof exchangeRateInputSchema>) {
    const signedIn = requireRole(caller, 'operator', 'admin');
    if (!(await this.maySetRate(signedIn, input.currency))) {
      throw new AppError('FORBIDDEN', {
        details: [{ field: 'body.currency', rule: 'not_priced_in_your_pavilions', message: `no exporter of your pavilions prices in ${input.currency}` }],
        messages: {
          en: `You may set the rates of the currencies your pavilions' exporters price in; no exporter of yours prices in ${input.currency}. Ask a platform admin.`,
          zh: `您只能设置本展馆出口商标价所用币种的汇率；您的展馆没有以 ${input.currency} 标价的出口商，请联系平台管理员。`,
        },
      });
    }
    const rateMicro = parseRate(input.rate);
    if (rateMicro === null) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.rate', rule: 'invalid_format', message: 'must be a positive rate' }] });
    const row = await this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('exchange_rates').select('id').where('currency', '=', input.currency).where('effective_date', '=', input.effectiveDate).executeTakeFirst();
      if (exists) throw new AppError('ALREADY_EXISTS', { details: [{ field: 'body.effectiveDate', rule: 'duplicate', message: `a ${input.currency} rate effective ${input.effectiveDate} already exists` }] });
      return trx
        .insertInto('exchange_rates')
        .values({ id: newId(), currency: input.currency, rate_micro: rateMicro, effective_date: input.effectiveDate, source: input.source, created_by: signedIn.userId, created_at: this.clock().toISOString() })
        .returning(['id', 'currency', 'rate_micro', 'effective_date', 'source', 'created_at'])
        .executeTakeFirstOrThrow();
    });
    await this.onRatesChanged(this);
    return toRate(row);
  }

  /**
   * Opens an alert for each currency in use (one approved exporters price in) whose rate in force is
   * older than RATE_MAX_AGE_DAYS, and closes it once a newer rate is in force or nobody prices in
   * the currency any more. The rate keeps being used meanwhile (nothing is guessed), and the
   * storefront keeps showing its date. Runs with the listing prices: at start, after each rate
   * entered and just after each midnight in China.
   */
  async reviewRateAges(): Promise<void> {
    const today = this.today();
    const now = this.clock().toISOString();
    const [inForce, inUse] = await Promise.all([this.ratesInForce(this.db, today), this.pricedCurrencies({ pavilionIds: 'all', approvedOnly: true })]);
    for (const currency of currencyCodes) {
      if (currency === 'CNY') continue;
      const rate = inForce.get(currency);
      if (rate && inUse.has(currency) && isStaleRate(rate.effectiveDate, today, this.maxAgeDays)) {
        await raiseStaleRateAlert(this.db, { rate, ageDays: rateAgeDays(rate.effectiveDate, today), maxAgeDays: this.maxAgeDays, now });
      } else {
        await resolveRateAlert(this.db, 'stale_rate', currency, now);
      }
    }
  }

  /** The currencies a caller may set rates for: every one for an admin, else its pavilions' exporters'. */
  async settableCurrencies(caller: Caller): Promise<CurrencyCode[]> {
    if (isAdmin(caller)) return currencyCodes.filter((c) => c !== 'CNY');
    const priced = await this.pricedCurrencies({ pavilionIds: operatorScope(caller) });
    return currencyCodes.filter((c) => c !== 'CNY' && priced.has(c));
  }

  private async maySetRate(caller: Caller, currency: CurrencyCode): Promise<boolean> {
    return (await this.settableCurrencies(caller)).includes(currency);
  }

  async overview(caller: Caller | null): Promise<z.infer<typeof exchangeRateOverviewSchema>> {
    const signedIn = requireRole(caller, 'operator', 'admin');
    const today = this.today();
    const [inForce, history, alerts, inUse, settableCurrencies] = await Promise.all([
      this.ratesInForce(this.db, today),
      this.db.selectFrom('exchange_rates').select(['id', 'currency', 'rate_micro', 'effective_date', 'source', 'created_at']).orderBy('effective_date', 'desc').orderBy('currency').limit(200).execute(),
      this.db.selectFrom('operator_alerts').selectAll().where('resolved_at', 'is', null).orderBy('created_at', 'desc').execute(),
      this.pricedCurrencies({ pavilionIds: 'all', approvedOnly: true }),
      this.settableCurrencies(signedIn),
    ]);
    const historyByKey = new Map(history.map((h) => [`${h.currency}:${h.effective_date}`, h]));
    return {
      inForce: currencyCodes.filter((c) => c !== 'CNY').map((currency) => {
        const r = inForce.get(currency);
        const row = r ? historyByKey.get(`${currency}:${r.effectiveDate}`) : undefined;
        const ageDays = r ? rateAgeDays(r.effectiveDate, today) : null;
        return { currency, rate: row ? toRate(row) : null, ageDays, stale: r !== undefined && inUse.has(currency) && isStaleRate(r.effectiveDate, today, this.maxAgeDays) };
      }),
      history: history.map(toRate),
      alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, subject: a.subject, messageEn: a.message_en, messageZh: a.message_zh, createdAt: a.created_at })),
      maxAgeDays: this.maxAgeDays,
      settableCurrencies,
    };
  }
}
