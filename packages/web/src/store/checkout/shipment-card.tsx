import type { ReactNode } from 'react';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Quote, TaxParts } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { formatMoney, formatYuan } from '../components/money-text.ts';

export type ShipmentQuote = Quote['shipments'][number];
type QuoteLine = ShipmentQuote['lines'][number];

/** One row of amounts: label on the left, yuan on the right. */
export function AmountRow({ label, fen, testId, strong = false }: { label: ReactNode; fen: number; testId?: string; strong?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: strong ? 15 : 14, margin: '4px 0', fontWeight: strong ? 600 : 400 }}>
      <span style={{ color: strong ? 'var(--adm-color-text)' : 'var(--adm-color-text-secondary)' }}>{label}</span>
      <span data-testid={testId} data-fen={fen} style={{ color: strong ? 'var(--adm-color-danger)' : 'var(--adm-color-text)' }}>
        {formatYuan(fen)}
      </span>
    </div>
  );
}

/** The tax split as customs assesses it: tariff (0 within the CBEC limits), consumption tax, import VAT. */
export function TaxPartRows({ parts, testId }: { parts: TaxParts | null; testId: string }) {
  const { t } = useTranslation();
  if (parts === null) return null;
  const rows = [
    ['tariff', parts.tariffFen],
    ['consumptionTax', parts.consumptionTaxFen],
    ['vat', parts.vatFen],
  ] as const;
  return (
    <div data-testid={testId} style={{ paddingLeft: 12, fontSize: 12 }}>
      {rows.map(([key, fen]) => (
        <div key={key} style={{ display: 'flex', justifyContent: 'space-between', margin: '2px 0', color: 'var(--adm-color-weak)' }}>
          <span>{t(`store.checkout.taxParts.${key}`)}</span>
          <span data-testid={`${testId}-${key}`} data-fen={fen}>{formatYuan(fen)}</span>
        </div>
      ))}
    </div>
  );
}

/** A title with its options: 木尔坦蓝陶马克杯（2只装） · 钴蓝 */
export function LineTitle({ line }: { line: Pick<QuoteLine, 'titleZh' | 'titleEn' | 'optionValues'> }) {
  const { locale } = useLocale();
  return (
    <>
      <div className="pv-clamp-2" style={{ fontSize: 14, lineHeight: '20px' }}>
        {pick(locale, line.titleZh || line.titleEn, line.titleEn || line.titleZh)}
      </div>
      {line.optionValues.length > 0 && <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{line.optionValues.join(' · ')}</div>}
    </>
  );
}

/** The lines of an order or a shipment, with quantity and unit price in yuan (the exporter's own price beside it). */
export function QuoteLines({ lines }: { lines: readonly QuoteLine[] }) {
  return (
    <div>
      {lines.map((line) => (
        <div key={line.variantId} data-testid="quote-line" style={{ display: 'flex', gap: 8, padding: '6px 0', borderBottom: '1px dashed var(--adm-color-border)' }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <LineTitle line={line} />
            <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>
              {formatYuan(line.unitFen)} × {line.quantity}
              {line.unitPriceOrigin.currency !== 'CNY' && ` (${formatMoney(line.unitPriceOrigin)})`}
            </div>
          </div>
          <div style={{ fontSize: 14, whiteSpace: 'nowrap' }}>{formatYuan(line.goodsFen)}</div>
        </div>
      ))}
    </div>
  );
}

/** Which rate turned the exporter's prices into yuan: orders keep it, so the buyer sees the one used. */
export function RateNote({ rate }: { rate: ShipmentQuote['exchangeRate'] }) {
  const { t } = useTranslation();
  if (rate === null || rate.currency === 'CNY') return null;
  return (
    <p data-testid="shipment-rate" title={rate.source} style={{ margin: '6px 0 0', fontSize: 12, color: 'var(--adm-color-weak)' }}>
      {t('store.checkout.rateNote', { currency: rate.currency, rate: rate.rate, date: rate.effectiveDate })}
    </p>
  );
}

/** A shipment: the exporter, where it ships from and how it clears customs, its lines and its landed cost. */
export function ShipmentCard({ shipment, index }: { shipment: ShipmentQuote; index: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { exporter, warehouse } = shipment;
  return (
    <section
      data-testid="shipment"
      data-exporter-id={exporter.id}
      data-customs-mode={shipment.customsMode}
      style={{ background: 'var(--adm-color-background)', borderRadius: 8, padding: 12, marginBottom: 12 }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <h2 style={{ fontSize: 15, margin: 0 }} data-testid="shipment-exporter">
          {t('store.checkout.shipment', { index: index + 1 })} · {pick(locale, exporter.nameZh || exporter.nameEn, exporter.nameEn || exporter.nameZh)}
        </h2>
        <Tag color={shipment.customsMode === '1210' ? 'success' : 'primary'} fill="outline" data-testid="shipment-mode">
          {t(`store.customsMode.${shipment.customsMode}`)}
        </Tag>
      </div>
      <div style={{ fontSize: 12, color: 'var(--adm-color-weak)', margin: '4px 0 8px' }}>
        {t(`store.checkout.warehouse.${warehouse.kind}`, { name: warehouse.name, city: warehouse.city })}
      </div>
      <QuoteLines lines={shipment.lines} />
      <div style={{ marginTop: 6 }}>
        <AmountRow label={t('store.checkout.goods')} fen={shipment.goodsFen} testId="shipment-goods" />
        <AmountRow label={t('store.checkout.freight')} fen={shipment.freightFen} testId="shipment-freight" />
        <AmountRow label={t('store.checkout.tax')} fen={shipment.taxFen} testId="shipment-tax" />
        <TaxPartRows parts={shipment.taxParts} testId="shipment-tax-parts" />
        <AmountRow label={t('store.checkout.shipmentTotal')} fen={shipment.totalFen} testId="shipment-total" strong />
      </div>
      <RateNote rate={shipment.exchangeRate} />
      {shipment.notice !== null && (
        <p role="note" data-testid="shipment-notice" data-regime={shipment.regime} style={{ margin: '8px 0 0', padding: '8px 10px', borderRadius: 6, fontSize: 13, background: '#fff7e6', color: '#ad4e00' }}>
          {shipment.notice}
        </p>
      )}
    </section>
  );
}
