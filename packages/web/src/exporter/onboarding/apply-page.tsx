import { endpoints } from '@pavilion/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCategoryTree } from '../../console/category-select.tsx';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useEndpoint } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { ApplyForm } from './apply-form.tsx';
import { PublicCard } from './public-card.tsx';

/** "Join a pavilion": a new exporter applies, with the account its team starts from. */
export function ApplyPage() {
  const { t } = useTranslation();
  const pavilions = useEndpoint(endpoints.store.getPavilions, {});
  const tree = useCategoryTree();
  return (
    <PublicCard title={t('exporter.apply.title')} maxWidth={960}>
      <Typography.Paragraph>{t('exporter.apply.intro')}</Typography.Paragraph>
      {pavilions.status === 'loading' && <ConsoleLoading />}
      {pavilions.status === 'failed' && <ConsoleError error={pavilions.error} loginPath={exporterPaths.login} onRetry={pavilions.reload} />}
      {pavilions.status === 'done' && <ApplyForm pavilions={pavilions.data.items} tree={tree.status === 'done' ? tree.data : null} />}
      <Typography.Paragraph style={{ marginTop: 24, marginBottom: 0 }}>
        {t('exporter.apply.haveAccount')} <Link to={exporterPaths.login}>{t('exporter.apply.signIn')}</Link>
      </Typography.Paragraph>
    </PublicCard>
  );
}
