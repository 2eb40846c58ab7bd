import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Button, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HsRate } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { formatBp } from '../../console/money.ts';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';
import { HsRateModal } from './hs-rate-modal.tsx';
import { HsRatesExportButtons, HsRatesImport } from './hs-rates-sheet.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { api } from '../../api/client.ts';

const pageSize = 50;

/** The HS rate table: VAT, consumption tax, MFN tariff and Positive List status per 10-digit code, searchable. */
export function HsRatesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<HsRate | 'new' | null>(null);
  const rates = useEndpoint(endpoints.operator.getHsRates, { query: { q: query, page, pageSize } });
  const { run, running } = useAction();
  const remove = (code: string) => run(`delete:${code}`, () => api(endpoints.operator.deleteHsRate, { params: { hsCode: code } }), t('operator.hsRates.deleted')).then((ok) => ok && rates.reload());
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.hsRates.title')}</Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('operator.hsRates.search')}
            onSearch={(value) => {
              setPage(1);
              setQuery(value.trim());
            }}
            style={{ width: 320 }}
            data-testid="hs-search"
          />
          <HsRatesExportButtons />
          <Button type="primary" onClick={() => setEditing('new')} data-testid="new-hs-rate">{t('operator.hsRates.create')}</Button>
        </Space>
      </Flex>
      <HsRatesImport onImported={rates.reload} />
      {rates.status === 'failed' && <ConsoleError error={rates.error} loginPath={operatorPaths.login} onRetry={rates.reload} />}
      <Table<HsRate>
        rowKey="hsCode"
        size="small"
        loading={rates.status === 'loading'}
        data-testid="hs-rates-table"
        dataSource={rates.status === 'done' ? rates.data.items : []}
        pagination={{ current: page, pageSize, total: rates.status === 'done' ? rates.data.total : 0, onChange: setPage, showSizeChanger: false }}
        onRow={(rate) => dataAttributes({ 'data-testid': 'hs-rate-row', 'data-hs-code': rate.hsCode })}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'hsCode', title: t('console.fields.complianceHsCode'), render: (_, rate) => <Typography.Text code>{rate.hsCode}</Typography.Text> },
          { key: 'description', title: t('operator.hsRates.description'), render: (_, rate) => pick(locale, rate.descriptionZh, rate.descriptionEn) || t('common.none') },
          { key: 'vat', title: t('operator.hsRates.vat'), align: 'right', render: (_, rate) => formatBp(rate.vatRateBp) },
          { key: 'consumption', title: t('operator.hsRates.consumptionTax'), align: 'right', render: (_, rate) => formatBp(rate.consumptionTaxRateBp) },
          {
            key: 'tariff',
            title: t('operator.hsRates.tariff'),
            align: 'right',
            render: (_, rate) => (rate.tariffRateBp === null ? <Typography.Text type="secondary">{t('operator.hsRates.tariffMissing')}</Typography.Text> : formatBp(rate.tariffRateBp)),
          },
          { key: 'positive', title: t('operator.hsRates.positiveList'), render: (_, rate) => (rate.retailEligible ? <Tag color="green">{t('console.yes')}</Tag> : <Tag color="red">{t('console.no')}</Tag>) },
          { key: 'modes', title: t('operator.hsRates.modes'), render: (_, rate) => t(`operator.hsRates.modeValues.${rate.retailModes}`) },
          { key: 'food', title: t('operator.hsRates.food'), render: (_, rate) => (rate.isFood ? <Tag color="orange" data-testid="hs-food">{t('operator.hsRates.food')}</Tag> : null) },
          { key: 'updatedAt', title: t('console.updatedAt'), render: (_, rate) => rate.updatedAt.slice(0, 10) },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, rate) => (
              <Space>
                <Button size="small" onClick={() => setEditing(rate)}>{t('console.edit')}</Button>
                <Popconfirm title={t('operator.hsRates.confirmDelete', { code: rate.hsCode })} onConfirm={() => void remove(rate.hsCode)}>
                  <Button size="small" danger loading={running === `delete:${rate.hsCode}`}>{t('console.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <HsRateModal
          rate={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rates.reload();
          }}
        />
      )}
    </Space>
  );
}
