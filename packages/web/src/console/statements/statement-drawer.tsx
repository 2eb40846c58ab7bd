import { Alert, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementDetail, StatementLine } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { hrefOf } from '../../api/client.ts';
import { useEndpoint } from '../../api/query.ts';
import { ConsoleError, ConsoleLoading } from '../console-feedback.tsx';
import { dataAttributes } from '../data-attributes.ts';
import { formatBp, formatMoney } from '../money.ts';
import type { StatementEndpoints } from './statements-api.ts';
import { StatementStatusTag } from './statement-status-tag.tsx';

const yuan = (fen: number) => formatMoney(fen, 'CNY');

type Props = { statementId: string | null; statementEndpoints: StatementEndpoints; loginPath: string; onClose: () => void };

/** One statement: who and which month, every line with its rate, the totals, the downloads. */
export function StatementDrawer({ statementId, statementEndpoints, loginPath, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={statementId !== null} onClose={onClose} size={1080} title={t('console.statements.detail')} destroyOnHidden data-testid="statement-drawer">
      {statementId !== null && <StatementBody statementId={statementId} statementEndpoints={statementEndpoints} loginPath={loginPath} />}
    </Drawer>
  );
}

function StatementBody({ statementId, statementEndpoints, loginPath }: { statementId: string; statementEndpoints: StatementEndpoints; loginPath: string }) {
  const statement = useEndpoint(statementEndpoints.get, { params: { id: statementId } });
  if (statement.status === 'loading') return <ConsoleLoading />;
  if (statement.status === 'failed') return <ConsoleError error={statement.error} loginPath={loginPath} onRetry={statement.reload} />;
  return <StatementView statement={statement.data} download={statementEndpoints.download} />;
}

function StatementView({ statement: s, download }: { statement: StatementDetail; download: StatementEndpoints['download'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <div {...dataAttributes({ 'data-testid': 'statement-detail', 'data-statement-id': s.id, 'data-status': s.status })}>
      {s.status === 'draft' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('console.statements.draftNote')} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('console.statements.exporter')}>{pick(locale, s.exporter.nameZh || s.exporter.nameEn, s.exporter.nameEn || s.exporter.nameZh)}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.pavilion')}>{pick(locale, s.pavilion.nameZh, s.pavilion.nameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.month')}>{s.month}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.currency')}>{s.currency}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.statusLabel')}><StatementStatusTag status={s.status} /></Descriptions.Item>
        <Descriptions.Item label={s.issuedAt === null ? t('console.statements.generatedAt') : t('console.statements.issuedAt')}>{formatDateTime(s.issuedAt ?? s.generatedAt)}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 16 }}>
        <Button href={hrefOf(download, { params: { id: s.id }, query: { format: 'xlsx' } })} download data-testid="download-statement-xlsx">{t('console.statements.downloadXlsx')}</Button>
        <Button href={hrefOf(download, { params: { id: s.id }, query: { format: 'pdf' } })} download data-testid="download-statement-pdf">{t('console.statements.downloadPdf')}</Button>
      </Space>

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('console.statements.lines')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.statements.rateNote', { currency: s.currency })}</Typography.Paragraph>
      <Table<StatementLine>
        rowKey="position"
        size="small"
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        dataSource={s.lines}
        scroll={{ x: 'max-content' }}
        data-testid="statement-lines"
        locale={{ emptyText: t('console.statements.noLines') }}
        onRow={(line) => dataAttributes({ 'data-testid': 'statement-line', 'data-order-number': line.orderNumber, 'data-kind': line.kind })}
        columns={[
          { key: 'order', title: t('console.statements.order'), render: (_, l) => `${l.orderNumber} · ${l.lineNo}` },
          { key: 'kind', title: t('console.statements.kindLabel'), render: (_, l) => t(`console.statements.kind.${l.kind}`) },
          { key: 'description', title: t('console.statements.description'), render: (_, l) => pick(locale, l.descriptionZh || l.descriptionEn, l.descriptionEn || l.descriptionZh) },
          { key: 'quantity', title: t('console.statements.quantity'), dataIndex: 'quantity', align: 'right' },
          { key: 'goods', title: t('console.statements.goods'), align: 'right', render: (_, l) => yuan(l.goodsFen) },
          { key: 'commission', title: t('console.statements.commission'), align: 'right', render: (_, l) => <>{yuan(l.commissionFen)} <Typography.Text type="secondary">({formatBp(l.commissionBp)})</Typography.Text></> },
          { key: 'shareFen', title: t('console.statements.shareFen'), align: 'right', render: (_, l) => yuan(l.shareFen) },
          { key: 'rate', title: t('console.statements.rate'), align: 'right', render: (_, l) => <span title={l.rateDate}>{l.rate}</span> },
          { key: 'share', title: t('console.statements.shareIn', { currency: s.currency }), align: 'right', render: (_, l) => formatMoney(l.shareMinor, s.currency) },
          { key: 'date', title: t('console.statements.date'), render: (_, l) => formatDateTime(l.occurredAt) },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered style={{ marginTop: 12 }} data-testid="statement-totals">
        <Descriptions.Item label={t('console.statements.goods')}>{yuan(s.goodsFen)}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.commission')}>{yuan(s.commissionFen)}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.shareFen')}>{yuan(s.shareFen)}</Descriptions.Item>
        <Descriptions.Item label={t('console.statements.total')}>
          <Typography.Text strong data-testid="statement-total" data-amount={s.shareMinor}>{formatMoney(s.shareMinor, s.currency)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
