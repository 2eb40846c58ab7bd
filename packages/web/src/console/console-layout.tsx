import { Button, Flex, Layout, Menu, Typography, theme } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { needsSignIn, returnState } from '../shared/navigation.ts';
import { useMe } from '../shared/use-auth.ts';
import { ConsoleError, ConsoleLoading, SignOutButton } from './console-feedback.tsx';
import { NotificationBell } from './notification-bell.tsx';

export function ConsoleLanguageSwitch() {
  const { switchLabel, switchTitle, switchLabelLang, switchLanguage } = useLocale();
  return (
    <Button data-testid="lang-switch" title={switchTitle} onClick={switchLanguage}>
      <span lang={switchLabelLang}>{switchLabel}</span>
    </Button>
  );
}

/** One entry of a console's side menu: the page it opens and the pages under it; `onlyFor` shows it only to accounts with that role. */
export type ConsoleMenuItem = { path: string; label: string; testId: string; onlyFor?: Role };
type ConsoleLayoutProps = { title: string; loginPath: string; menu: readonly ConsoleMenuItem[] };

/** The entry whose path is the longest prefix of the current page (a product editor lights "Products"). */
function selectedEntry(menu: readonly ConsoleMenuItem[], pathname: string): string[] {
  const matches = menu.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best === undefined ? [] : [best.path];
}

/** The frame of a console: its menu, who is signed in, the language switch, sign-out; a 401 goes to log in. */
export function ConsoleLayout({ title, loginPath, menu }: ConsoleLayoutProps) {
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
            {me.status === 'done' && <NotificationBell />}
            <ConsoleLanguageSwitch />
            {me.status === 'done' && <SignOutButton loginPath={loginPath} />}
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout hasSider>
        {me.status === 'done' && (
          <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
            <Menu
              mode="inline"
              data-testid="console-menu"
              selectedKeys={selectedEntry(menu, location.pathname)}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              items={menu.filter((item) => item.onlyFor === undefined || me.data.roles.some((grant) => grant.role === item.onlyFor)).map((item) => ({ key: item.path, label: <Link to={item.path} data-testid={item.testId}>{item.label}</Link> }))}
            />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', minWidth: 0, margin: '0 auto' }}>
          {me.status === 'loading' && <ConsoleLoading />}
          {me.status === 'failed' && <ConsoleError error={me.error} loginPath={loginPath} onRetry={me.reload} />}
          {me.status === 'done' && <Outlet />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
