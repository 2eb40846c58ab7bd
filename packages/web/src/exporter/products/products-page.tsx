import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Avatar, Button, Flex, Segmented, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { productStatuses, type ProductStatus } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { ProductStateTags } from '../../console/product-status-tag.tsx';
import { useEndpoint } from '../../api/query.ts';
import { type ExporterProductListItem } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';

type Filter = ProductStatus | 'all';

/** The exporter's products with where each stands; a row opens the editor. */
export function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const products = useEndpoint(endpoints.exporter.getProducts, {});
  const [filter, setFilter] = useState<Filter>('all');
  if (products.status === 'loading') return <ConsoleLoading />;
  if (products.status === 'failed') return <ConsoleError error={products.error} loginPath={exporterPaths.login} onRetry={products.reload} />;
  const items = products.data.items.filter((item) => filter === 'all' || item.status === filter);
  const count = (status: ProductStatus) => products.data.items.filter((item) => item.status === status).length;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.products.title')}</Typography.Title>
        <Link to={exporterPaths.newProduct}>
          <Button type="primary" data-testid="new-product">{t('exporter.products.create')}</Button>
        </Link>
      </Flex>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        data-testid="product-filter"
        options={[
          { value: 'all', label: t('exporter.products.all', { count: products.data.items.length }) },
          ...productStatuses.map((status) => ({ value: status, label: `${t(`console.productStatus.${status}`)} (${count(status)})` })),
        ]}
      />
      <Table<ExporterProductListItem>
        rowKey="id"
        dataSource={items}
        data-testid="products-table"
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('exporter.products.empty') }}
        onRow={(item) => ({ 'data-testid': 'product-row', 'data-product-id': item.id, onClick: () => void navigate(exporterPaths.product(item.id)), style: { cursor: 'pointer' } })}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'cover', title: '', width: 72, render: (_, item) => <Avatar shape="square" size={56} src={item.cover?.urls.thumb}>{item.titleEn.charAt(0)}</Avatar> },
          {
            key: 'title',
            title: t('exporter.products.product'),
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <Link to={exporterPaths.product(item.id)} onClick={(event) => event.stopPropagation()}>
                  {item.titleEn || t('exporter.product.untitled')}
                </Link>
                <Typography.Text type="secondary" lang="zh-CN">{item.titleZh}</Typography.Text>
              </Space>
            ),
          },
          { key: 'state', title: t('exporter.products.state'), render: (_, item) => <ProductStateTags status={item.status} workingState={item.workingState} /> },
          { key: 'variants', title: t('exporter.products.variants'), dataIndex: 'variantCount' },
          { key: 'updatedAt', title: t('console.updatedAt'), render: (_, item) => item.updatedAt.slice(0, 10) },
        ]}
      />
    </Space>
  );
}
