import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Alert, Flex, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { useEndpoint } from '../../api/query.ts';
import { type ZeroResultQuery } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';

const dayChoices = [7, 30, 90, 365] as const;

/** What buyers searched and found nothing for, most asked first: demand no exporter meets yet. */
export function ZeroResultsCard() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const queries = useEndpoint(endpoints.operator.getSearchZeroResults, { query: { days } });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('operator.search.zero.noteTitle')} description={t('operator.search.zero.note')} />
      <Flex align="center" gap={8}>
        <Typography.Text>{t('operator.search.zero.period')}</Typography.Text>
        <Select
          value={days}
          onChange={setDays}
          data-testid="zero-days"
          style={{ width: 160 }}
          options={dayChoices.map((value) => ({ value, label: t('operator.search.zero.days', { count: value }) }))}
        />
      </Flex>
      {queries.status === 'failed' && <ConsoleError error={queries.error} loginPath={operatorPaths.login} onRetry={queries.reload} />}
      <Table<ZeroResultQuery>
        rowKey="query"
        size="small"
        loading={queries.status === 'loading'}
        data-testid="zero-results-table"
        dataSource={queries.status === 'done' ? queries.data.items : []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('operator.search.zero.empty') }}
        onRow={(row) => dataAttributes({ 'data-testid': 'zero-result-row', 'data-query': row.query })}
        columns={[
          { key: 'query', title: t('operator.search.zero.query'), render: (_, row) => <Typography.Text strong>{row.query}</Typography.Text> },
          { key: 'count', title: t('operator.search.zero.count'), align: 'right', dataIndex: 'count', sorter: (a, b) => a.count - b.count },
          { key: 'lastSeenAt', title: t('operator.search.zero.lastSeen'), render: (_, row) => row.lastSeenAt.slice(0, 16).replace('T', ' '), sorter: (a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt) },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, row) => (
              // The storefront in another tab: what the buyer saw (related products, "did you mean").
              <Typography.Link href={`/search?${new URLSearchParams({ q: row.query }).toString()}`} target="_blank" rel="noopener">
                {t('operator.search.zero.openInStore')}
              </Typography.Link>
            ),
          },
        ]}
      />
    </Space>
  );
}
