import { useCallback } from 'react';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, currencies, exchangeRateInputSchema, type CurrencyCode } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { chinaToday } from '../../console/compliance-facts.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import type { RateInput } from '../operator-api.ts';
import { api } from '../../api/client.ts';

type RateValues = { currency: string; rate: string; effectiveDate: string; source: string };

/**
 * Enter a rate: CNY per one unit of the currency, with the date it takes effect and where it comes
 * from. Only the currencies the caller may set are offered (an operator: those its pavilions'
 * exporters price in; an admin: all).
 */
export function RateForm({ onAdded, currencies: settable }: { onAdded: () => void; currencies: readonly CurrencyCode[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<RateValues>();
  const add = useCallback(
    async (body: RateInput) => {
      await api(endpoints.operator.createRate, { body });
      form.resetFields();
      onAdded();
    },
    [form, onAdded],
  );
  const submitter = useConsoleForm({ form, schema: exchangeRateInputSchema, action: add });
  const foreign = settable;
  if (foreign.length === 0) return null;
  return (
    <Card title={t('operator.rates.add')} size="small" data-testid="rate-form">
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<RateValues>
        form={form}
        layout="vertical"
        initialValues={{ currency: foreign[0] ?? 'USD', rate: '', effectiveDate: chinaToday(), source: '' }}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
      >
        <Row gutter={12} align="bottom">
          <Col xs={24} md={5}>
            <Form.Item name="currency" label={t('operator.rates.currency')}>
              <Select options={foreign.map((code) => ({ value: code, label: `${code} · ${pick(locale, currencies[code].zh, currencies[code].en)}` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="rate" label={t('operator.rates.rate')} tooltip={t('operator.rates.rateHint')}>
              <Input name="rate" inputMode="decimal" placeholder="3.1825" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="effectiveDate" label={t('operator.rates.effectiveDate')}>
              <Input name="effectiveDate" type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item name="source" label={t('operator.rates.source')}>
              <Input name="source" placeholder={t('operator.rates.sourcePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="add-rate">{t('operator.rates.save')}</Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
