import { Alert, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportIssue, ImportJob, ImportResult } from '@pavilion/contracts';
import { dataAttributes } from '../../console/data-attributes.ts';
import { exporterPaths } from '../exporter-paths.ts';

/** Checking the rows is the first half of the bar, writing them the second. */
export function importPercent(job: ImportJob): number {
  if (job.status === 'done') return 100;
  const phase = job.totalRows === 0 ? 0 : job.processedRows / job.totalRows;
  return Math.floor((job.status === 'importing' ? 50 + phase * 50 : phase * 50));
}

const statusColors = { validating: 'processing', importing: 'processing', done: 'success', failed: 'error' } as const;

/** Where an import stands: the progress bar, then what it wrote or every problem by row and column. */
export function ImportJobView({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="import-job"
      data-status={job.status}
      title={
        <Space wrap>
          <span>{job.fileName}</span>
          {job.format !== null && <Tag>{job.format.toUpperCase()}</Tag>}
          <Tag color={statusColors[job.status]}>{t(`exporter.import.status.${job.status}`)}</Tag>
        </Space>
      }
    >
      <Progress
        data-testid="import-progress"
        percent={importPercent(job)}
        status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
      />
      {(job.status === 'validating' || job.status === 'importing') && (
        <Typography.Text type="secondary">
          {t(`exporter.import.phase.${job.status}`, { processed: job.processedRows, total: job.totalRows })}
        </Typography.Text>
      )}
      {job.status === 'done' && job.result !== null && <ImportResultView result={job.result} />}
      {job.status === 'failed' && <ImportErrors job={job} />}
    </Card>
  );
}

function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="import-result">
      <Alert type="success" showIcon title={t('exporter.import.done', { created: result.created, updated: result.updated, unchanged: result.unchanged })} />
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: 'rows', label: t('exporter.import.rows'), children: result.rows },
          { key: 'created', label: t('exporter.import.actions.created'), children: result.created },
          { key: 'updated', label: t('exporter.import.actions.updated'), children: result.updated },
          { key: 'unchanged', label: t('exporter.import.actions.unchanged'), children: result.unchanged },
        ]}
      />
      <Table
        rowKey="productId"
        size="small"
        pagination={result.products.length > 20 ? { pageSize: 20 } : false}
        dataSource={result.products}
        columns={[
          { key: 'row', title: t('exporter.import.row'), dataIndex: 'row', width: 80 },
          { key: 'ref', title: t('exporter.import.ref'), render: (_, product) => <Link to={exporterPaths.product(product.productId)}>{product.ref}</Link> },
          { key: 'action', title: t('exporter.import.action'), render: (_, product) => t(`exporter.import.actions.${product.action}`) },
        ]}
      />
    </Space>
  );
}

function ImportErrors({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const errors = job.errors ?? [];
  const none = t('common.none');
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Alert
        type="error"
        showIcon
        title={t('exporter.import.failed', { count: job.errorCount })}
        description={job.errorCount > errors.length ? t('exporter.import.truncated', { shown: errors.length }) : undefined}
      />
      <Table<ImportIssue>
        rowKey={(issue) => `${issue.row ?? ''}:${issue.column ?? ''}:${issue.rule}:${issue.message}`}
        size="small"
        bordered
        data-testid="import-errors"
        dataSource={errors}
        pagination={errors.length > 50 ? { pageSize: 50 } : false}
        onRow={(issue) => dataAttributes({ 'data-testid': 'import-error-row', 'data-row': String(issue.row ?? ''), 'data-column': issue.column ?? '' })}
        columns={[
          { key: 'row', title: t('exporter.import.row'), width: 80, render: (_, issue) => issue.row ?? none },
          { key: 'column', title: t('exporter.import.column'), width: 200, render: (_, issue) => (issue.column === null ? none : <Typography.Text code>{issue.column}</Typography.Text>) },
          { key: 'message', title: t('exporter.import.message'), render: (_, issue) => issue.message },
        ]}
      />
    </Space>
  );
}
