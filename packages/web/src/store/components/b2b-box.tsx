import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { priceSchema } from '@pavilion/contracts';
import type { StoreProduct } from '../../api/client.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatMoney, formatYuan, yuanAtRate } from './money-text.ts';
import { Panel } from './section.tsx';

type Price = z.output<typeof priceSchema>;

/**
 * For business buyers: minimum order, quantity tiers in yuan (the selected variant's price from the
 * minimum order up), sample price, lead time and incoterms. Yuan are converted at the page's rate.
 */
export function B2bBox({ product, unitPrice }: { product: StoreProduct; unitPrice: Price }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { moq, samplePriceMinor, leadTimeDays, incoterms } = product.content.b2b;
  const tiers = [{ minQuantity: moq, price: unitPrice }, ...product.b2bTiers.filter((tier) => tier.minQuantity > moq)];
  const rate = product.exchangeRate?.rate ?? null;
  const sample = samplePriceMinor === null ? null : { amount: samplePriceMinor, currency: product.content.currency };
  const hasTerms = moq > 1 || product.b2bTiers.length > 0 || sample !== null || leadTimeDays > 0 || incoterms.length > 0;
  if (!hasTerms) return null;
  const weak = { fontSize: 12, color: 'var(--adm-color-weak)' };
  return (
    <Panel title={t('store.b2b.title')} testId="b2b-box">
      <table className="pv-table">
        <tbody>
          <tr data-testid="b2b-moq">
            <th>{t('store.b2b.moq')}</th>
            <td>{t('store.b2b.moqValue', { quantity: moq })}</td>
          </tr>
          <tr>
            <th>{t('store.b2b.tiers')}</th>
            <td style={{ padding: 0 }}>
              <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                <tbody>
                  {tiers.map((tier) => (
                    <tr key={tier.minQuantity} data-testid="b2b-tier">
                      <td style={{ padding: '8px 4px', whiteSpace: 'nowrap' }}>{t('store.b2b.atLeast', { quantity: tier.minQuantity })}</td>
                      <td style={{ padding: '8px 4px', textAlign: 'right' }}>
                        <PriceText price={tier.price} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </td>
          </tr>
          {sample !== null && (
            <tr data-testid="b2b-sample">
              <th>{t('store.b2b.samplePrice')}</th>
              <td>
                <PriceText price={{ cnyFen: yuanAtRate(sample, rate), origin: sample }} perUnit={false} />
              </td>
            </tr>
          )}
          {leadTimeDays > 0 && (
            <tr>
              <th>{t('store.b2b.leadTime')}</th>
              <td>{t('store.b2b.leadTimeValue', { days: leadTimeDays })}</td>
            </tr>
          )}
          {incoterms.length > 0 && (
            <tr>
              <th>{t('store.b2b.incoterms')}</th>
              <td>{incoterms.join(locale === 'zh-CN' ? '、' : ', ')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p style={{ ...weak, margin: '8px 0 0' }}>{t('store.b2b.note')}</p>
    </Panel>
  );
}

/** "¥130.05/件" with the exporter's price below it; the exporter's price alone when there is no rate. */
function PriceText({ price, perUnit = true }: { price: Price; perUnit?: boolean }) {
  const { t } = useTranslation();
  const yuan = price.cnyFen === null ? null : formatYuan(price.cnyFen);
  return (
    <span>
      {yuan !== null && <strong>{perUnit ? t('store.b2b.perUnit', { price: yuan }) : yuan}</strong>}
      {price.origin.currency !== 'CNY' && (
        <span style={{ display: 'block', fontSize: 12, color: 'var(--adm-color-weak)' }}>{formatMoney(price.origin)}</span>
      )}
    </span>
  );
}
