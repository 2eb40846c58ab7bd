import { useCallback } from 'react';
import { Button, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, hsRateInputSchema, hsRetailModes, suggestedFoodMark, validationMessages, type HsRate, type HsRateInput } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { formatBp, parsePercent } from '../../console/money.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { api } from '../../api/client.ts';

type HsValues = { hsCode: string; descriptionEn: string; descriptionZh: string; vat: string; consumptionTax: string; tariff: string; retailEligible: boolean; retailModes: HsRate['retailModes']; isFood: boolean };

const percentText = (bp: number) => formatBp(bp).replace('%', '');
/** Rates are typed as percentages and sent as basis points. */
const formPaths: Record<string, string> = { vatRateBp: 'vat', consumptionTaxRateBp: 'consumptionTax', tariffRateBp: 'tariff' };

/** Add an HS code (rate null) or change one's rates. */
export function HsRateModal({ rate, onClose, onSaved }: { rate: HsRate | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<HsValues>();
  const hsCodeMessage = validationMessages.hsCode[locale === 'zh-CN' ? 'zh' : 'en'];
  const toBody = useCallback(
    (values: HsValues) => {
      const vat = parsePercent(values.vat);
      const consumption = parsePercent(values.consumptionTax);
      // The MFN tariff may stay empty (not entered yet): a fully taxed item of the code cannot be sold until it is.
      const tariffText = values.tariff.trim();
      const tariff = tariffText === '' ? null : parsePercent(tariffText);
      const invalid = t('operator.hsRates.percentInvalid');
      const issues = [
        ...(vat === null ? [{ path: 'vat', message: invalid }] : []),
        ...(consumption === null ? [{ path: 'consumptionTax', message: invalid }] : []),
        ...(tariffText !== '' && tariff === null ? [{ path: 'tariff', message: invalid }] : []),
        ...(/^\d{10}$/.test(values.hsCode.trim()) ? [] : [{ path: 'hsCode', message: hsCodeMessage }]),
      ];
      const { hsCode: _code, vat: _vat, consumptionTax: _tax, tariff: _tariff, ...rest } = values;
      return { body: { ...rest, vatRateBp: vat ?? 0, consumptionTaxRateBp: consumption ?? 0, tariffRateBp: tariff }, issues };
    },
    [t, hsCodeMessage],
  );
  const save = useCallback(
    async (body: HsRateInput) => {
      await api(endpoints.operator.updateHsRate, { params: { hsCode: form.getFieldValue('hsCode').trim() }, body });
      onSaved();
    },
    [form, onSaved],
  );
  const submitter = useConsoleForm({ form, schema: hsRateInputSchema, action: save, toBody, toFormPath: (path) => formPaths[path] ?? path });
  const initialValues: HsValues = {
    hsCode: rate?.hsCode ?? '',
    descriptionEn: rate?.descriptionEn ?? '',
    descriptionZh: rate?.descriptionZh ?? '',
    vat: percentText(rate?.vatRateBp ?? 1300),
    consumptionTax: percentText(rate?.consumptionTaxRateBp ?? 0),
    tariff: rate?.tariffRateBp == null ? '' : percentText(rate.tariffRateBp),
    retailEligible: rate?.retailEligible ?? true,
    retailModes: rate?.retailModes ?? 'both',
    // A new code's switch follows the code's default (chapters 01–24, less what is not eaten) until the operator sets it.
    isFood: rate?.isFood ?? false,
  };
  return (
    <Modal
      open
      width={720}
      title={rate === null ? t('operator.hsRates.create') : t('operator.hsRates.editTitle', { code: rate.hsCode })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="save" type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-hs-rate">{t('console.save')}</Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<HsValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFieldsChange={submitter.onFieldsChange}
        onValuesChange={(changed: Partial<HsValues>) => {
          if (rate === null && changed.hsCode !== undefined && !form.isFieldTouched('isFood')) form.setFieldValue('isFood', suggestedFoodMark(changed.hsCode.trim()));
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="hsCode" label={t('console.fields.complianceHsCode')} required>
              <Input name="hsCode" disabled={rate !== null} maxLength={10} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="vat" label={t('operator.hsRates.vat')} required>
              <Input name="vat" suffix="%" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="consumptionTax" label={t('operator.hsRates.consumptionTax')}>
              <Input name="consumptionTax" suffix="%" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="tariff" label={t('operator.hsRates.tariff')} extra={t('operator.hsRates.tariffHelp')}>
              <Input name="tariff" suffix="%" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="descriptionZh" label={t('operator.hsRates.descriptionZh')}>
              <Input name="descriptionZh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="descriptionEn" label={t('operator.hsRates.descriptionEn')}>
              <Input name="descriptionEn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="retailEligible" label={t('operator.hsRates.positiveList')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isFood" label={t('operator.hsRates.food')} valuePropName="checked" extra={t('operator.hsRates.foodHint')}>
              <Switch data-testid="hs-food-switch" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="retailModes" label={t('operator.hsRates.modes')}>
              <Select options={hsRetailModes.map((mode) => ({ value: mode, label: t(`operator.hsRates.modeValues.${mode}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
