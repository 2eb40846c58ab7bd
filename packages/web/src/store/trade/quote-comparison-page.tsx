import { useState } from 'react';
import { Button, Dialog, Selector, Stepper, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { endpoints, incotermNames, tradeUnits } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { formatMoney, formatYuan } from '../components/money-text.ts';
import { Panel } from '../components/section.tsx';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StoreNote, StorePage } from '../store-ui.tsx';
import { rfqStatusColor } from './rfqs-page.tsx';
import type { QuoteComparison, Rfq } from './trade-api.ts';
import { api } from '../../api/client.ts';

/** `/trade/rfqs/:id`: the quotes side by side, in yuan per unit at the chosen quantity and today's rate, cheapest first; accept one. */
export function QuoteComparisonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const rfq = useEndpoint(endpoints.trade.getRfq, { params: { id } });
  return (
    <StorePage title={t('store.trade.compareTitle')} backTo="/trade/rfqs">
      <SignedInContent loaded={rfq}>{(data) => <Comparison key={data.id} rfq={data} onChanged={rfq.reload} />}</SignedInContent>
    </StorePage>
  );
}

function Comparison({ rfq, onChanged }: { rfq: Rfq; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [quantity, setQuantity] = useState(rfq.quantity);
  const table = useEndpoint(endpoints.trade.getRfqQuotes, { params: { id: rfq.id }, query: { quantity } });
  const [failure, setFailure] = useState<unknown>(null);
  const navigate = useNavigate();
  // A sample order at the quote's sample price, or the bulk order at the quantity compared above.
  const [kind, setKind] = useState<'sample' | 'bulk'>('bulk');
  const [sampleQuantity, setSampleQuantity] = useState(1);
  const accept = async (item: QuoteComparison['items'][number]) => {
    const name = pick(locale, item.exporter.tradingNameZh, item.exporter.tradingNameEn);
    if (!(await Dialog.confirm({ content: t('store.trade.confirmAccept', { exporter: name }) }))) return;
    setFailure(null);
    try {
      await api(endpoints.trade.acceptRfqQuote, { params: { id: rfq.id, quoteId: item.id }, body: { kind, quantity: kind === 'sample' ? sampleQuantity : quantity } });
      onChanged();
      void navigate('/trade/orders');
    } catch (error) {
      setFailure(error);
    }
  };
  const acceptable = rfq.status === 'open' || rfq.status === 'closed_deadline';
  return (
    <>
      <Panel title={pick(locale, rfq.descriptionZh || rfq.descriptionEn, rfq.descriptionEn || rfq.descriptionZh)} testId="rfq-summary">
        <p style={{ margin: 0, fontSize: 13, color: 'var(--adm-color-weak)' }}>
          <Tag color={rfqStatusColor[rfq.status]}>{t(`store.trade.rfqStatus.${rfq.status}`)}</Tag> {rfq.incoterm} {incotermNames[rfq.incoterm][lang]} · {rfq.destinationPort} ·{' '}
          {t('store.trade.deadlineAt', { at: formatDateTime(rfq.deadline) })} · {t('store.trade.quotesCount', { quotes: rfq.quotes, matched: rfq.matchedExporters })}
        </p>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 12 }}>
          <span>{t('store.trade.compareAt')}</span>
          <Stepper min={1} digits={0} value={quantity} onChange={setQuantity} data-testid="compare-quantity" />
          <span>{tradeUnits[rfq.unit][lang]}</span>
        </div>
        {acceptable && (
          <div style={{ marginTop: 12 }} data-testid="accept-form">
            <Selector
              columns={2}
              value={[kind]}
              data-testid="accept-kind"
              options={[{ label: t('store.trade.orderKind.bulk'), value: 'bulk' }, { label: t('store.trade.orderKind.sample'), value: 'sample' }]}
              onChange={(values) => setKind(values[0] === 'sample' ? 'sample' : 'bulk')}
            />
            {kind === 'sample' && (
              <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 8 }}>
                <span>{t('store.trade.sampleQuantity')}</span>
                <Stepper min={1} digits={0} value={sampleQuantity} onChange={setSampleQuantity} data-testid="accept-quantity" />
              </div>
            )}
          </div>
        )}
      </Panel>
      {failure !== null && <StoreNote tone="danger">{errorText(failure, locale)}</StoreNote>}
      <SignedInContent loaded={table}>
        {(data) =>
          data.items.length === 0 ? (
            <p style={{ textAlign: 'center', color: 'var(--adm-color-weak)' }}>{t('store.trade.noQuotes')}</p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <table className="pv-table" data-testid="quote-comparison" style={{ minWidth: 600 }}>
                <thead>
                  <tr>
                    <th>{t('store.trade.exporter')}</th>
                    <th>{t('store.trade.unitPriceYuan')}</th>
                    <th>{t('store.trade.totalYuan')}</th>
                    <th style={{ minWidth: 180 }}>{t('store.trade.terms')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id} data-testid="quote-row" data-status={item.status}>
                      <td>
                        {pick(locale, item.exporter.tradingNameZh, item.exporter.tradingNameEn)}
                        <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{t('store.trade.revision', { revision: item.revision })}</div>
                        <div style={{ marginTop: 4 }}>
                          {item.status === 'accepted' && <Tag color="success">{t('store.trade.quoteStatus.accepted')}</Tag>}
                          {item.status === 'not_chosen' && <Tag>{t('store.trade.quoteStatus.not_chosen')}</Tag>}
                          {item.status === 'submitted' && acceptable && (
                            <Button size="mini" color="primary" disabled={!item.valid} onClick={() => void accept(item)} data-testid="accept-quote">
                              {item.valid ? t('store.trade.accept') : t('store.trade.expired')}
                            </Button>
                          )}
                        </div>
                      </td>
                      <td data-testid="quote-unit-fen">
                        {item.unitFen !== null ? <strong>{formatYuan(item.unitFen)}</strong> : <span>{t(`store.trade.notQuotable.${item.notQuotable ?? 'below_first_tier'}`)}</span>}
                        {item.unitPriceMinor !== null && item.currency !== 'CNY' && (
                          <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{formatMoney({ amount: item.unitPriceMinor, currency: item.currency })}</div>
                        )}
                      </td>
                      <td>{item.totalFen !== null ? formatYuan(item.totalFen) : '—'}</td>
                      <td style={{ fontSize: 12, minWidth: 180 }}>
                        {item.incoterm} {item.port} · {t('store.trade.leadTimeDays', { days: item.leadTimeDays })}
                        <br />
                        {[item.ttDepositPercent !== null ? t('store.trade.ttDeposit', { percent: item.ttDepositPercent }) : null, item.letterOfCredit ? 'L/C' : null].filter(Boolean).join(' · ')}
                        <br />
                        {item.sampleAvailable ? t('store.trade.samplesYes') : t('store.trade.samplesNo')} · {t('store.trade.validUntil', { date: item.validUntil })}
                        {item.notes && <div style={{ whiteSpace: 'pre-wrap' }}>{item.notes}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{t('store.trade.rateNote', { date: data.rateDate })}</p>
            </div>
          )
        }
      </SignedInContent>
    </>
  );
}
