import type { z } from 'zod';
import { useMemo } from 'react';
import { Button, Card, Col, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { operatorCompanyListSchema, tradeFiguresSchema} from '@pavilion/contracts';
import { endpoints } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { EChart } from '../../console/echart.tsx';
import { formatBp } from '../../console/money.ts';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { useEndpoint, useInvalidate } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';
import { countsOption, hoursOption, ratesOption, type ChartLabels, type FigureBar } from './trade-chart-options.ts';
import { api } from '../../api/client.ts';

type Figures = z.output<typeof tradeFiguresSchema>;
type ResponseRow = Figures['exporters'][number] | Figures['pavilions'][number];
type Company = z.output<typeof operatorCompanyListSchema>['items'][number];

/** Whole hours and minutes of a duration in seconds: "5 h 07 min". */
const hoursMinutes = (seconds: number): string => `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;

/** Three charts of one set of rows: the counts, the two rates, the median hours. */
function FigureCharts({ rows, labels, testIdPrefix }: { rows: FigureBar[]; labels: ChartLabels; testIdPrefix: string }) {
  const { t } = useTranslation();
  // Options are rebuilt only when the figures or the language change, so the charts redraw then only.
  const options = useMemo(() => ({ counts: countsOption(rows, labels), rates: ratesOption(rows, labels), hours: hoursOption(rows, labels) }), [rows, labels]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Typography.Text strong>{t('operator.trade.chartCounts')}</Typography.Text>
        <EChart option={options.counts} testId={`${testIdPrefix}-counts-chart`} />
      </Col>
      <Col xs={24} xl={8}>
        <Typography.Text strong>{t('operator.trade.chartRates')}</Typography.Text>
        <EChart option={options.rates} testId={`${testIdPrefix}-rates-chart`} />
      </Col>
      <Col xs={24} xl={8}>
        <Typography.Text strong>{t('operator.trade.chartHours')}</Typography.Text>
        <EChart option={options.hours} testId={`${testIdPrefix}-hours-chart`} />
      </Col>
    </Row>
  );
}

/** Matchmaking: who answers importers and how fast, whose quotes become orders (per pavilion and exporter), and the importer companies to verify. */
export function TradePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const figures = useEndpoint(endpoints.operator.getTradeFigures, {});
  const companies = useEndpoint(endpoints.operator.getCompanies, {});
  const invalidate = useInvalidate();
  const { run, running } = useAction();
  const labels = useMemo<ChartLabels>(
    () => ({
      inquiries: t('operator.trade.inquiries'),
      quotes: t('operator.trade.quotes'),
      orders: t('operator.trade.orders'),
      responseRate: t('operator.trade.responseRate'),
      conversion: t('operator.trade.conversion'),
      medianResponse: t('operator.trade.medianResponse'),
      hours: (value: number) => t('operator.trade.hours', { value }),
    }),
    [t],
  );
  // The loaded data, not the hook's answer (a new object each render), so the charts redraw only on new figures.
  const loaded = figures.status === 'done' ? figures.data : null;
  const bars = useMemo(() => {
    const bar = (row: ResponseRow, name: string): FigureBar => ({ ...row, name });
    return {
      pavilions: (loaded?.pavilions ?? []).map((p) => bar(p, locale === 'zh-CN' ? p.nameZh : p.nameEn)),
      exporters: (loaded?.exporters ?? []).map((e) => bar(e, locale === 'zh-CN' ? e.tradingNameZh : e.tradingNameEn)),
    };
  }, [loaded, locale]);
  const verify = (id: string) => run(`verify:${id}`, () => api(endpoints.operator.verifyCompany, { params: { id } }), t('operator.trade.verifiedDone')).then((ok) => {
      if (ok) void invalidate(endpoints.operator.getCompanies);
    });

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
    { key: 'orders', title: t('operator.trade.orders'), render: (_: unknown, row: ResponseRow) => row.orders },
    { key: 'conversion', title: t('operator.trade.conversion'), render: (_: unknown, row: ResponseRow) => formatBp(row.conversionBp) },
    { key: 'inquiryConversion', title: t('operator.trade.inquiryConversion'), render: (_: unknown, row: ResponseRow) => formatBp(row.inquiryConversionBp) },
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
            <FigureCharts rows={bars.pavilions} labels={labels} testIdPrefix="trade-pavilion" />
            <Table
              rowKey="pavilionId"
              dataSource={figures.data.pavilions}
              pagination={false}
              data-testid="trade-pavilion-figures"
              columns={[{ key: 'name', title: t('operator.trade.pavilion'), render: (_: unknown, row: Figures['pavilions'][number]) => (locale === 'zh-CN' ? row.nameZh : row.nameEn) }, ...responseColumns]}
            />
          </Card>
          <Card title={t('operator.trade.byExporter')}>
            <FigureCharts rows={bars.exporters} labels={labels} testIdPrefix="trade-exporter" />
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
