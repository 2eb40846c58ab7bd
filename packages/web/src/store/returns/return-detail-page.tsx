import { useCallback, useState } from 'react';
import { Button, Input, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { endpoints, returnReasons, returnShipmentInputSchema, type Return, type ReturnStage } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { useFormSubmit } from '../../shared/use-form-submit.ts';
import { AmountRow } from '../checkout/shipment-card.tsx';
import { formatYuan } from '../components/money-text.ts';
import { Panel } from '../components/section.tsx';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { FieldError, StoreNote, StorePage } from '../store-ui.tsx';
import { returnFailureText } from './return-failure.ts';
import { api } from '../../api/client.ts';

const stageColors = {
  requested: 'warning',
  approved: 'primary',
  in_transit: 'primary',
  received: 'primary',
  refunding: 'warning',
  refunded: 'success',
  refused: 'default',
  refund_failed: 'danger',
} as const satisfies Record<ReturnStage, string>;

/** Where a return stands, in words and colour. */
export function ReturnStageTag({ stage }: { stage: ReturnStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={stageColors[stage]} fill="outline" data-testid="return-stage" data-stage={stage}>
      {t(`store.returns.stage.${stage}`)}
    </Tag>
  );
}

/** `/returns/:id`: the return's stage, lines and refund, the decision, and the parcel form once approved. */
export function ReturnDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const loaded = useEndpoint(endpoints.store.getReturn, { params: { id } });
  return (
    <StorePage title={t('store.returns.detailTitle')} backTo="/returns">
      <SignedInContent loaded={loaded}>{(data) => <ReturnDetails ret={data} onChanged={loaded.reload} />}</SignedInContent>
    </StorePage>
  );
}

function ReturnDetails({ ret, onChanged }: { ret: Return; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const reason = returnReasons[ret.reason];
  return (
    <div data-testid="return-detail" data-stage={ret.stage} data-status={ret.status}>
      <Panel>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <strong data-testid="return-number">{ret.number}</strong>
          <ReturnStageTag stage={ret.stage} />
          {ret.late && <Tag color="danger" data-testid="return-late">{t('store.returns.lateTag')}</Tag>}
        </div>
        <div style={{ fontSize: 12, color: 'var(--adm-color-weak)', marginTop: 6 }}>
          {t('store.returns.order')} <Link to={`/orders/${ret.order.id}`}>{ret.order.number}</Link> · {pick(locale, reason.zh, reason.en)}
        </div>
        {ret.description !== '' && <p style={{ fontSize: 13, margin: '8px 0 0' }}>{ret.description}</p>}
        {ret.decisionNote !== '' && (
          <StoreNote tone={ret.status === 'refused' ? 'danger' : 'info'}>
            <span data-testid="return-decision-note">{t(ret.status === 'refused' ? 'store.returns.refusedBecause' : 'store.returns.sellerNote', { note: ret.decisionNote })}</span>
          </StoreNote>
        )}
      </Panel>
      <Panel title={t('store.returns.items')}>
        {ret.lines.map((line) => (
          <div key={line.orderLineId} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 14, margin: '4px 0' }} data-testid="return-detail-line">
            <span>{pick(locale, line.titleZh || line.titleEn, line.titleEn || line.titleZh)}</span>
            <span>× {line.quantity}</span>
          </div>
        ))}
        <AmountRow label={t('store.checkout.goods')} fen={ret.goodsFen} testId="return-goods" />
        <AmountRow label={t('store.checkout.tax')} fen={ret.taxFen} testId="return-tax" />
        <AmountRow label={t('store.checkout.freight')} fen={ret.freightFen} testId="return-freight" />
        <AmountRow label={t('store.returns.refundTotal')} fen={ret.refundFen} testId="return-refund-total" strong />
        {ret.late && ret.receivedAt !== null && <StoreNote tone="danger">{t('store.returns.lateReceived', { day: ret.arriveBy })}</StoreNote>}
        {ret.receivedAt === null && <p style={{ margin: '6px 0 0', fontSize: 12, color: 'var(--adm-color-weak)' }}>{t('store.returns.estimate')}</p>}
      </Panel>
      {(ret.status === 'approved' || ret.status === 'return_shipped') && <ShipmentForm ret={ret} onShipped={onChanged} />}
      <List mode="card" style={{ margin: 0 }}>
        <List.Item extra={formatDateTime(ret.requestedAt)}>{t('store.returns.requestedAt')}</List.Item>
        {ret.shippedAt !== null && <List.Item extra={`${ret.carrier ?? ''} ${ret.trackingNumber ?? ''}`}>{t('store.returns.parcel')}</List.Item>}
        {ret.receivedAt !== null && <List.Item extra={formatDateTime(ret.receivedAt)}>{t('store.returns.receivedAt')}</List.Item>}
        {ret.refundedAt !== null && <List.Item extra={formatDateTime(ret.refundedAt)}>{t('store.returns.refundedAt')}</List.Item>}
      </List>
    </div>
  );
}

function ShipmentForm({ ret, onShipped }: { ret: Return; onShipped: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [carrier, setCarrier] = useState(ret.carrier ?? '');
  const [trackingNumber, setTrackingNumber] = useState(ret.trackingNumber ?? '');
  const action = useCallback(
    async (body: { carrier: string; trackingNumber: string }) => {
      await api(endpoints.store.shipReturn, { params: { id: ret.id }, body });
      Toast.show({ content: t('store.returns.shipped') });
      onShipped();
    },
    [ret.id, onShipped, t],
  );
  const form = useFormSubmit(returnShipmentInputSchema, action);
  return (
    <Panel title={t('store.returns.sendBack')} testId="return-shipment-form">
      {ret.late ? (
        <StoreNote tone="danger">
          <span data-testid="return-late-notice">{t('store.returns.lateBeforeShip', { day: ret.arriveBy, tax: formatYuan(ret.taxFen), refund: formatYuan(ret.refundFen - ret.taxFen) })}</span>
        </StoreNote>
      ) : (
        <StoreNote tone="info">
          {t('store.returns.arriveBy', { day: ret.arriveBy })} {t('store.returns.arriveByRule')}
        </StoreNote>
      )}
      <List style={{ '--border-top': 'none' }}>
        <List.Item title={t('store.returns.carrier')}>
          <Input value={carrier} onChange={setCarrier} maxLength={40} placeholder="顺丰速运 / SF Express" data-testid="return-carrier" aria-describedby="return-carrier-error" />
        </List.Item>
        <FieldError message={form.fieldErrors.carrier} id="return-carrier-error" />
        <List.Item title={t('store.returns.trackingNumber')}>
          <Input value={trackingNumber} onChange={setTrackingNumber} maxLength={40} data-testid="return-tracking" aria-describedby="return-tracking-error" />
        </List.Item>
        <FieldError message={form.fieldErrors.trackingNumber} id="return-tracking-error" />
      </List>
      {form.failure !== null && Object.keys(form.fieldErrors).length === 0 && <StoreNote tone="danger">{returnFailureText(form.failure, locale)}</StoreNote>}
      <Button block color="primary" loading={form.busy} onClick={() => void form.submit({ carrier, trackingNumber })} data-testid="return-ship-submit">
        {ret.status === 'return_shipped' ? t('store.returns.updateParcel') : t('store.returns.submitParcel')}
      </Button>
    </Panel>
  );
}
