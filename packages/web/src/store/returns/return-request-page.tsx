import { useCallback, useState, type ChangeEvent } from 'react';
import { Button, Checkbox, List, Selector, Stepper, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { endpoints, returnReasonCodes, returnReasons, returnRequestInputSchema, type Returnable, type ReturnReason, type ReturnRequestInput } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { useFormSubmit } from '../../shared/use-form-submit.ts';
import { Panel } from '../components/section.tsx';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { FieldError, StoreNote, StorePage } from '../store-ui.tsx';
import { returnFailureText } from './return-failure.ts';
import type { ReturnPhoto } from './returns-api.ts';
import { api, uploadTo } from '../../api/client.ts';

/** `/orders/:id/return`: which lines and how many, why, what happened, photos; sent as one request. */
export function ReturnRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const returnable = useEndpoint(endpoints.store.getOrderReturnable, { params: { id } });
  return (
    <StorePage title={t('store.returns.requestTitle')} backTo={`/orders/${id}`}>
      <SignedInContent loaded={returnable}>{(data) => <ReturnRequestForm returnable={data} />}</SignedInContent>
    </StorePage>
  );
}

function ReturnRequestForm({ returnable }: { returnable: Returnable }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState<ReturnReason | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<ReturnPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const action = useCallback(
    async (body: ReturnRequestInput) => {
      const created = await api(endpoints.store.requestReturn, { params: { id: returnable.orderId }, body });
      Toast.show({ content: t('store.returns.requested') });
      void navigate(`/returns/${created.id}`, { replace: true });
    },
    [returnable.orderId, navigate, t],
  );
  const form = useFormSubmit(returnRequestInputSchema, action);

  if (returnable.problem !== null) {
    return (
      <Panel testId="return-not-possible">
        <StoreNote tone="danger">
          {returnable.problem === 'RETURN_WINDOW_CLOSED' ? t('store.returns.windowClosed', { day: returnable.lastDay ?? '' }) : t('store.returns.notEligible')}
        </StoreNote>
      </Panel>
    );
  }

  const onPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploading(true);
    try {
      const photo = await uploadTo(endpoints.store.uploadReturnPhoto, file);
      setPhotos((current) => (current.some((p) => p.id === photo.id) ? current : [...current, photo]));
    } catch (error) {
      Toast.show({ content: returnFailureText(error, locale) });
    } finally {
      setUploading(false);
    }
  };

  const lines = returnable.lines.filter((l) => l.left > 0);
  const submit = () => {
    setReasonMissing(reason === null);
    if (reason === null) return;
    void form.submit({
      lines: Object.entries(quantities)
        .filter(([, quantity]) => quantity > 0)
        .map(([orderLineId, quantity]) => ({ orderLineId, quantity })),
      reason,
      description,
      photoIds: photos.map((p) => p.id),
    });
  };

  return (
    <div data-testid="return-request-form">
      <Panel title={t('store.returns.whichItems')}>
        <List style={{ '--border-top': 'none', '--border-bottom': 'none' }}>
          {lines.map((line) => {
            const quantity = quantities[line.orderLineId] ?? 0;
            return (
              <List.Item
                key={line.orderLineId}
                data-testid="return-line"
                data-line-id={line.orderLineId}
                prefix={
                  <Checkbox
                    checked={quantity > 0}
                    data-testid="return-line-check"
                    onChange={(checked) => setQuantities((q) => ({ ...q, [line.orderLineId]: checked ? Math.max(1, quantity) : 0 }))}
                  />
                }
                description={t('store.returns.left', { count: line.left })}
                extra={
                  <Stepper
                    min={0}
                    max={line.left}
                    value={quantity}
                    data-testid="return-line-quantity"
                    onChange={(value) => setQuantities((q) => ({ ...q, [line.orderLineId]: value }))}
                  />
                }
              >
                {pick(locale, line.titleZh || line.titleEn, line.titleEn || line.titleZh)}
              </List.Item>
            );
          })}
        </List>
        {lines.length === 0 && <StoreNote tone="info">{t('store.returns.nothingLeft')}</StoreNote>}
        <FieldError message={form.fieldErrors.lines} id="return-lines-error" />
      </Panel>
      <Panel title={t('store.returns.reason')}>
        <Selector<ReturnReason>
          columns={2}
          data-testid="return-reason"
          value={reason === null ? [] : [reason]}
          onChange={(values) => {
            setReason(values[0] ?? null);
            setReasonMissing(false);
          }}
          options={returnReasonCodes.map((code) => ({ value: code, label: pick(locale, returnReasons[code].zh, returnReasons[code].en) }))}
        />
        {reason === 'no_longer_wanted' && returnable.noReasonLastDay !== null && <StoreNote tone="info">{t('store.returns.noReasonUntil', { day: returnable.noReasonLastDay })}</StoreNote>}
        {returnable.lastDay !== null && <StoreNote tone="info">{t('store.returns.askUntil', { day: returnable.lastDay })}</StoreNote>}
        {returnable.arriveBy !== null && (
          <StoreNote tone="info">
            <span data-testid="return-arrive-by">{t('store.returns.arriveBy', { day: returnable.arriveBy })} {t('store.returns.arriveByRule')}</span>
          </StoreNote>
        )}
        <FieldError message={form.fieldErrors.reason ?? (reasonMissing ? t('store.returns.reasonRequired') : undefined)} id="return-reason-error" />
      </Panel>
      <Panel title={t('store.returns.description')}>
        <TextArea
          data-testid="return-description"
          placeholder={t('store.returns.descriptionPlaceholder')}
          value={description}
          onChange={setDescription}
          maxLength={1000}
          rows={3}
          showCount
        />
        <FieldError message={form.fieldErrors.description} id="return-description-error" />
      </Panel>
      <Panel title={t('store.returns.photos')}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="return-photos">
          {photos.map((photo) => (
            <img key={photo.id} src={photo.urls.thumb} alt="" width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} data-testid="return-photo" />
          ))}
          {photos.length < 9 && (
            <label style={{ width: 72, height: 72, border: '1px dashed var(--adm-color-border)', borderRadius: 6, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 12, cursor: 'pointer' }}>
              {uploading ? t('store.returns.uploading') : t('store.returns.addPhoto')}
              <input type="file" accept="image/jpeg,image/png,image/webp" hidden data-testid="return-photo-input" onChange={(event) => void onPhoto(event)} />
            </label>
          )}
        </div>
        {reason !== null && returnReasons[reason].photosRequired && <StoreNote tone="info">{t('store.returns.photosRequired')}</StoreNote>}
        <FieldError message={form.fieldErrors.photoIds} id="return-photos-error" />
      </Panel>
      {form.failure !== null && Object.keys(form.fieldErrors).length === 0 && <StoreNote tone="danger">{returnFailureText(form.failure, locale)}</StoreNote>}
      <div style={{ padding: '8px 12px 24px' }}>
        <Button block color="primary" loading={form.busy} disabled={uploading} onClick={submit} data-testid="return-submit">
          {t('store.returns.submit')}
        </Button>
      </div>
    </div>
  );
}
