import { useCallback, useMemo } from 'react';
import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endpoints, exporterApplicationRequestSchema, validationMessages, type CountryCode, type ExporterApplicationRequest } from '@pavilion/contracts';
import { type PavilionList, api } from '../../api/client.ts';
import { CategorySelect } from '../../console/category-select.tsx';
import type { CategoryTree } from '../../console/console-api.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import type { FieldIssue } from '../../console/form-errors.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { countryName, pick } from '../../shared/localized.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { withRuleMessages } from './onboarding-api.ts';

type TextField =
  | 'email' | 'password' | 'displayName' | 'legalName' | 'tradingNameEn' | 'tradingNameZh' | 'city' | 'address'
  | 'contactName' | 'contactEmail' | 'contactPhone' | 'registrationNumber' | 'gaccRegistrationNumber' | 'manufacturerName' | 'manufacturerAddress';
type ApplyValues = Record<TextField, string> & { pavilionSlug: string | undefined; country: CountryCode | undefined; categories: string[] };

const gaccFields = ['gaccRegistrationNumber', 'manufacturerName', 'manufacturerAddress'] as const;
const initialValues: ApplyValues = {
  email: '', password: '', displayName: '', legalName: '', tradingNameEn: '', tradingNameZh: '', city: '', address: '',
  contactName: '', contactEmail: '', contactPhone: '', registrationNumber: '', gaccRegistrationNumber: '', manufacturerName: '',
  manufacturerAddress: '', pavilionSlug: undefined, country: undefined, categories: [],
};

/** The ids of food categories: a food root and every child under it (GACC Decree 248 covers them all). */
function foodCategoryIds(tree: CategoryTree | null): Set<string> {
  const ids = new Set<string>();
  for (const root of tree?.items ?? []) {
    if (root.isFood) ids.add(root.id);
    for (const child of root.children) if (root.isFood || child.isFood) ids.add(child.id);
  }
  return ids;
}

/** `categories.2` → `categories`: the select shows every category's message. */
const toFormPath = (path: string) => path.replace(/^categories\.\d+$/, 'categories');

type ApplyFormProps = { pavilions: PavilionList['items']; tree: CategoryTree | null };

