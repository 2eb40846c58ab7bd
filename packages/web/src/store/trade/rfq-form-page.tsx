import { useCallback, useState, type FormEvent } from 'react';
import { Button, Input, List, Selector, Stepper, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endpoints, certificationTypes, incotermNames, incoterms, parseMajor, rfqCreateSchema, tradeUnits, type Incoterm, type TradeUnit } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { useFormSubmit } from '../../shared/use-form-submit.ts';
import { FieldError, StoreNote, StorePage } from '../store-ui.tsx';
import type { RfqCreate } from './trade-api.ts';
import { api } from '../../api/client.ts';

type Certification = (typeof certificationTypes)[number];
const unitKeys = Object.keys(tradeUnits) as TradeUnit[];

/** `/trade/rfqs/new`: post a request for quotation to one pavilion or all; matching exporters are told. */
export function RfqFormPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const pavilions = useEndpoint(endpoints.store.getPavilions, {});
  const categories = useEndpoint(endpoints.store.getCategories, {});
  const [pavilionId, setPavilionId] = useState<string>('all');
  const [categoryId, setCategoryId] = useState<string>('');
  const [descriptionZh, setDescriptionZh] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [quantity, setQuantity] = useState(100);
  const [unit, setUnit] = useState<TradeUnit>('piece');
  const [targetYuan, setTargetYuan] = useState('');
  const [incoterm, setIncoterm] = useState<Incoterm>('CIF');
  const [port, setPort] = useState('');
  const [deadline, setDeadline] = useState('');
  const [certifications, setCertifications] = useState<Certification[]>([]);
  const action = useCallback(
    async (body: RfqCreate) => {
      const created = await api(endpoints.trade.createRfq, { body });
      void navigate(`/trade/rfqs/${created.id}`, { replace: true });
    },
    [navigate],
  );
  const form = useFormSubmit(rfqCreateSchema, action);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: RfqCreate = {
      pavilionId: pavilionId === 'all' ? null : pavilionId,
      descriptionZh,
      descriptionEn,
      categoryId,
      quantity,
      unit,
      targetPrice: targetYuan.trim() === '' ? null : { amount: parseMajor(targetYuan, 'CNY') ?? 0, currency: 'CNY' },
      incoterm,
      destinationPort: port,
      // The picker gives a local date and time; the server wants an instant.
      deadline: deadline === '' ? '' : new Date(deadline).toISOString(),
      certifications,
    };
    void form.submit(body);
  };
  const categoryOptions =
    categories.status === 'done'
      ? categories.data.items.flatMap((root) => root.children.map((child) => ({ value: child.id, label: `${pick(locale, root.nameZh, root.nameEn)} / ${pick(locale, child.nameZh, child.nameEn)}` })))
      : [];
  return (
    <StorePage title={t('store.trade.newRfq')} backTo="/trade/rfqs">
      <form onSubmit={submit} noValidate data-testid="rfq-form">
        <List mode="card" style={{ margin: 0 }}>
          <List.Item title={t('store.trade.pavilion')}>
            <Selector
              columns={2}
              value={[pavilionId]}
              onChange={(values) => values[0] && setPavilionId(values[0])}
              options={[{ value: 'all', label: t('store.trade.allPavilions') }, ...(pavilions.status === 'done' ? pavilions.data.items.map((p) => ({ value: p.id, label: pick(locale, p.nameZh, p.nameEn) })) : [])]}
            />
          </List.Item>
          <List.Item title={t('store.trade.category')}>
            <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)} data-testid="rfq-category" style={{ width: '100%', fontSize: 15, padding: 6 }}>
              <option value="">{t('store.trade.chooseCategory')}</option>
              {categoryOptions.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            </select>
          </List.Item>
          <FieldError id="rfq-category-error" message={form.fieldErrors.categoryId} />
          <List.Item title={t('store.trade.descriptionZh')}>
            <TextArea value={descriptionZh} onChange={setDescriptionZh} rows={3} maxLength={2000} data-testid="rfq-description-zh" />
          </List.Item>
          <FieldError id="rfq-description-error" message={form.fieldErrors.descriptionZh} />
          <List.Item title={t('store.trade.descriptionEn')}>
            <TextArea value={descriptionEn} onChange={setDescriptionEn} rows={3} maxLength={4000} />
          </List.Item>
          <List.Item title={t('store.trade.quantity')}>
            <Stepper min={1} digits={0} value={quantity} onChange={setQuantity} data-testid="rfq-quantity" />
          </List.Item>
          <List.Item title={t('store.trade.unit')}>
            <Selector columns={4} value={[unit]} onChange={(values) => values[0] && setUnit(values[0])} options={unitKeys.map((key) => ({ value: key, label: tradeUnits[key][lang] }))} />
          </List.Item>
          <List.Item title={t('store.trade.targetPrice')}>
            <Input inputMode="decimal" value={targetYuan} onChange={setTargetYuan} placeholder={t('store.trade.targetPricePlaceholder')} />
          </List.Item>
          <FieldError id="rfq-target-error" message={form.fieldErrors.targetPrice} />
          <List.Item title={t('store.trade.incoterm')}>
            <Selector columns={2} value={[incoterm]} onChange={(values) => values[0] && setIncoterm(values[0])} options={incoterms.map((code) => ({ value: code, label: `${code} ${incotermNames[code][lang]}` }))} />
          </List.Item>
          <List.Item title={t('store.trade.destinationPort')}>
            <Input value={port} onChange={setPort} maxLength={80} placeholder={t('store.trade.destinationPortPlaceholder')} data-testid="rfq-port" />
          </List.Item>
          <FieldError id="rfq-port-error" message={form.fieldErrors.destinationPort} />
          <List.Item title={t('store.trade.deadline')}>
            <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="rfq-deadline" style={{ border: 'none', fontSize: 15, background: 'transparent' }} />
          </List.Item>
          <FieldError id="rfq-deadline-error" message={form.fieldErrors.deadline} />
          <List.Item title={t('store.trade.certifications')}>
            <Selector multiple columns={3} value={certifications} onChange={setCertifications} options={certificationTypes.map((c) => ({ value: c, label: t(`store.trade.certificationNames.${c}`) }))} />
          </List.Item>
        </List>
        {form.failure !== null && Object.keys(form.fieldErrors).length === 0 && <StoreNote tone="danger">{errorText(form.failure, locale)}</StoreNote>}
        <Button type="submit" block color="primary" loading={form.busy} data-testid="rfq-submit" style={{ marginTop: 12 }}>
          {t('store.trade.postRfq')}
        </Button>
      </form>
    </StorePage>
  );
}
