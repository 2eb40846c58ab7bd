import { endpoints } from '@pavilion/contracts';
import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExporterApplication } from '@pavilion/contracts';
import { useCategoryTree } from '../../console/category-select.tsx';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { ExporterStatusTag } from '../../console/exporter-status-tag.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint, useSetEndpointData } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { ApplicationForm } from './application-form.tsx';
import { DocumentsCard } from './documents-card.tsx';

/** The exporter's application with its review state, and its compliance documents. */
export function ApplicationPage() {
  const loaded = useEndpoint(endpoints.exporter.getApplication, {});
  const tree = useCategoryTree();
  const application = loaded.status === 'done' ? loaded.data : undefined;
  const setApplication = useSetEndpointData(endpoints.exporter.getApplication, {});
  if (loaded.status === 'failed') return <ConsoleError error={loaded.error} loginPath={exporterPaths.login} onRetry={loaded.reload} />;
  if (application === undefined) return <ConsoleLoading />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ApplicationStatus application={application} />
      <ApplicationForm key={application.status} application={application} tree={tree.status === 'done' ? tree.data : null} onSaved={setApplication} />
      <DocumentsCard status={application.status} />
    </Space>
  );
}

const bannerTypes = { pending: 'info', approved: 'success', rejected: 'error', suspended: 'warning' } as const;

function ApplicationStatus({ application }: { application: ExporterApplication }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const none = t('common.none');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.application.title')}</Typography.Title>
      <Alert
        type={bannerTypes[application.status]}
        showIcon
        data-testid="application-status"
        data-status={application.status}
        title={t(`exporter.application.banner.${application.status}`)}
        description={
          application.reviewReason !== null && (
            <span data-testid="review-reason">{t('exporter.application.reasonLine', { reason: application.reviewReason })}</span>
          )
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'status', label: t('exporter.home.status'), children: <ExporterStatusTag status={application.status} /> },
          { key: 'pavilion', label: t('exporter.home.pavilion'), children: pick(locale, application.pavilion.nameZh, application.pavilion.nameEn) },
          { key: 'submittedAt', label: t('exporter.application.submittedAt'), children: application.submittedAt?.slice(0, 10) ?? none },
          { key: 'reviewedAt', label: t('exporter.application.reviewedAt'), children: application.reviewedAt?.slice(0, 10) ?? none },
        ]}
      />
    </Space>
  );
}
