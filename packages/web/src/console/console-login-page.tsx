import { useCallback, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { endpoints, passwordLoginRequestSchema } from '@pavilion/contracts';
import { type PasswordLoginRequest, api } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import { returnPath } from '../shared/navigation.ts';
import { useFormSubmit } from '../shared/use-form-submit.ts';
import { ConsoleLanguageSwitch } from './console-layout.tsx';

type LoginValues = { email: string; password: string };
type ConsoleLoginPageProps = {
  title: string;
  submitLabel: string;
  homePath: string;
  /** Below the form: the exporter console's way in for a company without an account. */
  footer?: ReactNode;
};

/** Email and password sign-in, shared by the exporter and operator consoles. */
export function ConsoleLoginPage({ title, submitLabel, homePath, footer }: ConsoleLoginPageProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const invalidate = useInvalidate();
  const signIn = useCallback(
    async (request: PasswordLoginRequest) => {
      await api(endpoints.auth.login, { body: request });
      // The account read before signing in (401, or another account's) is not the one now signed in.
      await invalidate(endpoints.auth.getMe);
      void navigate(returnPath(location.state, homePath), { replace: true });
    },
    [navigate, location.state, homePath, invalidate],
  );
  const form = useFormSubmit(passwordLoginRequestSchema, signIn);
  const status = (field: keyof LoginValues) => (form.fieldErrors[field] === undefined ? undefined : 'error');
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '10vh 16px', background: token.colorBgLayout }}>
      <Card
        style={{ width: '100%', maxWidth: 400 }}
        title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}
        extra={<ConsoleLanguageSwitch />}
      >
        <Form<LoginValues>
          layout="vertical"
          // The contract's schema checks the fields (its messages shown below them), not the browser.
          noValidate
          initialValues={{ email: '', password: '' }}
          onFinish={(values) => void form.submit({ ...values, session: 'cookie' })}
          onValuesChange={form.reset}
          requiredMark={false}
          disabled={form.busy}
        >
          {form.failure !== null && (
            <Alert type="error" showIcon title={errorText(form.failure, locale)} style={{ marginBottom: 16 }} role="alert" />
          )}
          <Form.Item
            label={t('common.fields.email')}
            name="email"
            validateStatus={status('email')}
            help={form.fieldErrors.email}
          >
            <Input name="email" type="email" autoComplete="username" inputMode="email" />
          </Form.Item>
          <Form.Item
            label={t('common.fields.password')}
            name="password"
            validateStatus={status('password')}
            help={form.fieldErrors.password}
          >
            <Input.Password name="password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={form.busy}>
            {submitLabel}
          </Button>
        </Form>
        {footer}
      </Card>
    </Flex>
  );
}
