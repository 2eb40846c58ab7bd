import { useCallback } from 'react';
import { Alert, Button, Flex, Form, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, synonymInputSchema } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useAction } from '../../console/use-action.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useEndpoint } from '../../api/query.ts';
import type { Synonym, SynonymInput } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { api } from '../../api/client.ts';

type SynonymValues = { terms: string[] };

/** Groups of words that find the same products: a search for one also finds the others. */
export function SynonymsCard() {
  const { t } = useTranslation();
  const synonyms = useEndpoint(endpoints.operator.getSearchSynonyms, {});
  const [form] = Form.useForm<SynonymValues>();
  const { run, running } = useAction();
  const { reload } = synonyms;
  const add = useCallback(
    async (body: SynonymInput) => {
      await api(endpoints.operator.createSearchSynonym, { body });
      form.resetFields();
      reload();
    },
    [form, reload],
  );
  const submitter = useConsoleForm({ form, schema: synonymInputSchema, action: add });
  const remove = (id: string) => void run(`delete:${id}`, () => api(endpoints.operator.deleteSearchSynonym, { params: { id } }), t('operator.search.synonyms.deleted')).then((ok) => ok && reload());
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('operator.search.synonyms.note')} />
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<SynonymValues> form={form} layout="vertical" initialValues={{ terms: [] }} onFieldsChange={submitter.onFieldsChange} onFinish={() => void submitter.submit()}>
        <Flex gap={12} align="flex-start" wrap>
          <Form.Item name="terms" label={t('operator.search.synonyms.terms')} extra={t('operator.search.synonyms.termsHint')} style={{ flex: 1, minWidth: 280, marginBottom: 0 }}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ';', '；']} maxCount={10} data-testid="synonym-terms" placeholder={t('operator.search.synonyms.placeholder')} />
          </Form.Item>
          <Form.Item label=" " style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="add-synonyms">{t('operator.search.synonyms.add')}</Button>
          </Form.Item>
        </Flex>
      </Form>
      {synonyms.status === 'failed' && <ConsoleError error={synonyms.error} loginPath={operatorPaths.login} onRetry={reload} />}
      <Table<Synonym>
        rowKey="id"
        size="small"
        loading={synonyms.status === 'loading'}
        data-testid="synonyms-table"
        dataSource={synonyms.status === 'done' ? synonyms.data.items : []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('operator.search.synonyms.empty') }}
        onRow={(row) => dataAttributes({ 'data-testid': 'synonym-row', 'data-id': row.id })}
        columns={[
          { key: 'terms', title: t('operator.search.synonyms.terms'), render: (_, row) => row.terms.map((term) => <Tag key={term}>{term}</Tag>) },
          { key: 'createdAt', title: t('operator.search.createdAt'), render: (_, row) => row.createdAt.slice(0, 16).replace('T', ' ') },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, row) => (
              <Popconfirm title={t('operator.search.synonyms.confirmDelete', { terms: row.terms.join(' / ') })} onConfirm={() => remove(row.id)}>
                <Button size="small" danger loading={running === `delete:${row.id}`}>{t('console.delete')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
