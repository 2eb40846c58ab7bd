import { endpoints } from '@pavilion/contracts';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReviewQueue } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';

type QueueItem = ReviewQueue['items'][number];

/** Products and edits waiting for review in the operator's pavilions, oldest first. */
export function ProductQueuePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queue = useEndpoint(endpoints.operator.getProductReviewQueue, {});
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.products.title')}</Typography.Title>
      {queue.status === 'failed' && <ConsoleError error={queue.error} loginPath={operatorPaths.login} onRetry={queue.reload} />}
      <Table<QueueItem>
        rowKey="revisionId"
        loading={queue.status === 'loading'}
        data-testid="product-queue"
        dataSource={queue.status === 'done' ? queue.data.items : []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('operator.products.empty') }}
        onRow={(item) => ({ 'data-testid': 'review-row', 'data-product-id': item.productId, onClick: () => void navigate(operatorPaths.product(item.productId)), style: { cursor: 'pointer' } })}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'title',
            title: t('operator.products.product'),
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <Link to={operatorPaths.product(item.productId)} onClick={(event) => event.stopPropagation()}>
                  {pick(locale, item.titleZh, item.titleEn) || item.titleEn || t('exporter.product.untitled')}
                </Link>
                <Typography.Text type="secondary">{pick(locale, item.titleEn, item.titleZh)}</Typography.Text>
              </Space>
            ),
          },
          { key: 'exporter', title: t('operator.products.exporter'), render: (_, item) => pick(locale, item.exporter.nameZh, item.exporter.nameEn) },
          {
            key: 'kind',
            title: t('operator.products.kind'),
            render: (_, item) => (item.isEdit ? <Tag color="gold">{t('operator.products.edit')}</Tag> : <Tag color="blue">{t('operator.products.new')}</Tag>),
          },
          { key: 'revision', title: t('operator.products.revision'), render: (_, item) => `#${item.revisionNumber}` },
          { key: 'submittedAt', title: t('operator.exporters.submittedAt'), render: (_, item) => item.submittedAt.slice(0, 16).replace('T', ' ') },
        ]}
      />
    </Space>
  );
}
