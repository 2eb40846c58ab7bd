import type { z } from 'zod';
import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buyerCompanySchema, operatorCompanyListSchema, tradeFiguresSchema } from '@pavilion/contracts';
import { call, seg } from '../../console/console-api.ts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { formatBp } from '../../console/money.ts';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { useApi } from '../../shared/use-api.ts';
import { operatorPaths } from '../operator-paths.ts';

type Figures = z.output<typeof tradeFiguresSchema>;
type ResponseRow = Figures['exporters'][number] | Figures['pavilions'][number];
type Company = z.output<typeof operatorCompanyListSchema>['items'][number];

const tradeApi = {
  figures: () => call('GET', '/api/operator/trade/figures', tradeFiguresSchema),
  companies: () => call('GET', '/api/operator/companies', operatorCompanyListSchema),
  verify: (id: string) => call('POST', `/api/operator/companies/${seg(id)}/verify`, buyerCompanySchema),
};

/** Whole hours and minutes of a duration in seconds: "5 h 07 min". */
const hoursMinutes = (seconds: number): string => `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;

/** Matchmaking: who answers importers and how fast (per pavilion and exporter), and the importer companies to verify. */
export function TradePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const figures = useApi(tradeApi.figures);
  const companies = useApi(tradeApi.companies);
  const { run, running } = useAction();
  const verify = (id: string) => run(`verify:${id}`, () => tradeApi.verify(id), t('operator.trade.verifiedDone')).then((ok) => ok && companies.reload());

  const responseColumns = [
    { key: 'inquiries', title: t('operator.trade.inquiries'), render: (_: unknown, row: ResponseRow) => row.inquiries },
    {
      key: 'rate',
      title: t('operator.trade.responseRate'),
      // The bar is the chart: at a glance, who answers within 48 hours.
      render: (_: unknown, row: ResponseRow) =>
        row.responseRateBp === null ? '—' : (
          <Space>
            <Progress percent={row.responseRateBp / 100} size="small" showInfo={false} style={{ width: 120 }} status={row.responseRateBp < 8000 ? 'exception' : 'success'} />
            <span>{formatBp(row.responseRateBp)}</span>
          </Space>
        ),
    },
    { key: 'median', title: t('operator.trade.medianResponse'), render: (_: unknown, row: ResponseRow) => (row.medianResponseSeconds === null ? '—' : hoursMinutes(row.medianResponseSeconds)) },
    { key: 'quotes', title: t('operator.trade.quotes'), render: (_: unknown, row: ResponseRow) => row.quotes },
    { key: 'accepted', title: t('operator.trade.accepted'), render: (_: unknown, row: ResponseRow) => row.accepted },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.trade.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('operator.trade.intro')}</Typography.Text>
      {figures.status === 'loading' && <ConsoleLoading />}
      {figures.status === 'failed' && <ConsoleError error={figures.error} loginPath={operatorPaths.login} onRetry={figures.reload} />}
      {figures.status === 'done' && (
        <>
          <Card title={t('operator.trade.byPavilion')}>
            <Table
              rowKey="pavilionId"
              dataSource={figures.data.pavilions}
              pagination={false}
              data-testid="trade-pavilion-figures"
              columns={[{ key: 'name', title: t('operator.trade.pavilion'), render: (_: unknown, row: Figures['pavilions'][number]) => (locale === 'zh-CN' ? row.nameZh : row.nameEn) }, ...responseColumns]}
            />
          </Card>
          <Card title={t('operator.trade.byExporter')}>
            <Table
              rowKey="exporterId"
              dataSource={figures.data.exporters}
              pagination={false}
              data-testid="trade-exporter-figures"
              onRow={(row) => dataAttributes({ 'data-testid': 'trade-exporter-row', 'data-id': row.exporterId })}
              columns={[{ key: 'name', title: t('operator.trade.exporter'), render: (_: unknown, row: Figures['exporters'][number]) => (locale === 'zh-CN' ? row.tradingNameZh : row.tradingNameEn) }, ...responseColumns]}
            />
          </Card>
        </>
      )}
      <Card title={t('operator.trade.companies')}>
        {companies.status === 'loading' && <ConsoleLoading />}
        {companies.status === 'failed' && <ConsoleError error={companies.error} loginPath={operatorPaths.login} onRetry={companies.reload} />}
        {companies.status === 'done' && (
          <Table<Company>
            rowKey="id"
            dataSource={companies.data.items}
            pagination={false}
            data-testid="trade-companies"
            onRow={(row) => dataAttributes({ 'data-testid': 'company-row', 'data-id': row.id })}
            columns={[
              { key: 'name', title: t('operator.trade.companyName'), render: (_, row) => <Space orientation="vertical" size={0}><span>{row.nameZh}</span><Typography.Text type="secondary">{row.nameEn}</Typography.Text></Space> },
              { key: 'code', title: t('operator.trade.creditCode'), render: (_, row) => row.creditCode ?? '—' },
              { key: 'address', title: t('operator.trade.address'), render: (_, row) => row.address ?? row.city },
              { key: 'members', title: t('operator.trade.members'), dataIndex: 'memberCount' },
              {
                key: 'verified',
                title: t('operator.trade.verification'),
                render: (_, row) =>
                  row.verifiedAt ? (
                    <Tag color="gold">{t('operator.trade.verifiedOn', { date: row.verifiedAt.slice(0, 10) })}</Tag>
                  ) : (
                    <Button size="small" disabled={row.creditCode === null} loading={running === `verify:${row.id}`} onClick={() => void verify(row.id)} data-testid="verify-company">
                      {t('operator.trade.verify')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
