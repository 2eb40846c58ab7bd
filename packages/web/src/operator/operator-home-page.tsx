import { Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ConsoleError, ConsoleLoading } from '../console/console-feedback.tsx';
import { useApi } from '../shared/use-api.ts';
import { operatorPaths } from './operator-paths.ts';
import { OperatorPavilionCard } from './operator-pavilion-card.tsx';

/** The pavilions this operator runs (every pavilion for an admin), each with its exporters. */
export function OperatorHomePage() {
  const { t } = useTranslation();
  const pavilions = useApi(api.getOperatorPavilions);
  if (pavilions.status === 'loading') return <ConsoleLoading />;
  if (pavilions.status === 'failed') {
    return <ConsoleError error={pavilions.error} loginPath={operatorPaths.login} onRetry={pavilions.reload} />;
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('operator.home.title')}
      </Typography.Title>
      {pavilions.data.items.length === 0 && <Empty description={t('operator.home.empty')} />}
      {pavilions.data.items.map((pavilion) => (
        <OperatorPavilionCard key={pavilion.id} pavilion={pavilion} />
      ))}
    </Space>
  );
}
