import { useCallback, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, searchWordInputSchema } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useAction } from '../../console/use-action.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useEndpoint } from '../../api/query.ts';
import type { SearchWord, SearchWordInput } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { api } from '../../api/client.ts';

type WordValues = { word: string };

/**
 * The dictionary Chinese titles and queries are cut into words with. A word it lacks (a place, a
 * brand) is cut into pieces that match the wrong products or none; each change rebuilds the index
 * in the background, so `onChanged` lets the page follow the rebuild.
 */
export function WordsCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const words = useEndpoint(endpoints.operator.getSearchWords, {});
  const [filter, setFilter] = useState('');
  const [form] = Form.useForm<WordValues>();
  const { run, running } = useAction();
  const { reload } = words;
  const add = useCallback(
    async (body: SearchWordInput) => {
      await api(endpoints.operator.createSearchWord, { body });
      form.resetFields();
      reload();
      onChanged();
    },
    [form, reload, onChanged],
  );
  const submitter = useConsoleForm({ form, schema: searchWordInputSchema, action: add });
  const remove = (word: string) =>
    void run(`delete:${word}`, () => api(endpoints.operator.deleteSearchWord, { params: { word } }), t('operator.search.words.deleted')).then((ok) => {
      if (!ok) return;
      reload();
      onChanged();
    });
  const items = words.status === 'done' ? words.data.items.filter((item) => item.word.toLocaleLowerCase().includes(filter.trim().toLocaleLowerCase())) : [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('operator.search.words.noteTitle')} description={t('operator.search.words.note')} />
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<WordValues> form={form} layout="inline" initialValues={{ word: '' }} onFieldsChange={submitter.onFieldsChange} onFinish={() => void submitter.submit()}>
        <Form.Item name="word" label={t('operator.search.words.word')}>
          <Input name="word" maxLength={40} placeholder={t('operator.search.words.placeholder')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="add-word">{t('operator.search.words.add')}</Button>
        </Form.Item>
      </Form>
      {words.status === 'failed' && <ConsoleError error={words.error} loginPath={operatorPaths.login} onRetry={reload} />}
      <Flex justify="flex-end">
        <Input.Search allowClear placeholder={t('operator.search.words.filter')} onChange={(event) => setFilter(event.target.value)} style={{ width: 240 }} />
      </Flex>
      <Table<SearchWord>
        rowKey="word"
        size="small"
        loading={words.status === 'loading'}
        data-testid="words-table"
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('operator.search.words.empty') }}
        onRow={(row) => dataAttributes({ 'data-testid': 'word-row', 'data-word': row.word })}
        columns={[
          { key: 'word', title: t('operator.search.words.word'), dataIndex: 'word' },
          { key: 'createdAt', title: t('operator.search.createdAt'), render: (_, row) => row.createdAt.slice(0, 16).replace('T', ' ') },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, row) => (
              <Popconfirm title={t('operator.search.words.confirmDelete', { word: row.word })} onConfirm={() => remove(row.word)}>
                <Button size="small" danger loading={running === `delete:${row.word}`}>{t('console.delete')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
