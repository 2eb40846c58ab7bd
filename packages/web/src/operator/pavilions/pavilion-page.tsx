import { endpoints } from '@pavilion/contracts';
import { Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint, useSetEndpointData } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';
import { CommissionCard } from './commission-card.tsx';
import { FeaturesCard } from './features-card.tsx';
import { PavilionContentForm } from './pavilion-content-form.tsx';
import { StoriesCard } from './stories-card.tsx';

/** /operator/pavilions/:id: the pavilion's content, its featured exporters and products, its stories. */
export function PavilionPage() {
  const { id = '' } = useParams();
  const { locale } = useLocale();
  const loaded = useEndpoint(endpoints.operator.getPavilion, { params: { id } });
  const pavilions = useEndpoint(endpoints.operator.getPavilions, {});
  const pavilion = loaded.status === 'done' ? loaded.data : undefined;
  const setPavilion = useSetEndpointData(endpoints.operator.getPavilion, { params: { id } });
  const failed = [loaded, pavilions].find((state) => state.status === 'failed');
  if (failed?.status === 'failed') return <ConsoleError error={failed.error} loginPath={operatorPaths.login} onRetry={failed.reload} />;
  if (pavilion === undefined || pavilions.status !== 'done') return <ConsoleLoading />;
  const exporters = pavilions.data.items.find((item) => item.id === pavilion.id)?.exporters ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="pavilion-page" data-pavilion-id={pavilion.id}>
      <Typography.Title level={3} style={{ margin: 0 }}>{pick(locale, pavilion.nameZh, pavilion.nameEn)}</Typography.Title>
      <PavilionContentForm key={pavilion.id} pavilion={pavilion} onSaved={setPavilion} />
      <FeaturesCard key={`features:${pavilion.id}`} pavilion={pavilion} exporters={exporters} onSaved={setPavilion} />
      <StoriesCard pavilionId={pavilion.id} />
      <CommissionCard key={`commission:${pavilion.id}`} pavilionId={pavilion.id} />
    </Space>
  );
}
