import { endpoints } from '@pavilion/contracts';
import { Alert, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConsoleError, ConsoleLoading } from '../console/console-feedback.tsx';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { useEndpoint } from '../api/query.ts';
import { operatorPaths } from './operator-paths.ts';
import { OperatorPavilionCard } from './operator-pavilion-card.tsx';

/** The pavilions this operator runs (every pavilion for an admin), each with its exporters. */
export function OperatorHomePage() {
  const { t } = useTranslation();
  const pavilions = useEndpoint(endpoints.operator.getPavilions, {});
  if (pavilions.status === 'loading') return <ConsoleLoading />;
  if (pavilions.status === 'failed') {
    return <ConsoleError error={pavilions.error} loginPath={operatorPaths.login} onRetry={pavilions.reload} />;
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('operator.home.title')}
      </Typography.Title>
      <RateAlertsBanner />
      {pavilions.data.items.length === 0 && <Empty description={t('operator.home.empty')} />}
      {pavilions.data.items.map((pavilion) => (
        <OperatorPavilionCard key={pavilion.id} pavilion={pavilion} />
      ))}
    </Space>
  );
}

/**
 * Open exchange-rate alerts (no rate in force, or one older than RATE_MAX_AGE_DAYS) on the first
 * page operators see, linking to the rates page where they are fixed. Nothing shows while none is open.
 */
function RateAlertsBanner() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rates = useEndpoint(endpoints.operator.getRates, {});
  if (rates.status !== 'done' || rates.data.alerts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="rate-alerts-banner"
      title={t('operator.rates.alertsBanner')}
      description={
        <Space orientation="vertical" size={2}>
          {rates.data.alerts.map((alert) => <span key={alert.id}>{pick(locale, alert.messageZh, alert.messageEn)}</span>)}
          <Link to={operatorPaths.rates}>{t('operator.rates.alertsLink')}</Link>
        </Space>
      }
    />
  );
}
