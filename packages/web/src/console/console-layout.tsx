import { Button, Flex, Layout, Typography, theme } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useLocale } from '../i18n/face-language.tsx';
import { needsSignIn, returnState } from '../shared/navigation.ts';
import { useMe } from '../shared/use-auth.ts';
import { ConsoleError, ConsoleLoading, SignOutButton } from './console-feedback.tsx';

export function ConsoleLanguageSwitch() {
  const { switchLabel, switchTitle, switchLabelLang, switchLanguage } = useLocale();
  return (
    <Button data-testid="lang-switch" title={switchTitle} onClick={switchLanguage}>
      <span lang={switchLabelLang}>{switchLabel}</span>
    </Button>
  );
}

type ConsoleLayoutProps = { title: string; loginPath: string };

/** The frame of a console: who is signed in, the language switch, sign-out; a 401 goes to log in. */
export function ConsoleLayout({ title, loginPath }: ConsoleLayoutProps) {
  const { token } = theme.useToken();
  const location = useLocation();
  const me = useMe();
  if (me.status === 'failed' && needsSignIn(me.error)) {
    return <Navigate to={loginPath} replace state={returnState(location.pathname)} />;
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          // Wraps onto two lines on a phone instead of scrolling sideways.
          height: 'auto',
          lineHeight: 'normal',
          padding: '12px 24px',
        }}
      >
        <Flex align="center" justify="space-between" gap={12} wrap>
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            Pavilion · {title}
          </Typography.Title>
          <Flex align="center" gap={12} wrap>
            {me.status === 'done' && (
              <Typography.Text strong data-testid="console-user">
                {me.data.displayName}
              </Typography.Text>
            )}
            <ConsoleLanguageSwitch />
            {me.status === 'done' && <SignOutButton loginPath={loginPath} />}
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {me.status === 'loading' && <ConsoleLoading />}
        {me.status === 'failed' && <ConsoleError error={me.error} loginPath={loginPath} onRetry={me.reload} />}
        {me.status === 'done' && <Outlet />}
      </Layout.Content>
    </Layout>
  );
}
