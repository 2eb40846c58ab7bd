import { useCallback } from 'react';
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { endpoints, invitationAcceptRequestSchema } from '@pavilion/contracts';
import { isApiError, api } from '../../api/client.ts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { FormFailure } from '../../console/form-failure.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { withRuleMessages, type InvitationAccept, type InvitationPreview } from './onboarding-api.ts';
import { PublicCard } from './public-card.tsx';

/** Where an invitation link leads: who invites, then the invitee's name and password make the account. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const preview = useEndpoint(endpoints.auth.getInvitation, { params: { token } });
  return (
    <PublicCard title={t('exporter.invitation.title')} maxWidth={520}>
      {preview.status === 'loading' && <ConsoleLoading />}
      {preview.status === 'failed' &&
        (isApiError(preview.error, 'NOT_FOUND') ? (
          <Alert
            type="warning"
            showIcon
            data-testid="invitation-invalid"
            title={t('exporter.invitation.invalid')}
            description={<Link to={exporterPaths.login}>{t('exporter.invitation.toLogin')}</Link>}
          />
        ) : (
          <ConsoleError error={preview.error} loginPath={exporterPaths.login} onRetry={preview.reload} />
        ))}
      {preview.status === 'done' && <AcceptForm token={token} preview={preview.data} />}
    </PublicCard>
  );
}

type AcceptValues = { displayName: string; password: string };

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [form] = Form.useForm<AcceptValues>();
  const accept = useCallback(
    async (body: InvitationAccept) => {
      try {
        await api(endpoints.auth.acceptInvitation, { params: { token }, body });
      } catch (error) {
        throw withRuleMessages(error, { already_registered: t('exporter.invitation.emailTaken') });
      }
      void navigate(exporterPaths.home, { replace: true });
    },
    [navigate, t, token],
  );
  const submitter = useConsoleForm({
    form,
    schema: invitationAcceptRequestSchema,
    action: accept,
    toBody: (values: AcceptValues) => ({ body: { ...values, session: 'cookie' }, issues: [] }),
  });
  const labels: Partial<Record<string, string>> = t('exporter.apply.fields', { returnObjects: true });
  const exporterName = pick(locale, preview.exporter.tradingNameZh, preview.exporter.tradingNameEn);
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('exporter.invitation.intro', { exporter: exporterName })} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        data-testid="invitation-preview"
        items={[
          { key: 'exporter', label: t('exporter.invitation.exporter'), children: exporterName },
          { key: 'pavilion', label: t('exporter.invitation.pavilion'), children: pick(locale, preview.pavilion.nameZh, preview.pavilion.nameEn) },
          { key: 'email', label: t('exporter.invitation.email'), children: preview.email },
          { key: 'expiresAt', label: t('exporter.invitation.expiresAt'), children: preview.expiresAt.slice(0, 10) },
        ]}
      />
      <Form<AcceptValues>
        form={form}
        layout="vertical"
        noValidate
        data-testid="accept-form"
        initialValues={{ displayName: '', password: '' }}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
        disabled={submitter.busy}
      >
        <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} label={(path) => labels[path] ?? path} />
        <Form.Item name="displayName" label={labels.displayName} required>
          <Input name="displayName" autoComplete="name" />
        </Form.Item>
        <Form.Item name="password" label={labels.password} required extra={t('exporter.apply.passwordHint')}>
          <Input.Password name="password" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitter.busy} data-testid="accept-submit">
          {t('exporter.invitation.submit')}
        </Button>
      </Form>
    </>
  );
}
