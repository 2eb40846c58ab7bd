import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Avatar, Button, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Brand } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useAction } from '../../console/use-action.ts';
import { useEndpoint } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { BrandModal } from './brand-modal.tsx';
import { api } from '../../api/client.ts';

/** The exporter's brands: each with a logo and a story in both languages, shown on its storefront page. */
export function BrandsPage() {
  const { t } = useTranslation();
  const brands = useEndpoint(endpoints.exporter.getBrands, {});
  const [editing, setEditing] = useState<Brand | 'new' | null>(null);
  const { run, running } = useAction();
  const remove = (id: string) => run(`delete:${id}`, () => api(endpoints.exporter.deleteBrand, { params: { id } }), t('exporter.brands.deleted')).then((ok) => ok && brands.reload());
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.brands.title')}</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="new-brand">{t('exporter.brands.create')}</Button>
      </Flex>
      {brands.status === 'loading' && <ConsoleLoading />}
      {brands.status === 'failed' && <ConsoleError error={brands.error} loginPath={exporterPaths.login} onRetry={brands.reload} />}
      {brands.status === 'done' && (
        <Table<Brand>
          rowKey="id"
          dataSource={brands.data.items}
          pagination={false}
          data-testid="brands-table"
          locale={{ emptyText: t('exporter.brands.empty') }}
          columns={[
            { key: 'logo', title: t('exporter.brands.logo'), width: 80, render: (_, brand) => <Avatar shape="square" size={48} src={brand.logo?.urls.thumb}>{brand.nameEn.charAt(0)}</Avatar> },
            { key: 'nameEn', title: t('exporter.brands.nameEn'), dataIndex: 'nameEn' },
            { key: 'nameZh', title: t('exporter.brands.nameZh'), dataIndex: 'nameZh' },
            { key: 'updatedAt', title: t('console.updatedAt'), render: (_, brand) => brand.updatedAt.slice(0, 10) },
            {
              key: 'actions',
              title: t('console.actions'),
              render: (_, brand) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(brand)}>{t('console.edit')}</Button>
                  <Popconfirm title={t('exporter.brands.confirmDelete')} onConfirm={() => void remove(brand.id)}>
                    <Button size="small" danger loading={running === `delete:${brand.id}`}>{t('console.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing !== null && (
        <BrandModal
          brand={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            brands.reload();
          }}
        />
      )}
    </Space>
  );
}
