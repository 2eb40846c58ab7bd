import { Button, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Locale, RoleGrant } from '@pavilion/contracts';
import type { Me } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { needsSignIn, returnState } from '../shared/navigation.ts';
import { useMe, useSignOut } from '../shared/use-auth.ts';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** The signed-in buyer's account, the ways to orders, cart, addresses and identities, and sign-out. Signed-out visitors are sent to log in. */
export function AccountPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.status === 'failed' && needsSignIn(me.error)) {
    return <Navigate to="/login" replace state={returnState(location.pathname)} />;
  }
  return (
    <StorePage title={t('store.account.title')} backTo="/">
      {me.status === 'loading' && <StoreLoading />}
      {me.status === 'failed' && <StoreError error={me.error} onRetry={me.reload} />}
      {me.status === 'done' && <AccountDetails me={me.data} />}
    </StorePage>
  );
}

function AccountDetails({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { signOut, signingOut } = useSignOut('/');
  const none = t('common.none');
  return (
    <>
      <List mode="card" style={{ margin: 0 }}>
        <List.Item extra={<span data-testid="account-name">{me.displayName}</span>}>{t('store.account.displayName')}</List.Item>
        <List.Item extra={me.phone ?? none}>{t('store.account.phone')}</List.Item>
        <List.Item extra={me.email ?? none}>{t('store.account.email')}</List.Item>
        <List.Item extra={me.wechat ? t('store.account.wechatLinked') : t('store.account.wechatNotLinked')}>
          {t('store.account.wechat')}
        </List.Item>
        <List.Item
          description={me.roles.map((grant, index) => (
            <Tag key={index} color="primary" fill="outline" style={{ marginRight: 6 }}>
              {roleText(grant, locale, t(`common.roles.${grant.role}`))}
            </Tag>
          ))}
        >
          {t('store.account.roles')}
        </List.Item>
      </List>
      <List mode="card" style={{ margin: '12px 0 0' }} data-testid="account-links">
        <List.Item arrowIcon data-testid="account-orders" onClick={() => void navigate('/orders')}>{t('store.account.orders')}</List.Item>
        <List.Item arrowIcon data-testid="account-returns" onClick={() => void navigate('/returns')}>{t('store.account.returns')}</List.Item>
        <List.Item arrowIcon data-testid="account-cart" onClick={() => void navigate('/cart')}>{t('store.account.cart')}</List.Item>
        <List.Item arrowIcon data-testid="account-addresses" onClick={() => void navigate('/addresses')}>{t('store.account.addresses')}</List.Item>
        <List.Item arrowIcon data-testid="account-identities" onClick={() => void navigate('/identities')}>{t('store.account.identities')}</List.Item>
        {me.roles.some((grant) => grant.role === 'company_member') && (
          <>
            <List.Item arrowIcon data-testid="account-trade" onClick={() => void navigate('/trade/inquiries')}>{t('store.account.trade')}</List.Item>
            <List.Item arrowIcon data-testid="account-rfqs" onClick={() => void navigate('/trade/rfqs')}>{t('store.account.rfqs')}</List.Item>
          </>
        )}
      </List>
      <Button color="danger" fill="outline" block loading={signingOut} onClick={() => void signOut()} style={{ marginTop: 16 }}>
        {t('common.signOut')}
      </Button>
    </>
  );
}

/** "Pavilion operator · Pakistan Pavilion": the role, and what it is scoped to when it is scoped. */
function roleText(grant: RoleGrant, locale: Locale, role: string): string {
  const scope = grant.exporter ?? grant.pavilion ?? grant.company;
  if (scope === null) return role;
  return `${role} · ${pick(locale, scope.nameZh, scope.nameEn ?? scope.nameZh)}`;
}
