import { useCallback, useState, type FormEvent } from 'react';
import { Button, Input, List, Popup, Selector, Stepper, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endpoints, incotermNames, incoterms, inquiryCreateSchema, parseMajor, tradeUnits, type Incoterm, type TradeUnit } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { useAttachments } from '../../shared/use-attachments.ts';
import { useMe } from '../../shared/use-auth.ts';
import { useFormSubmit } from '../../shared/use-form-submit.ts';
import { FieldError, StoreNote } from '../store-ui.tsx';
import { AttachFiles } from './attach-files.tsx';
import { isImporter, type InquiryCreate } from './trade-api.ts';
import { api, uploadTo } from '../../api/client.ts';

const unitKeys = Object.keys(tradeUnits) as TradeUnit[];

/**
 * "询价 / Send inquiry" on a product (or exporter) page: shown only to a signed-in importer's member;
 * the inquiry opens a thread with the exporter, and the buyer lands in it.
 */
export function SendInquiry({ exporterId, productId, minQuantity }: { exporterId: string; productId: string | null; minQuantity: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (me.status !== 'done' || !isImporter(me.data)) return null;
  return (
    <>
      <Button block color="primary" fill="outline" onClick={() => setOpen(true)} data-testid="send-inquiry" style={{ marginTop: 8 }}>
        {t('store.trade.sendInquiry')}
      </Button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} position="bottom" bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '90vh', overflowY: 'auto' }} destroyOnClose>
        <InquiryForm exporterId={exporterId} productId={productId} minQuantity={minQuantity} />
      </Popup>
    </>
  );
}

function InquiryForm({ exporterId, productId, minQuantity }: { exporterId: string; productId: string | null; minQuantity: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [quantity, setQuantity] = useState(Math.max(1, minQuantity));
  const [unit, setUnit] = useState<TradeUnit>('piece');
  const [targetYuan, setTargetYuan] = useState('');
  const [incoterm, setIncoterm] = useState<Incoterm | null>(null);
  const [port, setPort] = useState('');
  const [requiredDate, setRequiredDate] = useState('');
  const [message, setMessage] = useState('');
  const attachments = useAttachments((file) => uploadTo(endpoints.trade.uploadTradeFile, file));
  const action = useCallback(
    async (body: InquiryCreate) => {
      const created = await api(endpoints.trade.createInquiry, { body });
      void navigate(`/trade/inquiries/${created.id}`);
    },
    [navigate],
  );
  const form = useFormSubmit(inquiryCreateSchema, action);
  const targetFen = targetYuan.trim() === '' ? null : parseMajor(targetYuan, 'CNY');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({
      exporterId,
      productId,
      quantity,
      unit,
      // An unreadable amount is sent as 0, which the schema refuses on targetPrice.amount.
      targetPrice: targetYuan.trim() === '' ? null : { amount: targetFen ?? 0, currency: 'CNY' },
      incoterm,
      destinationPort: port,
      requiredDate: requiredDate === '' ? null : requiredDate,
      message,
      attachmentIds: attachments.ids,
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="inquiry-form" style={{ padding: 16 }}>
      <h3 style={{ margin: '0 0 8px' }}>{t('store.trade.sendInquiry')}</h3>
      <List style={{ '--border-top': 'none' }}>
        <List.Item title={t('store.trade.quantity')}>
          <Stepper min={1} digits={0} value={quantity} onChange={(value) => setQuantity(value)} data-testid="inquiry-quantity" />
        </List.Item>
        <FieldError id="inquiry-quantity-error" message={form.fieldErrors.quantity} />
        <List.Item title={t('store.trade.unit')}>
          <Selector columns={4} value={[unit]} onChange={(values) => values[0] && setUnit(values[0])} options={unitKeys.map((key) => ({ value: key, label: tradeUnits[key][lang] }))} />
        </List.Item>
        <List.Item title={t('store.trade.targetPrice')}>
          <Input inputMode="decimal" value={targetYuan} onChange={setTargetYuan} placeholder={t('store.trade.targetPricePlaceholder')} data-testid="inquiry-target" />
        </List.Item>
        <FieldError id="inquiry-target-error" message={form.fieldErrors.targetPrice} />
        <List.Item title={t('store.trade.incoterm')}>
          <Selector
            columns={2}
            value={incoterm ? [incoterm] : []}
            onChange={(values) => setIncoterm(values[0] ?? null)}
            options={incoterms.map((code) => ({ value: code, label: `${code} ${incotermNames[code][lang]}` }))}
          />
        </List.Item>
        <List.Item title={t('store.trade.destinationPort')}>
          <Input value={port} onChange={setPort} maxLength={80} placeholder={t('store.trade.destinationPortPlaceholder')} />
        </List.Item>
        <List.Item title={t('store.trade.requiredDate')}>
          <input type="date" value={requiredDate} onChange={(e) => setRequiredDate(e.target.value)} data-testid="inquiry-required-date" style={{ border: 'none', fontSize: 15, background: 'transparent' }} />
        </List.Item>
        <FieldError id="inquiry-date-error" message={form.fieldErrors.requiredDate} />
        <List.Item title={t('store.trade.message')}>
          <TextArea value={message} onChange={setMessage} rows={4} maxLength={4000} placeholder={t('store.trade.messagePlaceholder')} data-testid="inquiry-message" />
        </List.Item>
        <FieldError id="inquiry-message-error" message={form.fieldErrors.message} />
      </List>
      <AttachFiles attachments={attachments} />
      {form.failure !== null && Object.keys(form.fieldErrors).length === 0 && <StoreNote tone="danger">{errorText(form.failure, locale)}</StoreNote>}
      <Button type="submit" block color="primary" loading={form.busy} disabled={attachments.uploading} data-testid="inquiry-submit" style={{ marginTop: 12 }}>
        {t('store.trade.submit')}
      </Button>
    </form>
  );
}
