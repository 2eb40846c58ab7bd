import { useCallback, useMemo } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, exporterApplicationUpdateSchema, type ExporterApplication, type ExporterApplicationUpdate } from '@pavilion/contracts';
import { CategorySelect } from '../../console/category-select.tsx';
import type { CategoryTree } from '../../console/console-api.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useFieldLabel } from '../../console/field-label.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { countryName } from '../../shared/localized.ts';
import { api } from '../../api/client.ts';

type TextField =
  | 'legalName' | 'tradingNameEn' | 'tradingNameZh' | 'city' | 'address' | 'contactName' | 'contactEmail' | 'contactPhone'
  | 'registrationNumber' | 'gaccRegistrationNumber' | 'manufacturerName' | 'manufacturerAddress' | 'storyEn' | 'storyZh';
type ApplicationValues = Record<TextField, string> & { country: ExporterApplication['country']; categories: string[] };

function valuesOf(application: ExporterApplication): ApplicationValues {
  // Absent optional fields read as empty inputs ("" is sent back as null where the contract allows it).
  const text = (value: string | null) => value ?? '';
  return {
    legalName: application.legalName,
    tradingNameEn: application.tradingNameEn,
    tradingNameZh: application.tradingNameZh,
    city: application.city,
    address: text(application.address),
    contactName: text(application.contactName),
    contactEmail: text(application.contactEmail),
    contactPhone: text(application.contactPhone),
    registrationNumber: text(application.registrationNumber),
    gaccRegistrationNumber: text(application.gaccRegistrationNumber),
    manufacturerName: text(application.manufacturerName),
    manufacturerAddress: text(application.manufacturerAddress),
    storyEn: application.storyEn,
    storyZh: application.storyZh,
    country: application.country,
    categories: application.categories.map((category) => category.id),
  };
}

/** Only what changed and may change: an approved exporter sending an unchanged locked field is fine, but pointless. */
function changesOf(application: ExporterApplication, values: ApplicationValues) {
  const before = valuesOf(application);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof ApplicationValues)[]) {
    if (application.lockedFields.includes(key)) continue;
    if (JSON.stringify(values[key]) !== JSON.stringify(before[key])) body[key] = values[key];
  }
  return { body, issues: [] };
}

type ApplicationFormProps = { application: ExporterApplication; tree: CategoryTree | null; onSaved: (application: ExporterApplication) => void };

/** The application's fields; those the status locks are read-only. A rejected application saved goes back to review. */
export function ApplicationForm({ application, tree, onSaved }: ApplicationFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const fieldLabel = useFieldLabel();
  const [form] = Form.useForm<ApplicationValues>();
  const initialValues = useMemo(() => valuesOf(application), [application]);
  const toBody = useCallback((values: ApplicationValues) => changesOf(application, values), [application]);
  const save = useCallback(
    async (body: ExporterApplicationUpdate) => {
      onSaved(await api(endpoints.exporter.setApplication, { body }));
      void message.success(t('exporter.application.saved'));
    },
    [onSaved, message, t],
  );
  const submitter = useConsoleForm({ form, schema: exporterApplicationUpdateSchema, action: save, toBody });
  const locked = (field: string) => application.lockedFields.includes(field);
  const text = (field: TextField, options: { area?: boolean; required?: boolean } = {}) => (
    <Form.Item name={field} label={t(`exporter.application.fields.${field}`)} required={options.required ?? false} tooltip={locked(field) ? t('exporter.application.locked') : undefined}>
      {options.area === true ? <Input.TextArea name={field} rows={3} disabled={locked(field)} /> : <Input name={field} disabled={locked(field)} />}
    </Form.Item>
  );
  return (
    <Card title={t('exporter.application.formTitle')} data-testid="application-form">
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} label={fieldLabel} />
      <Form<ApplicationValues>
        form={form}
        layout="vertical"
        noValidate
        initialValues={initialValues}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
        disabled={submitter.busy}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>{text('legalName', { required: true })}</Col>
          <Col xs={24} md={12}>{text('registrationNumber', { required: true })}</Col>
          <Col xs={24} md={12}>{text('tradingNameEn', { required: true })}</Col>
          <Col xs={24} md={12}>{text('tradingNameZh', { required: true })}</Col>
          <Col xs={24} md={12}>
            <Form.Item name="country" label={t('exporter.application.fields.country')} required tooltip={locked('country') ? t('exporter.application.locked') : undefined}>
              <Select
                disabled={locked('country')}
                options={application.pavilion.countries.map((code) => ({ value: code, label: countryName(code, locale) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>{text('city', { required: true })}</Col>
          <Col span={24}>{text('address', { area: true, required: true })}</Col>
          <Col xs={24} md={8}>{text('contactName', { required: true })}</Col>
          <Col xs={24} md={8}>{text('contactEmail', { required: true })}</Col>
          <Col xs={24} md={8}>{text('contactPhone', { required: true })}</Col>
          <Col span={24}>
            <Form.Item name="categories" label={t('exporter.application.fields.categories')} required tooltip={locked('categories') ? t('exporter.application.locked') : undefined}>
              <CategorySelect tree={tree} multiple disabled={locked('categories')} testId="application-categories" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>{text('gaccRegistrationNumber', { required: application.requiresGacc })}</Col>
          <Col xs={24} md={8}>{text('manufacturerName', { required: application.requiresGacc })}</Col>
          <Col xs={24} md={8}>{text('manufacturerAddress', { required: application.requiresGacc })}</Col>
          <Col xs={24} md={12}>{text('storyEn', { area: true })}</Col>
          <Col xs={24} md={12}>{text('storyZh', { area: true })}</Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="save-application">
          {application.status === 'rejected' ? t('exporter.application.resubmit') : t('exporter.application.save')}
        </Button>
      </Form>
    </Card>
  );
}