/** The application with the applicant's account: created together, signed in, then the console shows it pending. */
export function ApplyForm({ pavilions, tree }: ApplyFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplyValues>();
  const pavilionSlug = Form.useWatch('pavilionSlug', form);
  const categories = Form.useWatch('categories', form) ?? [];
  const food = useMemo(() => foodCategoryIds(tree), [tree]);
  const isFood = categories.some((id) => food.has(id));
  const pavilion = pavilions.find((item) => item.slug === pavilionSlug);

  const toBody = useCallback(
    (values: ApplyValues) => {
      const required = validationMessages.required[locale === 'zh-CN' ? 'zh' : 'en'];
      const issues: FieldIssue[] = [];
      if (values.pavilionSlug === undefined) issues.push({ path: 'pavilionSlug', message: required });
      if (values.country === undefined) issues.push({ path: 'country', message: required });
      const chosenFood = values.categories.some((id) => food.has(id));
      // A food category given up takes its GACC fields with it.
      const gacc = Object.fromEntries(gaccFields.map((field) => [field, chosenFood ? values[field] : null]));
      return { body: { ...values, ...gacc, session: 'cookie' }, issues };
    },
    [food, locale],
  );
  const apply = useCallback(
    async (body: ExporterApplicationRequest) => {
      try {
        await api(endpoints.exporter.createApplication, { body });
      } catch (error) {
        throw withRuleMessages(error, { already_registered: t('exporter.apply.emailTaken') });
      }
      void navigate(exporterPaths.home, { replace: true });
    },
    [navigate, t],
  );
  const submitter = useConsoleForm({ form, schema: exporterApplicationRequestSchema, action: apply, toBody, toFormPath });
  const labels: Partial<Record<string, string>> = {
    ...t('exporter.application.fields', { returnObjects: true }),
    ...t('exporter.apply.fields', { returnObjects: true }),
  };

  const onValuesChange = (changed: Partial<ApplyValues>) => {
    if (changed.pavilionSlug === undefined) return;
    // The country list follows the pavilion; a single-country pavilion chooses it.
    const countries = pavilions.find((item) => item.slug === changed.pavilionSlug)?.countries ?? [];
    const country = form.getFieldValue('country') as CountryCode | undefined;
    if (countries.length === 1) form.setFieldValue('country', countries[0]);
    else if (country !== undefined && !countries.includes(country)) form.setFieldValue('country', undefined);
  };
  const label = (field: string) => labels[field] ?? field;
  const text = (field: TextField, options: { area?: boolean; type?: string; autoComplete?: string } = {}) => (
    // Every field shown is required: the GACC ones show only for food.
    <Form.Item name={field} label={label(field)} required extra={field === 'password' ? t('exporter.apply.passwordHint') : undefined}>
      {options.area === true ? (
        <Input.TextArea name={field} rows={2} />
      ) : field === 'password' ? (
        <Input.Password name={field} autoComplete="new-password" />
      ) : (
        <Input name={field} type={options.type} autoComplete={options.autoComplete} />
      )}
    </Form.Item>
  );
  const section = (title: string) => <Typography.Title level={5} style={{ marginTop: 8 }}>{title}</Typography.Title>;

  return (
    <Form<ApplyValues>
      form={form}
      layout="vertical"
      noValidate
      data-testid="apply-form"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFieldsChange={submitter.onFieldsChange}
      onFinish={() => void submitter.submit()}
      disabled={submitter.busy}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} label={label} />
      {section(t('exporter.apply.sections.pavilion'))}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="pavilionSlug" label={label('pavilionSlug')} required>
            <Select
              data-testid="apply-pavilion"
              options={pavilions.map((item) => ({ value: item.slug, label: pick(locale, item.nameZh, item.nameEn) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="country" label={label('country')} required>
            <Select
              data-testid="apply-country"
              disabled={pavilion === undefined}
              options={(pavilion?.countries ?? []).map((code) => ({ value: code, label: countryName(code, locale) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {section(t('exporter.apply.sections.account'))}
      <Row gutter={16}>
        <Col xs={24} md={8}>{text('email', { type: 'email', autoComplete: 'username' })}</Col>
        <Col xs={24} md={8}>{text('password')}</Col>
        <Col xs={24} md={8}>{text('displayName', { autoComplete: 'name' })}</Col>
      </Row>
      {section(t('exporter.apply.sections.company'))}
      <Row gutter={16}>
        <Col xs={24} md={12}>{text('legalName')}</Col>
        <Col xs={24} md={12}>{text('registrationNumber')}</Col>
        <Col xs={24} md={12}>{text('tradingNameEn')}</Col>
        <Col xs={24} md={12}>{text('tradingNameZh')}</Col>
        <Col xs={24} md={12}>{text('city')}</Col>
        <Col xs={24} md={12}>{text('address')}</Col>
        <Col xs={24} md={8}>{text('contactName')}</Col>
        <Col xs={24} md={8}>{text('contactEmail', { type: 'email' })}</Col>
        <Col xs={24} md={8}>{text('contactPhone', { type: 'tel' })}</Col>
      </Row>
      {section(t('exporter.apply.sections.products'))}
      <Form.Item name="categories" label={label('categories')} required extra={t('exporter.apply.categoriesHint')}>
        <CategorySelect tree={tree} multiple testId="apply-categories" />
      </Form.Item>
      {isFood && (
        <Row gutter={16} data-testid="apply-gacc">
          <Col xs={24} md={8}>{text('gaccRegistrationNumber')}</Col>
          <Col xs={24} md={8}>{text('manufacturerName')}</Col>
          <Col xs={24} md={8}>{text('manufacturerAddress', { area: true })}</Col>
        </Row>
      )}
      <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="apply-submit">
        {t('exporter.apply.submit')}
      </Button>
    </Form>
  );
}
