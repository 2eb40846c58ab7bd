import { endpoints } from '@pavilion/contracts';
import { Navigate } from 'react-router';
import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';

/** The pavilions whose content this operator edits; with only one, its page directly. */
export function PavilionsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const pavilions = useEndpoint(endpoints.operator.getPavilions, {});
  if (pavilions.status === 'loading') return <ConsoleLoading />;
  if (pavilions.status === 'failed') return <ConsoleError error={pavilions.error} loginPath={operatorPaths.login} onRetry={pavilions.reload} />;
  const [only, ...others] = pavilions.data.items;
  if (only !== undefined && others.length === 0) return <Navigate to={operatorPaths.pavilion(only.id)} replace />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.pavilion.choose')}</Typography.Title>
      <Card>
        <List
          dataSource={pavilions.data.items}
          locale={{ emptyText: t('operator.home.empty') }}
          renderItem={(pavilion) => (
            <List.Item data-testid="pavilion-choice">
              <Link to={operatorPaths.pavilion(pavilion.id)}>{pick(locale, pavilion.nameZh, pavilion.nameEn)}</Link>
              <Typography.Text type="secondary">{pick(locale, pavilion.taglineZh, pavilion.taglineEn)}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
