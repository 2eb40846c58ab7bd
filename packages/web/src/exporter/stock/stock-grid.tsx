import { endpoints } from '@pavilion/contracts';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useEndpoint } from '../../api/query.ts';
import { type Warehouse } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { StockCell } from './stock-cell.tsx';

/** One product's stock: a row per variant, a column per warehouse, on hand editable and reserved shown. */
export function StockGrid({ productId, warehouses }: { productId: string; warehouses: readonly Warehouse[] }) {
  const { t } = useTranslation();
  const product = useEndpoint(endpoints.exporter.getProduct, { params: { id: productId } });
  if (product.status === 'loading') return <ConsoleLoading />;
  if (product.status === 'failed') return <ConsoleError error={product.error} loginPath={exporterPaths.login} onRetry={product.reload} />;
  const content = product.data.working?.content ?? product.data.live?.content;
  const variants = content?.variants ?? [];
  const stockOf = (variantId: string, warehouseId: string) =>
    product.data.stock.find((row) => row.variantId === variantId && row.warehouseId === warehouseId) ?? { onHand: 0, reserved: 0 };
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      bordered
      data-testid="stock-grid"
      dataSource={variants}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'variant',
          title: t('exporter.stock.variant'),
          render: (_, variant) => (
            <>
              <Typography.Text strong>{variant.sku}</Typography.Text>
              {variant.optionValues.length > 0 && <div><Typography.Text type="secondary">{variant.optionValues.join(' / ')}</Typography.Text></div>}
            </>
          ),
        },
        ...warehouses.map((warehouse) => ({
          key: warehouse.id,
          title: `${warehouse.name} (${t(`exporter.stock.kinds.${warehouse.kind}`)})`,
          render: (_: unknown, variant: (typeof variants)[number]) => {
            const stock = stockOf(variant.id, warehouse.id);
            return <StockCell variantId={variant.id} warehouseId={warehouse.id} onHand={stock.onHand} reserved={stock.reserved} />;
          },
        })),
      ]}
    />
  );
}
