import { endpoints } from '@pavilion/contracts';
import { Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { ProductStateTags } from '../../console/product-status-tag.tsx';
import { useEndpoint } from '../../api/query.ts';
import { type ExporterProductListItem } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { StockGrid } from './stock-grid.tsx';
import { WarehousesCard } from './warehouses-card.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';

/** Warehouses, and the stock of each product's variants per warehouse (a product opens its grid). */
export function StockPage() {
  const { t } = useTranslation();
  const warehouses = useEndpoint(endpoints.exporter.getWarehouses, {});
  const products = useEndpoint(endpoints.exporter.getProducts, {});
  const profile = useEndpoint(endpoints.exporter.getProfile, {});
  const failed = [warehouses, products, profile].find((state) => state.status === 'failed');
  if (failed?.status === 'failed') return <ConsoleError error={failed.error} loginPath={exporterPaths.login} onRetry={failed.reload} />;
  if (warehouses.status !== 'done' || products.status !== 'done' || profile.status !== 'done') return <ConsoleLoading />;
  const items = products.data.items.filter((item) => item.status !== 'archived');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.stock.title')}</Typography.Title>
      <WarehousesCard warehouses={warehouses.data.items} homeCountry={profile.data.exporter.country} onAdded={warehouses.reload} />
      <Card title={t('exporter.stock.stock')} data-testid="stock-card">
        <Typography.Paragraph type="secondary">{t('exporter.stock.hint')}</Typography.Paragraph>
        <Table<ExporterProductListItem>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('exporter.products.empty') }}
          expandable={{
            expandRowByClick: true,
            expandedRowRender: (item) => <StockGrid productId={item.id} warehouses={warehouses.data.items} />,
          }}
          onRow={(item) => dataAttributes({ 'data-testid': 'stock-product', 'data-product-id': item.id })}
          columns={[
            { key: 'title', title: t('exporter.products.product'), render: (_, item) => item.titleEn || item.titleZh || t('exporter.product.untitled') },
            { key: 'state', title: t('exporter.products.state'), render: (_, item) => <ProductStateTags status={item.status} workingState={item.workingState} /> },
            { key: 'variants', title: t('exporter.products.variants'), dataIndex: 'variantCount' },
          ]}
        />
      </Card>
    </Space>
  );
}
