import { Alert, Button, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import { needsSignIn, returnState } from '../shared/navigation.ts';
import { useSignOut } from '../shared/use-auth.ts';

export function ConsoleLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 64 }} role="status" aria-label={t('common.loading')}>
      <Spin size="large" />
    </Flex>
  );
}

export function SignOutButton({ loginPath }: { loginPath: string }) {
  const { t } = useTranslation();
  const { signOut, signingOut } = useSignOut(loginPath);
  return (
    <Button data-testid="sign-out" loading={signingOut} onClick={() => void signOut()}>
      {t('common.signOut')}
    </Button>
  );
}

type ConsoleErrorProps = { error: unknown; loginPath: string; onRetry?: () => void };

/**
 * A failed load: a 401 goes to the login page; a 403 (signed in with an account of another role)
 * offers to sign out; anything else can be retried. The text is the contract's message for the code.
 */
export function ConsoleError({ error, loginPath, onRetry }: ConsoleErrorProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const location = useLocation();
  if (needsSignIn(error)) return <Navigate to={loginPath} replace state={returnState(location.pathname)} />;
  const forbidden = isApiError(error, 'FORBIDDEN');
  const action = forbidden ? (
    <SignOutButton loginPath={loginPath} />
  ) : (
    onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>
  );
  return (
    <Alert
      type={forbidden ? 'warning' : 'error'}
      showIcon
      data-testid="console-error"
      title={errorText(error, locale)}
      action={action}
      style={{ margin: '24px 0' }}
    />
  );
}
