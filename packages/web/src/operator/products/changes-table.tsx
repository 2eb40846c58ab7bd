import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode, StoredProductContent } from '@pavilion/contracts';
import { diffContent, type ContentChange } from '../../console/content-diff.ts';
import { useFieldLabel } from '../../console/field-label.ts';
import { formatMoney } from '../../console/money.ts';

function show(path: string, value: unknown, currency: CurrencyCode, none: string): string {
  if (value === undefined || value === null || value === '') return none;
  if (/priceMinor$/i.test(path) && typeof value === 'number') return formatMoney(value, currency);
  if (Array.isArray(value)) return value.length === 0 ? none : value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What an edit of a live product changes, field by field: live value | submitted value. */
export function ChangesTable({ live, working }: { live: StoredProductContent; working: StoredProductContent }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const none = t('common.none');
  const changes = diffContent(live, working).filter((change) => !/^variants\.\d+\.id$/.test(change.path));
  return (
    <Table<ContentChange>
      rowKey="path"
      size="small"
      bordered
      pagination={false}
      data-testid="changes-table"
      dataSource={changes}
      locale={{ emptyText: t('operator.review.noChanges') }}
      columns={[
        { key: 'field', title: t('console.content.field'), width: '20%', render: (_, change) => <><Typography.Text strong>{fieldLabel(change.path)}</Typography.Text><div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{change.path}</Typography.Text></div></> },
        { key: 'before', title: t('operator.review.liveValue'), width: '40%', render: (_, change) => <Typography.Text delete type="secondary" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{show(change.path, change.before, live.currency, none)}</Typography.Text> },
        { key: 'after', title: t('operator.review.submittedValue'), width: '40%', render: (_, change) => <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{show(change.path, change.after, working.currency, none)}</Typography.Text> },
      ]}
    />
  );
}
