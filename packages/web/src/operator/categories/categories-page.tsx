import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryNode } from '@pavilion/contracts';
import { isApiError, api } from '../../api/client.ts';
import { useCategoryTree } from '../../console/category-select.tsx';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { operatorPaths } from '../operator-paths.ts';
import { CategoryModal, type CategoryEditing } from './category-modal.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';

type Row = CategoryNode & { children?: Row[] };
type Usage = { children: number; exporters: number; products: number };

function usageOf(details: unknown): Usage | null {
  if (typeof details !== 'object' || details === null) return null;
  const read = (key: keyof Usage) => {
    const value: unknown = Reflect.get(details, key);
    return typeof value === 'number' ? value : 0;
  };
  return { children: read('children'), exporters: read('exporters'), products: read('products') };
}

/** The two-level category tree: add, rename, reorder, mark food, delete when unused (409 IN_USE says what uses it). */
export function CategoriesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const tree = useCategoryTree();
  const [editing, setEditing] = useState<CategoryEditing | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [inUse, setInUse] = useState<{ id: string; usage: Usage } | null>(null);
  const remove = async (id: string) => {
    setDeleting(id);
    setInUse(null);
    try {
      await api(endpoints.operator.deleteCategory, { params: { id } });
      void message.success(t('operator.categories.deleted'));
      tree.reload();
    } catch (error) {
      const usage = isApiError(error, 'IN_USE') ? usageOf(error.details) : null;
      if (usage !== null) setInUse({ id, usage });
      void message.error(errorText(error, locale));
    } finally {
      setDeleting(null);
    }
  };
  if (tree.status === 'loading') return <ConsoleLoading />;
  if (tree.status === 'failed') return <ConsoleError error={tree.error} loginPath={operatorPaths.login} onRetry={tree.reload} />;
  const rows: Row[] = tree.data.items.map(({ children, ...root }) => ({ ...root, children: children.length > 0 ? children : undefined }));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.categories.title')}</Typography.Title>
        <Button type="primary" onClick={() => setEditing({ mode: 'create', parent: null })} data-testid="new-category">{t('operator.categories.createRoot')}</Button>
      </Flex>
      {inUse !== null && (
        <Typography.Text type="danger" role="alert" data-testid="category-in-use">
          {t('operator.categories.inUse', { id: inUse.id, ...inUse.usage })}
        </Typography.Text>
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="categories-table"
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        onRow={(row) => dataAttributes({ 'data-testid': 'category-row', 'data-category-id': row.id })}
        columns={[
          { key: 'nameZh', title: t('operator.categories.nameZh'), render: (_, row) => <Typography.Text strong={row.parentId === null}>{row.nameZh}</Typography.Text> },
          { key: 'nameEn', title: t('operator.categories.nameEn'), dataIndex: 'nameEn' },
          { key: 'slug', title: t('operator.categories.slug'), render: (_, row) => <Typography.Text code>{row.slug}</Typography.Text> },
          { key: 'food', title: t('operator.categories.isFood'), render: (_, row) => (row.isFood ? <Tag color="orange">{t('operator.exporter.food')}</Tag> : null) },
          { key: 'position', title: t('operator.categories.position'), dataIndex: 'position' },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, row) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing({ mode: 'edit', category: row })}>{t('console.edit')}</Button>
                {row.parentId === null && <Button size="small" onClick={() => setEditing({ mode: 'create', parent: row })}>{t('operator.categories.addChild')}</Button>}
                <Popconfirm title={t('operator.categories.confirmDelete', { name: row.nameZh })} onConfirm={() => void remove(row.id)}>
                  <Button size="small" danger loading={deleting === row.id} data-testid="delete-category">{t('console.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <CategoryModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            tree.reload();
          }}
        />
      )}
    </Space>
  );
}
