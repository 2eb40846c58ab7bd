import { useState } from 'react';
import { DatePicker, Flex, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementSummary } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { ConsoleError } from '../console-feedback.tsx';
import { dataAttributes } from '../data-attributes.ts';
import { formatMoney } from '../money.ts';
import { StatementDrawer } from './statement-drawer.tsx';
import type { StatementEndpoints, StatementQuery } from './statements-api.ts';
import { StatementStatusTag } from './statement-status-tag.tsx';

type Props = {
  title: string;
  statementEndpoints: StatementEndpoints;
  loginPath: string;
  /** Operators pick among their pavilions' exporters; an exporter sees only its own statements. */
  exporters?: Array<{ value: string; label: string }>;
};

/** Monthly statements, newest first: filter by month (and exporter); a row opens the statement with its lines and downloads. */
export function ConsoleStatementsPage({ title, statementEndpoints, loginPath, exporters }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [query, setQuery] = useState<StatementQuery>({});
  const [openId, setOpenId] = useState<string | null>(null);
  // An exporter's statements are its own: its endpoint takes the month only.
  const statements = useEndpoint(statementEndpoints.list, { query: exporters === undefined ? { month: query.month } : query });
  const update = (patch: Partial<StatementQuery>) => setQuery((current) => ({ ...current, ...patch }));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('console.statements.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} data-testid="statement-filters">
        {exporters !== undefined && (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('console.statements.allExporters')}
            style={{ width: 260 }}
            value={query.exporter}
            onChange={(exporter) => update({ exporter })}
            options={exporters}
            data-testid="statement-filter-exporter"
          />
        )}
        <DatePicker
          picker="month"
          allowClear
          placeholder={t('console.statements.anyMonth')}
          onChange={(_, month) => update({ month: typeof month === 'string' && month !== '' ? month : undefined })}
          data-testid="statement-filter-month"
        />
      </Flex>
      {statements.status === 'failed' ? (
        <ConsoleError error={statements.error} loginPath={loginPath} onRetry={statements.reload} />
      ) : (
        <Table<StatementSummary>
          rowKey="id"
          loading={statements.status === 'loading'}
          dataSource={statements.status === 'done' ? statements.data.items : []}
          data-testid="statements-table"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('console.statements.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(s) => ({
            ...dataAttributes({ 'data-testid': 'statement-row', 'data-statement-id': s.id, 'data-month': s.month, 'data-status': s.status }),
            onClick: () => setOpenId(s.id),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { key: 'month', title: t('console.statements.month'), render: (_, s) => <Typography.Link>{s.month}</Typography.Link> },
            ...(exporters !== undefined
              ? [{ key: 'exporter', title: t('console.statements.exporter'), render: (_: unknown, s: StatementSummary) => pick(locale, s.exporter.nameZh || s.exporter.nameEn, s.exporter.nameEn || s.exporter.nameZh) }]
              : []),
            { key: 'currency', title: t('console.statements.currency'), dataIndex: 'currency' },
            { key: 'status', title: t('console.statements.statusLabel'), render: (_, s) => <StatementStatusTag status={s.status} /> },
            { key: 'lines', title: t('console.statements.lineCount'), dataIndex: 'lineCount', align: 'right' },
            { key: 'goods', title: t('console.statements.goods'), align: 'right', render: (_, s) => formatMoney(s.goodsFen, 'CNY') },
            { key: 'commission', title: t('console.statements.commission'), align: 'right', render: (_, s) => formatMoney(s.commissionFen, 'CNY') },
            { key: 'share', title: t('console.statements.total'), align: 'right', render: (_, s) => <span data-testid="statement-row-total">{formatMoney(s.shareMinor, s.currency)}</span> },
          ]}
        />
      )}
      <StatementDrawer statementId={openId} statementEndpoints={statementEndpoints} loginPath={loginPath} onClose={() => setOpenId(null)} />
    </Space>
  );
}
